package paperbot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  @Override
  public Integer call() throws Exception {
    BotConfig config = context.config(common);
    try (Wiring wiring = Wiring.open(config, context.clock(), true)) {
      if (config.slack().enabled() || config.discord().enabled()) {
        return serve(wiring, config);
      }
      wiring.outboxes().register(Platform.CONSOLE, new ConsoleOutbox(context.out()));
      ConsoleAdapter console =
          new ConsoleAdapter(
              wiring.router(), member(), context.terminal(), config.dataDir().resolve("exports"));
      console.run(context.in(), context.out());
    }
    return 0;
  }

  /** Runs the configured chat platforms until the process is stopped (Ctrl-C or SIGTERM). */
  private int serve(Wiring wiring, BotConfig config) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    List<AutoCloseable> platforms = new ArrayList<>();
    try {
      if (config.slack().enabled()) {
        platforms.add(SlackService.start(wiring.router(), config.slack()));
        wiring.outboxes().register(Platform.SLACK, new SlackOutbox(config.slack()));
      }
      if (config.discord().enabled()) {
        DiscordService discord = DiscordService.start(wiring.router(), config.discord());
        platforms.add(discord);
        wiring.outboxes().register(Platform.DISCORD, discord.outbox());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "paperbot-shutdown"));
      context
          .err()
          .println(
              "paperbot is running on "
                  + (config.slack().enabled() ? "Slack " : "")
                  + (config.discord().enabled() ? "Discord " : "")
                  + "- press Ctrl-C to stop.");
      stopped.await();
    } finally {
      for (AutoCloseable platform : platforms) {
        platform.close();
      }
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
