package paperbot.recommender.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper sources this corpus is fed from, by name, and the one way they are run: fetch, then
 * merge into the corpus. What {@code paperbot ingest} and the scheduled refreshes call.
 */
public final class LiveSources {
  private static final Logger log = LoggerFactory.getLogger(LiveSources.class);

  private final Map<String, PaperSource> sources = new LinkedHashMap<>();
  private final CorpusUpdater updater;
  private final Clock clock;

  public LiveSources(List<PaperSource> sources, CorpusUpdater updater, Clock clock) {
    for (PaperSource source : sources) {
      if (this.sources.put(source.name(), source) != null) {
        throw new IllegalArgumentException("two paper sources are named " + source.name());
      }
    }
    this.updater = updater;
    this.clock = clock;
  }

  /** Every source, in wiring order. */
  public List<PaperSource> all() {
    return List.copyOf(sources.values());
  }

  public Optional<PaperSource> find(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  /** Fetches from the named source and merges what came into the corpus. */
  public IngestSummary ingest(String name, SourceRequest request) throws InterruptedException {
    PaperSource source =
        find(name).orElseThrow(() -> new IllegalArgumentException("no paper source " + name));
    return logged(name, updater.apply(source.fetch(request)));
  }

  /**
   * A scheduled refresh: the source's default query for today (in UTC, as Hugging Face dates its
   * days), with a scheduled refresh's patience.
   */
  public IngestSummary refresh(String name) throws InterruptedException {
    return ingest(name, SourceRequest.scheduled(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
  }

  /**
   * Fetches papers by arXiv id from the first source that can look ids up, and merges them into the
   * corpus: a link to a paper paperbot has not seen yet.
   *
   * @return what was stored, or empty when no wired source looks ids up
   */
  public Optional<IngestSummary> lookUp(List<String> arxivIds, Duration patience)
      throws InterruptedException {
    for (PaperSource source : sources.values()) {
      if (source instanceof PaperLookup lookup) {
        return Optional.of(
            logged(source.name(), updater.apply(lookup.byIds(arxivIds, Deadline.in(patience)))));
      }
    }
    return Optional.empty();
  }

  private static IngestSummary logged(String source, IngestSummary summary) {
    log.info("ingest source={} {}", source, summary.line());
    summary.problems().stream()
        .limit(20)
        .forEach(problem -> log.warn("ingest problem source={} {}", source, problem));
    return summary;
  }
}
