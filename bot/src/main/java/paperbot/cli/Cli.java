package paperbot.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
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
    // An empty --data, --seeds or file name was read as the current directory: `--data ""` put a
    // new database and index beside the launcher, and `export ""` tried to write over a folder.
    line.registerConverter(Path.class, Cli::path);
    // A usage error is one line that names the command and where its options are listed; the
    // whole usage text after it buried the line that said what was wrong.
    line.setParameterExceptionHandler((e, typed) -> {
      String command = e.getCommandLine().getCommandSpec().qualifiedName();
      e.getCommandLine()
          .getErr()
          .println(command + ": " + e.getMessage() + " (" + command + " --help lists the options)");
      return 2;
    });
    line.setOut(new PrintWriter(context.out(), true));
    line.setErr(new PrintWriter(context.err(), true));
    line.setExecutionStrategy(parsed -> {
      inheritCommonOptions(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("paperbot: " + describe(e));
      LoggerFactory.getLogger(Cli.class).debug("command failed", e);
      return 1;
    });
    return line.execute(args);
  }

  /** A path as typed; an empty one, or one the file system cannot name, is a usage error. */
  private static Path path(String typed) {
    if (typed.isBlank()) {
      throw new CommandLine.TypeConversionException("give a file or folder name, not an empty one");
    }
    try {
      return Path.of(typed);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException(
          "'" + typed + "' cannot be a file name (" + e.getReason() + ")");
    }
  }

  /**
   * What went wrong, in one line. A file system error's own message is only the path ({@code
   * /proc/x.partial}), which says nothing of why: the reason goes with it.
   */
  static String describe(Exception e) {
    if (e instanceof FileSystemException files) {
      String reason =
          files.getReason() != null
              ? files.getReason()
              : switch (files) {
                case NoSuchFileException missing -> "no such file or folder";
                case AccessDeniedException denied -> "permission denied";
                case FileAlreadyExistsException exists ->
                    // A folder was to be made where a file is (a path through a file).
                    exists.getFile() != null && Files.isRegularFile(Path.of(exists.getFile()))
                        ? "it is a file, not a folder"
                        : "it already exists";
                case NotDirectoryException notFolder -> "not a folder";
                default -> files.getClass().getSimpleName();
              };
      return "cannot use " + files.getFile() + ": " + reason;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
