package paperbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code paperbot} command: with no subcommand it runs the bot, like {@code paperbot chat}. */
@Command(
    name = "paperbot",
    mixinStandardHelpOptions = true,
    version = "paperbot 0.1.0",
    description = "A research-paper recommender that lives in chat.",
    footer = {
      "",
      "The benchmark ships beside the bot, not in it: ./paperbot bench --help (see"
          + " docs/performance.md)."
    },
    subcommands = CommandLine.HelpCommand.class)
public final class Cli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Who is typing in the console. Default: $USER")
  String user;

  private final CliContext context;

  private Cli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    ChatCli chat = new ChatCli(context);
    chat.common = common;
    chat.user = user;
    return chat.call();
  }

  /**
   * {@code paperbot --data DIR search ...} means the subcommand's data directory too: options given
   * before the subcommand fill the subcommand's own where it left them out. Without this, the tool
   * silently used ./data (an ingest could land in the wrong database).
   */
  private static void inheritCommonOptions(CommandLine.ParseResult parsed) {
    if (!parsed.hasSubcommand() || !(parsed.commandSpec().userObject() instanceof Cli top)) {
      return;
    }
    Object sub = parsed.subcommand().commandSpec().userObject();
    CommandLine.Model.CommandSpec mixin = parsed.subcommand().commandSpec().mixins().get("common");
    if (mixin != null && mixin.userObject() instanceof CommonOptions common) {
      common.dataDir = common.dataDir != null ? common.dataDir : top.common.dataDir;
      common.seedsDir = common.seedsDir != null ? common.seedsDir : top.common.seedsDir;
    }
    if (sub instanceof ChatCli chat && chat.user == null) {
      chat.user = top.user;
    }
  }

  /** Parses and runs; returns the exit code (0 ok, 2 usage error, 1 failure). */
  public static int run(CliContext context, String... args) {
    CommandLine line =
        new CommandLine(new Cli(context))
            .addSubcommand("chat", new ChatCli(context))
            .addSubcommand("search", new SearchCli(context))
            .addSubcommand("stats", new StatsCli(context))
            .addSubcommand("digest", new DigestCli(context))
            .addSubcommand("ingest", new IngestCli(context))
            .addSubcommand("export", new ExportCli(context))
            .addSubcommand("reindex", new ReindexCli(context))
            .addSubcommand("backup", new BackupCli.Backup(context))
            .addSubcommand("restore", new BackupCli.Restore(context));
    // "paperbot search diffusion -video": a word with a minus is left out of the search, not an
    // option the command lacks.
    line.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
    line.setOut(new PrintWriter(context.out(), true));
    line.setErr(new PrintWriter(context.err(), true));
    line.setExecutionStrategy(parsed -> {
      inheritCommonOptions(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("paperbot: " + e.getMessage());
      LoggerFactory.getLogger(Cli.class).debug("command failed", e);
      return 1;
    });
    return line.execute(args);
  }
}
