package paperbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.Outboxes;
import paperbot.chat.Platform;
import paperbot.command.CommandRouter;

/**
 * Runs paperbot on Discord: one JDA connection (or a ShardManager for large bots) with no
 * privileged intents, slash commands registered in the development guild (instant) or globally, and
 * the invite link logged.
 */
public final class DiscordService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordService.class);

  /**
   * What the bot needs in a channel: see it, post in it, and embed links in its posts (digests).
   */
  static final EnumSet<Permission> PERMISSIONS =
      EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

  /** Workers for the core: enough to overlap database waits, bounded so a flood cannot pile up. */
  static final int WORKERS = 8;

  /** Interactions that may wait for a worker; more are answered "busy" at once. */
  static final int QUEUE = 500;

  /** How long a shutdown waits for the answers of interactions in flight. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  /** How long one shard may take to start, beyond Discord's 5 s between IDENTIFYs. */
  static final Duration SHARD_START = Duration.ofSeconds(60);

  private final DiscordAdapter adapter;
  private final JDA jda;
  private final ShardManager shards;
  private final GatewayRefusal refusal;

  private DiscordService(
      DiscordAdapter adapter, JDA jda, ShardManager shards, GatewayRefusal refusal) {
    this.adapter = adapter;
    this.jda = jda;
    this.shards = shards;
    this.refusal = refusal;
  }

  /**
   * Connects and registers the commands.
   *
   * @throws IllegalStateException with one line saying what to change (the token, the intents, the
   *     shards) when Discord refuses the bot at login
   */
  public static DiscordService start(CommandRouter router, DiscordSettings settings, Clock clock)
      throws InterruptedException {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            task -> new Thread(task, "discord-worker-" + count.incrementAndGet()));
    ScheduledExecutorService deadlines =
        Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "discord-deadlines");
          thread.setDaemon(true);
          return thread;
        });
    DiscordAdapter adapter =
        new DiscordAdapter(router, workers, deadlines, settings.inlineBudget(), clock);
    RestConfig rest = new RestConfig().setBaseUrl(settings.apiUrl());
    ConfiguredGateway gateway =
        new ConfiguredGateway(settings.apiUrl(), settings.token(), settings.gatewayUrl());
    GatewayRefusal refusal = new GatewayRefusal();
    JdaRefusalLogFilter.install(); // the refusal is told once, in paperbot's words
    ShardManager built = null;
    JDA connected = null;
    try {
      if (settings.shards() > 1) {
        // JDA's own shutdown hook would stop the requester under answers still in flight; close()
        // shuts down in order instead.
        ShardManager shards =
            DefaultShardManagerBuilder.createLight(
                    settings.token(), EnumSet.noneOf(GatewayIntent.class))
                .setShardsTotal(settings.shards())
                .setRestConfigProvider(shard -> rest)
                .setSessionController(gateway)
                .setEnableShutdownHook(false)
                // The raw interaction holds app_permissions, which JDA does not read.
                .setEventPassthrough(true)
                .addEventListeners(adapter, refusal)
                .build();
        built = shards;
        awaitEveryShard(shards, settings.shards(), refusal);
        register(
            shards.getShards().get(0),
            shards::getGuildById,
            settings,
            DiscordCommands.all(router.specs()));
        return new DiscordService(adapter, null, shards, refusal);
      }
      JDA jda =
          JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
              .setRestConfig(rest)
              .setSessionController(gateway)
              .setEnableShutdownHook(false)
              // The raw interaction holds app_permissions, which JDA does not read.
              .setEventPassthrough(true)
              .addEventListeners(adapter, refusal)
              .build();
      connected = jda;
      awaitReady(jda, refusal);
      register(jda, jda::getGuildById, settings, DiscordCommands.all(router.specs()));
      return new DiscordService(adapter, jda, null, refusal);
    } catch (RuntimeException | InterruptedException e) {
      // A half-started bot must not keep reconnecting in the background.
      if (built != null) {
        built.shutdown();
      }
      if (connected != null) {
        connected.shutdownNow();
      }
      workers.shutdownNow();
      deadlines.shutdownNow();
      if (e instanceof InvalidTokenException) {
        throw new IllegalStateException(GatewayRefusal.TOKEN_REFUSED, e);
      }
      // Refused while registering the commands, say: that, not JDA's complaint, is the reason.
      String refused = refusal.refused().getNow(null);
      if (refused != null && !refused.equals(e.getMessage())) {
        throw new IllegalStateException(refused, e);
      }
      throw e;
    }
  }

  /**
   * The ShardManager starts its shards one after another (Discord allows one IDENTIFY per 5 s), and
   * lists each only once it has started: wait for all, or a dev guild on a later shard is missed.
   */
  private static void awaitEveryShard(ShardManager shards, int total, GatewayRefusal refusal)
      throws InterruptedException {
    long giveUp = System.nanoTime() + SHARD_START.toNanos() * total;
    for (int id = 0; id < total; id++) {
      JDA shard = shards.getShardById(id);
      while (shard == null) {
        if (refusal.refused().isDone()) {
          throw new IllegalStateException(refusal.refused().getNow(""));
        }
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException(
              "discord shard " + id + " of " + total + " never started");
        }
        Thread.sleep(100);
        shard = shards.getShardById(id);
      }
      awaitReady(shard, refusal);
    }
  }

  /** Waits for the connection's READY; a refusal by Discord on the way ends the start. */
  private static void awaitReady(JDA connection, GatewayRefusal refusal)
      throws InterruptedException {
    try {
      connection.awaitReady();
    } catch (IllegalStateException shutDown) {
      throw refusal.whyStartFailed(shutDown);
    }
  }

  /**
   * Guild commands appear at once, so a development guild gets them there, whichever shard serves
   * it; otherwise they are global.
   */
  private static void register(
      JDA any,
      Function<String, Guild> guilds,
      DiscordSettings settings,
      List<CommandData> commands) {
    Guild guild = settings.devGuild().isBlank() ? null : guilds.apply(settings.devGuild());
    if (guild != null) {
      guild.updateCommands().addCommands(commands).complete();
      log.info("discord commands registered scope=guild guild={}", guild.getId());
    } else {
      if (!settings.devGuild().isBlank()) {
        log.warn("discord dev guild not found, registering globally guild={}", settings.devGuild());
      }
      any.updateCommands().addCommands(commands).complete();
      log.info("discord commands registered scope=global");
    }
    log.info("discord invite url={}", inviteUrl(any.getSelfUser().getApplicationId()));
  }

  static String inviteUrl(String applicationId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&scope=bot%20applications.commands&permissions="
        + Permission.getRaw(PERMISSIONS);
  }

  JDA jda() {
    return jda;
  }

  /**
   * Completes, once, with what to change (as one line) when Discord ends the session for good after
   * the start: close codes 4004 and 4010 to 4014 forbid reconnecting, and JDA has stopped. Whoever
   * runs the service decides whether paperbot goes on without Discord.
   */
  public CompletionStage<String> endedForGood() {
    return refusal.refused().copy();
  }

  /**
   * Registers {@link #outbox()} as Discord's, and takes it back, saying why, when Discord ends the
   * session for good: a digest due after that is not attempted (there is no connection left to post
   * through, and each attempt would only fail and be retried) but skipped with one log line, and
   * its papers are kept for a later digest.
   */
  public void registerOutbox(Outboxes outboxes) {
    outboxes.register(Platform.DISCORD, outbox());
    refusal.refused().thenAccept(advice -> outboxes.stop(Platform.DISCORD, advice));
  }

  /** Posts digests through this connection (or the shard that serves the guild). */
  public paperbot.chat.ChatOutbox outbox() {
    return new DiscordOutbox(guild -> {
      if (shards == null) {
        return jda;
      }
      JDA shard =
          guild.matches("\\d+")
              ? shards.getShardById((int) ((Long.parseLong(guild) >> 22) % shards.getShardsTotal()))
              : null;
      return shard != null ? shard : shards.getShards().get(0);
    });
  }

  /**
   * Stops taking interactions and lets those in flight be answered, then closes the gateway
   * connections: JDA's graceful shutdown sends what is already queued.
   */
  @Override
  public void close() {
    try {
      adapter.drain(DRAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (shards != null) {
      shards.shutdown();
    }
    if (jda != null) {
      jda.shutdown();
      try {
        if (!jda.awaitShutdown(DRAIN)) {
          jda.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        jda.shutdownNow();
      }
    }
  }
}
