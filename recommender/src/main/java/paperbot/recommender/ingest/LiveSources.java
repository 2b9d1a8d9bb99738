package paperbot.recommender.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches from a source and merges into the corpus: what {@code paperbot ingest} and the scheduled
 * refresh run.
 */
public final class LiveSources {
  private static final Logger log = LoggerFactory.getLogger(LiveSources.class);

  /**
   * Where and how to fetch.
   *
   * @param arxivUrl arXiv API base URL
   * @param hfUrl Hugging Face daily papers API URL
   * @param categories arXiv categories for the default query
   * @param arxivPacing least time between arXiv requests (arXiv asks for 3 s)
   * @param arxivMax most entries per arXiv refresh
   * @param listingUrl base URL of arXiv's daily listing feeds (one per category)
   */
  public record Settings(
      String arxivUrl,
      String hfUrl,
      List<String> categories,
      Duration arxivPacing,
      int arxivMax,
      String listingUrl) {
    public static Settings defaults() {
      return new Settings(
          ArxivSource.DEFAULT_URL,
          HfDailySource.DEFAULT_URL,
          ArxivSource.DEFAULT_CATEGORIES,
          Duration.ofSeconds(3),
          500,
          ArxivListingSource.DEFAULT_URL);
    }
  }

  private final Settings settings;
  private final CorpusUpdater updater;
  private final Clock clock;

  public LiveSources(Settings settings, CorpusUpdater updater, Clock clock) {
    this.settings = settings;
    this.updater = updater;
    this.clock = clock;
  }

  public IngestSummary arxiv(String query, int max, IntConsumer progress)
      throws InterruptedException {
    PoliteHttp http = new PoliteHttp(settings.arxivPacing(), Duration.ofSeconds(3));
    return logged(
        "arxiv",
        updater.apply(
            new ArxivSource(http, settings.arxivUrl())
                .fetch(settings.categories(), query, max, progress)));
  }

  /**
   * The scheduled arXiv refresh: the day's listing of the configured categories, then the API's
   * newest papers.
   */
  public IngestSummary arxiv() throws InterruptedException {
    listing();
    return arxiv("", settings.arxivMax(), n -> {});
  }

  /** arXiv's daily listing feeds of the configured categories. */
  public IngestSummary listing() throws InterruptedException {
    PoliteHttp http = new PoliteHttp(settings.arxivPacing(), Duration.ofSeconds(3));
    return logged(
        "arxiv-listing",
        updater.apply(
            new ArxivListingSource(http, settings.listingUrl()).fetch(settings.categories())));
  }

  /**
   * The scheduled Hugging Face refresh: today's daily papers (the day in UTC, as Hugging Face dates
   * them).
   */
  public IngestSummary huggingFace() throws InterruptedException {
    return huggingFace(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  public IngestSummary huggingFace(LocalDate day) throws InterruptedException {
    PoliteHttp http = new PoliteHttp(Duration.ofSeconds(1), Duration.ofSeconds(2));
    return logged("hf", updater.apply(new HfDailySource(http, settings.hfUrl()).fetch(day)));
  }

  public IngestSummary file(Path file) {
    Fetched fetched =
        file.getFileName().toString().endsWith(".jsonl")
            ? JsonLinesFile.read(file)
            : seedFile(file);
    return logged("file", updater.apply(fetched));
  }

  /**
   * A seed-layout file read on its own (no merge with the other seed files beyond the index's own
   * joins).
   */
  private Fetched seedFile(Path file) {
    SeedCorpus.FileRead read = SeedCorpus.readFile(file, clock);
    return new Fetched(
        read.records().stream().map(SeedCorpus::toPaper).toList(),
        read.report().errors().size(),
        read.report().errors());
  }

  private static IngestSummary logged(String source, IngestSummary summary) {
    log.info("ingest source={} {}", source, summary.line());
    summary.problems().stream()
        .limit(20)
        .forEach(problem -> log.warn("ingest problem source={} {}", source, problem));
    return summary;
  }
}
