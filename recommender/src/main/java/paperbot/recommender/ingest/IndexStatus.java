package paperbot.recommender.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What bringing the index up to date did.
 *
 * @param papers papers in the index now
 * @param rebuilt true when the sources had changed and were ingested again
 * @param took how long the check (and any rebuild) took
 * @param files per-file reports of the ingest, empty when nothing was rebuilt
 */
public record IndexStatus(long papers, boolean rebuilt, Duration took, List<FileReport> files) {
  public IndexStatus {
    files = List.copyOf(files);
  }
}
