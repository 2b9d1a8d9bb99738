package paperbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import paperbot.cli.CliContext;
import paperbot.cli.CommonOptions;
import paperbot.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperbot bench}: builds a synthetic corpus and members, then measures paperbot's hot paths
 * beside raw Lucene in the same run. Progress goes to standard error, the Markdown report to
 * standard output and a file. The launcher runs it from the bench module's jar beside the bot's, so
 * the shipped bot holds the product only.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark paperbot against raw Lucene on a synthetic corpus.")
public final class BenchCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--papers",
      paramLabel = "N",
      description = "Synthetic papers (1000-5000000). Default: 100000")
  int papers = 100_000;

  @Option(
      names = "--members",
      paramLabel = "N",
      description = "Synthetic members, each with a daily digest. " + "Default: 10000")
  int members = 10_000;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "Measured rounds over the queries and members. " + "Default: 10")
  int rounds = 10;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Digest fan-out threads (Quartz runs 2). Default: 2")
  int threads = 2;

  @Option(names = "--seed", paramLabel = "N", description = "Generator seed. Default: 42")
  long seed = 42;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch directory, emptied first. " + "Default: <data>/bench")
  Path work;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the Markdown report here.")
  Path report;

  private final CliContext context;

  /**
   * The bench posts thousands of digests and stores thousands of profiles; one log line each would
   * drown the progress lines and cost time inside the measurement. PAPERBOT_LOG_LEVEL still wins
   * when set.
   */
  private void quietPerItemLogs() {
    if (context.env().get("PAPERBOT_LOG_LEVEL") == null
        && org.slf4j.LoggerFactory.getLogger("paperbot")
            instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  BenchCli(CliContext context) {
    this.context = context;
  }

  public static void main(String[] args) {
    System.exit(run(Main.systemContext(), args));
  }

  /** Parses and runs; returns the exit code (0 ok, 2 usage error, 1 failure), as the CLI does. */
  public static int run(CliContext context, String... args) {
    CommandLine line = new CommandLine(new BenchCli(context));
    line.setOut(new java.io.PrintWriter(context.out(), true));
    line.setErr(new java.io.PrintWriter(context.err(), true));
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("paperbot bench: " + e.getMessage());
      return 1;
    });
    return line.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (papers < 1_000
        || papers > 5_000_000
        || members < 1
        || members > 1_000_000
        || rounds < 1
        || rounds > 1_000
        || threads < 1
        || threads > 64) {
      context
          .err()
          .println(
              "--papers must be 1000-5000000, --members 1-1000000, --rounds 1-1000, --threads 1-64");
      return 2;
    }
    quietPerItemLogs();
    var config = context.config(common);
    Path dir = work != null ? work : config.dataDir().resolve("bench");
    BenchReport result =
        new Benchmark(
                config,
                new Benchmark.Settings(papers, members, rounds, threads, seed),
                dir,
                context.err(),
                context.clock())
            .run();
    String markdown = result.markdown();
    if (report != null) {
      Path file = report.toAbsolutePath();
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, markdown);
    }
    context.out().print(markdown);
    return 0;
  }
}
