package paperbot.recommender.corpus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the papers are kept, as ingest sees it: read one, add or change some, replace them all. The
 * ingest code (seed rebuilds, live sources) writes through this port and never knows that its
 * implementation, {@link CorpusService}, writes the database first and the search index after it.
 */
public interface PaperCorpus {
  Optional<Paper> get(String id);

  /** The paper stored under this title (compared normalised), if any: the same paper, new id. */
  Optional<Paper> findByTitle(String title);

  /** Every paper; for rebuilds and exports, not for serving requests. */
  List<Paper> all();

  long size();

  /** Adds these papers, or replaces the stored papers with the same ids. */
  void upsert(Collection<Paper> papers);

  /** Replaces the paper stored under {@code oldId} with {@code paper} (a new id, e.g. arXiv's). */
  void replace(String oldId, Paper paper);

  /** Which seed files the corpus was last rebuilt from, if it was. */
  Optional<String> sourceFingerprint();

  /**
   * Replaces every paper with these, recording which seed files they came from, and keeps {@code
   * stillStored} stored too (papers the caller merges back in next, so a crash in between loses
   * none).
   */
  void replaceAll(
      Collection<Paper> papers, String sourceFingerprint, Collection<Paper> stillStored);

  /**
   * Records which seed files the corpus now comes from, changing no paper: a rebuild that merged
   * the live papers back in is finished.
   */
  void recordSources(String sourceFingerprint);
}
