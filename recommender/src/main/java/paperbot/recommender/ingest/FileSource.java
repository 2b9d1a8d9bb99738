package paperbot.recommender.ingest;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A file on disk: a JSON Lines export ({@code paperbot export}) or a file in one of the seed
 * layouts. Run by hand only.
 */
public final class FileSource implements PaperSource {
  public static final String NAME = "file";

  private final Clock clock;

  public FileSource(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a .jsonl export or a file in a seed layout (give FILE)";
  }

  @Override
  public String defaultCron() {
    return "";
  }

  @Override
  public Fetched fetch(SourceRequest request) {
    Path file = request.file();
    if (file == null) {
      throw new SourceException("give the file to ingest");
    }
    return file.getFileName().toString().endsWith(".jsonl")
        ? JsonLinesFile.read(file)
        : seedFile(file);
  }

  /**
   * A seed-layout file read on its own (no merge with the other seed files beyond the corpus's own
   * joins).
   */
  private Fetched seedFile(Path file) {
    SeedCorpus.FileRead read = SeedCorpus.readFile(file, clock);
    return new Fetched(
        read.records().stream().map(SeedCorpus::toPaper).toList(),
        read.report().errors().size(),
        read.report().errors());
  }
}
