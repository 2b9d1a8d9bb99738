package paperbot.recommender.corpus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The search index as the database's follower sees it: papers to read back, and writes that each
 * end in one commit recording how far into the database's writes ({@link PaperArchive.Cursor}) the
 * index then is. Only {@link CorpusService} (right after its own database write) and {@link
 * IndexSync} (catching up with the database) write through it; neither knows it is Lucene.
 */
public interface CorpusView {
  Optional<Paper> get(String id);

  /** The paper stored under this title (compared normalised), if any. */
  Optional<Paper> findByTitle(String title);

  long size();

  /** Every paper, in index order, in batches of at most {@code size}. */
  void forEachBatch(int size, Consumer<List<Paper>> batch);

  /** Which seed files the index was last rebuilt from, as its last commit recorded. */
  Optional<String> sourceFingerprint();

  /** How far into the database's writes the index was at its last commit, if it recorded it. */
  Optional<PaperArchive.Cursor> followedUpTo();

  /** Adds these papers or replaces those with the same ids, and commits. */
  void upsert(Collection<Paper> papers, Optional<PaperArchive.Cursor> followedUpTo);

  /** Replaces the paper under {@code oldId} with one under a new id, in one commit. */
  void replace(String oldId, Paper paper, Optional<PaperArchive.Cursor> followedUpTo);

  /**
   * Applies papers the database changed, in its write order, in one commit: each replaces the paper
   * with its id and any paper it took the place of (its former ids).
   */
  void follow(Collection<Paper> changed, PaperArchive.Cursor followedUpTo);

  /** Commits nothing new but how far the index is (after the database was filled from it). */
  void markFollowed(Optional<PaperArchive.Cursor> followedUpTo);

  /** Commits nothing new but the seed files the papers come from, and how far the index is. */
  void recordSources(String sourceFingerprint, Optional<PaperArchive.Cursor> followedUpTo);

  /**
   * Starts replacing every paper, batch by batch; searches see the old papers until {@link
   * Rebuild#commit}.
   */
  Rebuild startRebuild();

  /** A replacement of every paper in progress: add batches, then commit once. */
  interface Rebuild extends AutoCloseable {
    void add(Collection<Paper> papers);

    /** Makes the new papers the index's, recording their seed files and how far the index is. */
    void commit(String sourceFingerprint, Optional<PaperArchive.Cursor> followedUpTo);

    @Override
    void close();
  }
}
