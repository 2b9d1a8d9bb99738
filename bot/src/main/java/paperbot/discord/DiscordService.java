package paperbot.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final ExecutorService workers;
  private final JDA jda;
  private final ShardManager shards;

  private DiscordService(ExecutorService workers, JDA jda, ShardManager shards) {
    this.workers = workers;
    this.jda = jda;
    this.shards = shards;
  }

  public static DiscordService start(CommandRouter router, DiscordSettings settings)
      throws InterruptedException {
    AtomicInteger count = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            8, task -> new Thread(task, "discord-worker-" + count.incrementAndGet()));
    DiscordAdapter adapter = new DiscordAdapter(router, workers, settings.inlineBudget());
    RestConfig rest = new RestConfig().setBaseUrl(settings.apiUrl());
    if (settings.shards() > 1) {
      ShardManager shards =
          DefaultShardManagerBuilder.createLight(
                  settings.token(), EnumSet.noneOf(GatewayIntent.class))
              .setShardsTotal(settings.shards())
              .setRestConfigProvider(shard -> rest)
              .addEventListeners(adapter)
              .build();
      JDA first = shards.getShards().get(0).awaitReady();
      register(first, settings, DiscordCommands.all(router.specs()));
      return new DiscordService(workers, null, shards);
    }
    JDABuilder builder =
        JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
            .setRestConfig(rest)
            .addEventListeners(adapter);
    if (!settings.gatewayUrl().isBlank()) {
      builder
          .setCompression(Compression.NONE)
          .setSessionController(
              new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                  return settings.gatewayUrl();
                }
              });
    }
    JDA jda = builder.build().awaitReady();
    register(jda, settings, DiscordCommands.all(router.specs()));
    return new DiscordService(workers, jda, null);
  }

  /**
   * Guild commands appear at once, so a development guild gets them there; otherwise they are
   * global.
   */
  private static void register(JDA jda, DiscordSettings settings, List<CommandData> commands) {
    Guild guild = settings.devGuild().isBlank() ? null : jda.getGuildById(settings.devGuild());
    if (guild != null) {
      guild.updateCommands().addCommands(commands).complete();
      log.info("discord commands registered scope=guild guild={}", guild.getId());
    } else {
      if (!settings.devGuild().isBlank()) {
        log.warn("discord dev guild not found, registering globally guild={}", settings.devGuild());
      }
      jda.updateCommands().addCommands(commands).complete();
      log.info("discord commands registered scope=global");
    }
    log.info("discord invite url={}", inviteUrl(jda.getSelfUser().getApplicationId()));
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

  @Override
  public void close() {
    if (shards != null) {
      shards.shutdown();
    }
    if (jda != null) {
      jda.shutdownNow();
    }
    workers.shutdownNow();
  }
}
