package paperbot.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.app.BotConfig;
import paperbot.app.Wiring;
import paperbot.chat.Platform;
import paperbot.console.ConsoleAdapter;
import paperbot.console.ConsoleOutbox;
import paperbot.discord.DiscordService;
import paperbot.slack.SlackOutbox;
import paperbot.slack.SlackService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the bot. With no chat tokens configured it is a local console chat on the seed corpus. */
@Command(name = "chat", description = "Run the bot (the default). Without tokens: a console chat.")
final class ChatCli implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ChatCli.class);

  /** The longest a stop waits for the bot to close in order (each platform drains up to 10 s). */
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(40);

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Who is typing in the console. Default: $USER")
  String user;

  private final CliContext context;

  ChatCli(CliContext context) {
    this.context = context;
  }

  /** Counted down once everything is closed: the shutdown hook waits for it. */
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    BotConfig config = context.config(common);
    if (config.slack().enabled() || config.discord().enabled()) {
      try (Wiring wiring = Wiring.open(config, context.clock(), true)) {
        return serve(wiring, config);
      } finally {
        closed.countDown();
      }
    }
    try (Wiring wiring = Wiring.open(config, context.clock(), true)) {
      wiring.outboxes().register(Platform.CONSOLE, new ConsoleOutbox(context.out()));
      ConsoleAdapter console =
          new ConsoleAdapter(
              wiring.router(), member(), context.terminal(), config.dataDir().resolve("exports"));
      console.run(context.in(), context.out());
    }
    return 0;
  }

  /**
   * Runs the configured chat platforms until the process is stopped (Ctrl-C or SIGTERM), or until
   * Discord, the only platform, ends the session for good (then it fails with what to change).
   * Then, in order: Discord stops taking interactions, answers those in flight and closes; Slack
   * the same; then (closing the wiring) Quartz, the index and the database. The JVM ends when its
   * shutdown hooks return, so the hook waits for that order to finish instead of cutting it short.
   */
  private int serve(Wiring wiring, BotConfig config) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<String> discordEnded = new AtomicReference<>();
    Thread hook = null;
    List<AutoCloseable> platforms = new ArrayList<>();
    try {
      if (config.slack().enabled()) {
        platforms.add(
            SlackService.start(
                wiring.router(), config.slack(), wiring.deliveries(), context.clock()));
        wiring.outboxes().register(Platform.SLACK, new SlackOutbox(config.slack()));
      }
      if (config.discord().enabled()) {
        DiscordService discord =
            DiscordService.start(wiring.router(), config.discord(), context.clock());
        platforms.add(discord);
        discord.registerOutbox(wiring.outboxes());
        // Discord ended the session for good (a reset token, intents taken away): beside Slack,
        // paperbot goes on there and says so once (Discord's digests are skipped, each with a
        // line, and keep their papers); on Discord alone it is dead, so it stops as on Ctrl-C and
        // exits non-zero, for whoever supervises it to see.
        discord
            .endedForGood()
            .thenAccept(advice -> {
              if (config.slack().enabled()) {
                log.error(
                    "discord stopped: paperbot answers on Slack only until it is restarted."
                        + " Discord digests due meanwhile are not posted; their papers wait for a"
                        + " later digest. {}",
                    advice);
              } else {
                discordEnded.set(advice);
                stopped.countDown();
              }
            });
      }
      hook =
          new Thread(
              () -> {
                stopped.countDown();
                try {
                  closed.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "paperbot-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      context
          .err()
          .println(
              "paperbot is running on "
                  + (config.slack().enabled() ? "Slack " : "")
                  + (config.discord().enabled() ? "Discord " : "")
                  + "- press Ctrl-C to stop.");
      stopped.await();
    } finally {
      // The last started closes first: Discord (JDA), then Slack.
      for (AutoCloseable platform : platforms.reversed()) {
        platform.close();
      }
    }
    if (discordEnded.get() != null) {
      // Stopping by itself, not by a signal: the hook has nothing left to wait for.
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException signalledMeanwhile) {
        // the hook runs already and waits for the wiring to close, as on Ctrl-C
      }
      // Closing the wiring (Quartz, the index, the database) follows; then the one line.
      throw new IllegalStateException("stopped: " + discordEnded.get());
    }
    return 0;
  }

  private String member() {
    if (user != null && !user.isBlank()) {
      return user.strip();
    }
    return context.env().getOrDefault("USER", "me");
  }
}
