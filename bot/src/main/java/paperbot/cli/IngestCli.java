package paperbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import paperbot.app.Wiring;
import paperbot.recommender.ingest.IngestSummary;
import paperbot.recommender.ingest.SourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperbot ingest --source arxiv|hf|file [FILE]}: fetch papers by hand, with progress and a
 * summary.
 */
@Command(
    name = "ingest",
    description = "Fetch papers from arXiv, Hugging Face or a file into the corpus.")
final class IngestCli implements Callable<Integer> {
  enum Source {
    arxiv,
    listing,
    hf,
    file
  }

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--source",
      required = true,
      description = "arxiv (API), listing (arXiv daily feed), hf or file")
  Source source;

  @Option(
      names = "--query",
      description = "arXiv search query (default: the configured categories)")
  String query = "";

  @Option(names = "--max", description = "Most arXiv entries (default 200)")
  int max = 200;

  @Option(names = "--date", description = "Hugging Face day, YYYY-MM-DD (default: latest)")
  String date;

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
    if (source == Source.file && (file == null || !Files.isRegularFile(file))) {
      context
          .err()
          .println(
              file == null
                  ? "Give the file to ingest: paperbot ingest --source file FILE"
                  : "No such file: " + file);
      return 2;
    }
    LocalDate day;
    try {
      day = date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      context.err().println("--date must look like 2026-11-23");
      return 2;
    }
    try (Wiring wiring = Wiring.open(context.config(common), context.clock())) {
      IngestSummary summary =
          switch (source) {
            case arxiv ->
                wiring
                    .sources()
                    .arxiv(
                        query,
                        Math.max(1, max),
                        n -> context.err().print("\rarxiv: " + n + " entries read"));
            case listing -> wiring.sources().listing();
            case hf -> wiring.sources().huggingFace(day);
            case file -> wiring.sources().file(file);
          };
      context.err().println();
      summary.problems().stream()
          .limit(10)
          .forEach(problem -> context.err().println("  " + problem));
      context.out().println(source + ": " + summary.line());
      return 0;
    } catch (SourceException e) {
      context.err().println("paperbot: " + e.getMessage());
      return 1;
    }
  }
}
