package paperbot.recommender.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperCorpus;

/**
 * Keeps the corpus in step with the seed files: re-ingests them only when their fingerprint
 * changed.
 */
public final class SeedIndexer {
  private static final Logger log = LoggerFactory.getLogger(SeedIndexer.class);

  /** Layouts of the seed readers; any other source is live. */
  private static final Set<String> SEED_LAYOUTS =
      Arrays.stream(SeedLayout.values()).map(SeedLayout::label).collect(Collectors.toSet());

  /** Marks the sources of a seed rebuild whose live papers are not merged back in yet. */
  static final String UNFINISHED = "unfinished:";

  private SeedIndexer() {}

  public static IndexStatus ensureCurrent(PaperCorpus corpus, Path seedsDir, Clock clock) {
    long started = System.nanoTime();
    String fingerprint = SeedCorpus.fingerprint(seedsDir);
    if (corpus.sourceFingerprint().filter(fingerprint::equals).isPresent()) {
      return new IndexStatus(
          corpus.size(), false, Duration.ofNanos(System.nanoTime() - started), List.of());
    }
    log.info("ingest started seeds={}", seedsDir);
    CorpusLoad load = SeedCorpus.load(seedsDir, clock);
    for (FileReport file : load.files()) {
      log.info(
          "ingest file={} layout={} records={} errors={}",
          file.file(),
          file.layout(),
          file.records(),
          file.errors().size());
      file.errors().forEach(error -> log.warn("ingest problem {}", error));
    }
    // Papers that live sources added or enriched survive a seed rebuild: they are merged back in
    // afterwards.
    List<Paper> live =
        corpus.size() == 0
            ? List.of()
            : corpus.all().stream()
                .filter(p -> p.sources().stream().anyMatch(s -> !SEED_LAYOUTS.contains(s.layout())))
                .toList();
    if (live.isEmpty()) {
      corpus.replaceAll(load.papers(), load.fingerprint(), live);
    } else {
      // The new seeds are recorded only once the live papers are merged back in: a start after a
      // crash in between finds the seeds not current and merges again, where it would otherwise
      // keep a seed paper and the live paper that had joined it as two papers.
      corpus.replaceAll(load.papers(), UNFINISHED + load.fingerprint(), live);
      new CorpusUpdater(corpus).apply(new Fetched(live, 0, List.of()));
      corpus.recordSources(load.fingerprint());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.info(
        "ingest done records={} papers={} merged={} took_ms={}",
        load.records(),
        load.papers().size(),
        load.merges(),
        took.toMillis());
    return new IndexStatus(corpus.size(), true, took, load.files());
  }
}
