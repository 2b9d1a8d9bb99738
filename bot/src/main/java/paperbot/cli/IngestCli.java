package paperbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import paperbot.app.BotConfig;
import paperbot.app.Wiring;
import paperbot.recommender.ingest.Deadline;
import paperbot.recommender.ingest.FileSource;
import paperbot.recommender.ingest.IngestSummary;
import paperbot.recommender.ingest.PaperSource;
import paperbot.recommender.ingest.SourceException;
import paperbot.recommender.ingest.SourceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperbot ingest --source NAME [FILE]}: fetch papers by hand from any wired paper source,
 * with progress and a summary. Exit status: 0 everything fetched was stored; 1 the source could not
 * be read (nothing from it stored); 2 usage error; 3 stored what was good, but some records or
 * pages were refused.
 */
@Command(
    name = "ingest",
    description = {
      "Fetch papers from a paper source into the corpus.",
      "Exit status: 0 all stored; 1 the source failed, nothing stored; 2 usage error;"
          + " 3 the good papers stored, some records or pages refused (listed)."
    })
final class IngestCli implements Callable<Integer> {
  /** Exit status when the good papers were stored but some records or pages were refused. */
  static final int PARTLY_STORED = 3;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--source",
      required = true,
      paramLabel = "NAME",
      description =
          "The paper source: arxiv (API), listing (arXiv daily feeds), hf (Hugging Face), file;"
              + " a name it does not know lists every wired source")
  String source;

  @Option(
      names = "--query",
      description = "arXiv search query (default: the configured categories)")
  String query = "";

  @Option(names = "--max", description = "Most arXiv entries (default 200)")
  int max = 200;

  @Option(names = "--date", description = "Hugging Face day, YYYY-MM-DD (default: latest)")
  String date;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "Give up after this long, retries included"
              + " (default: PAPERBOT_INGEST_TIMEOUT_SECONDS, 60)")
  Integer timeoutSeconds;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "A .jsonl export or a seed-layout file")
  Path file;

  private final CliContext context;

  IngestCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    BotConfig config = context.config(common);
    List<PaperSource> sources = Wiring.paperSources(config, context.clock());
    if (sources.stream().noneMatch(s -> s.name().equals(source))) {
      context
          .err()
          .println(
              "No source named '"
                  + source
                  + "'. Choose one of: "
                  + sources.stream()
                      .map(s -> s.name() + " (" + s.description() + ")")
                      .collect(Collectors.joining("; ")));
      return 2;
    }
    if (source.equals(FileSource.NAME) && (file == null || !Files.isRegularFile(file))) {
      context
          .err()
          .println(
              file == null
                  ? "Give the file to ingest: paperbot ingest --source file FILE"
                  : "No such file: " + file);
      return 2;
    }
    if (max < 1) {
      context.err().println("--max must be a positive number of papers");
      return 2;
    }
    LocalDate day;
    try {
      day = date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      // 2026-02-30 looks like 2026-11-23: say that it is no day, not that it has the wrong form.
      context.err().println("--date " + date + " is not a day; give one like 2026-11-23");
      return 2;
    }
    Duration timeout =
        timeoutSeconds == null
            ? config.sources().ingestTimeout()
            : Duration.ofSeconds(timeoutSeconds);
    if (timeout.isNegative() || timeout.isZero()) {
      context.err().println("--timeout must be a positive number of seconds");
      return 2;
    }
    try (Wiring wiring = Wiring.open(config, context.clock())) {
      SourceRequest request =
          new SourceRequest(
              query,
              max,
              day,
              file,
              Deadline.in(timeout),
              n -> context.err().print("\r" + source + ": " + n + " records read"));
      IngestSummary summary = wiring.sources().ingest(source, request);
      context.err().println();
      summary.problems().stream()
          .limit(10)
          .forEach(problem -> context.err().println("  " + problem));
      if (summary.problems().size() > 10) {
        context.err().println("  … and " + (summary.problems().size() - 10) + " more in the log");
      }
      context.out().println(source + ": " + summary.line());
      if (!summary.refusedAny()) {
        return 0;
      }
      context.out().println(refusedLine(summary));
      if (summary.problems().stream().anyMatch(p -> p.contains(SourceException.TimedOut.WORDING))) {
        context.out().println(tryLater(timeout));
      }
      return PARTLY_STORED;
    } catch (SourceException e) {
      context.err().println();
      context.err().println("paperbot: " + e.getMessage());
      context.err().println("Nothing from " + source + " was stored.");
      if (e instanceof SourceException.TimedOut) {
        context.err().println(tryLater(timeout));
      }
      return 1;
    }
  }

  /** What was stored and what was refused, in one line. */
  private static String refusedLine(IngestSummary summary) {
    StringBuilder refused = new StringBuilder();
    if (summary.rejected() > 0) {
      refused.append(plural(summary.rejected(), "malformed record"));
    }
    if (summary.brokenPages() > 0) {
      refused
          .append(refused.isEmpty() ? "" : " and ")
          .append(plural(summary.brokenPages(), "broken page"));
    }
    return "stored "
        + plural(summary.stored(), "paper")
        + " ("
        + summary.added()
        + " new, "
        + summary.updated()
        + " updated, "
        + summary.merged()
        + " merged); refused "
        + refused
        + ", listed above";
  }

  private static String tryLater(Duration timeout) {
    return "The source is slow or refusing requests. Try again later, or allow longer with"
        + " --timeout SECONDS (this run allowed "
        + timeout.toSeconds()
        + " s).";
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
