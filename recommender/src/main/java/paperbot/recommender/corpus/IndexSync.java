package paperbot.recommender.corpus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the search index a view of the database: brings the two into step at start-up ({@link
 * #reconcile}), indexes what other processes sharing the database wrote ({@link #sync}), and
 * rebuilds the index from the database alone ({@link #rebuild}). The index's commits record how far
 * into the database's writes it has followed, so a restart goes on from there.
 */
public final class IndexSync {
  /** Papers read from the database per batch while rebuilding or syncing. */
  private static final int BATCH = 2_000;

  /**
   * How far another process's clock may run behind this one's without a sync missing its writes.
   */
  private static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

  private final PaperArchive database;
  private final CorpusView index;
  private final Clock clock;
  private final Lock writes;

  /** Where {@link #sync} goes on from; set when the index is reconciled with the database. */
  private PaperArchive.Cursor synced = PaperArchive.Cursor.from(Instant.EPOCH);

  public IndexSync(PaperArchive database, CorpusView index, Clock clock) {
    this(database, index, clock, new ReentrantLock());
  }

  /**
   * @param writes the lock the {@link CorpusService} writing to this index holds for each write:
   *     held here from reading the database's changes to indexing them, so that a change read just
   *     before this process replaced or updated the paper is not indexed over the newer write
   */
  public IndexSync(PaperArchive database, CorpusView index, Clock clock, Lock writes) {
    this.database = database;
    this.index = index;
    this.clock = clock;
    this.writes = writes;
  }

  /** What {@link #reconcile} did. */
  public enum Reconciled {
    IN_STEP,
    /** Papers the database had and the index missed were indexed. */
    CAUGHT_UP,
    ARCHIVE_FILLED,
    INDEX_REBUILT
  }

  /**
   * Brings index and database into step at start-up. A database that never held a whole corpus (an
   * install from before it kept papers, or a fill cut short) is filled from the index, batch by
   * batch, and only then marked complete. An index with other papers or sources than a complete
   * database is rebuilt from it: the index directory was lost or damaged, or the index format
   * changed. Otherwise the index catches up with what the database got since its last commit: a
   * process that died between the database write and the index commit left it behind.
   */
  public synchronized Reconciled reconcile() {
    // Changes from here on reach this index by syncing; the margin covers clocks of other processes
    // running behind.
    synced = PaperArchive.Cursor.from(clock.instant().minus(CLOCK_MARGIN));
    Optional<String> storedSources = database.sourceFingerprint();
    if (storedSources.isEmpty()) {
      if (index.size() == 0) {
        return Reconciled.IN_STEP;
      }
      index.forEachBatch(BATCH, database::put);
      database.complete(index.sourceFingerprint().orElse(""));
      index.markFollowed(database.latest()); // records how far into the database the index is
      return Reconciled.ARCHIVE_FILLED;
    }
    if (index.size() != database.count()
        || !index.sourceFingerprint().orElse("").equals(storedSources.get())) {
      rebuild();
      return Reconciled.INDEX_REBUILT;
    }
    // Same count, same sources, but a paper may have been replaced or updated in the database only.
    PaperArchive.Cursor recentEnough = synced;
    synced = index.followedUpTo().orElse(PaperArchive.Cursor.from(Instant.EPOCH));
    int caughtUp = sync();
    if (recentEnough.compareTo(synced) < 0) {
      // The running sync looks back far enough for the writes of other processes too.
      synced = recentEnough;
    }
    return caughtUp > 0 ? Reconciled.CAUGHT_UP : Reconciled.IN_STEP;
  }

  /**
   * Indexes the papers other processes sharing the database wrote since the last sync (one of them
   * fetches the live sources for all); returns how many. Only the index changes: the database has
   * them already.
   */
  public synchronized int sync() {
    int applied = 0;
    while (true) {
      int followed = followNextBatch();
      applied += followed;
      if (followed < BATCH) {
        return applied;
      }
    }
  }

  /** Indexes the next batch of the database's changes; returns how many papers it held. */
  private int followNextBatch() {
    writes.lock();
    try {
      PaperArchive.Changes changes = database.changedSince(synced, BATCH);
      if (changes.papers().isEmpty()) {
        return 0;
      }
      PaperArchive.Cursor reached = changes.next();
      // A commit of this process's own writes may already have recorded a later place.
      Optional<PaperArchive.Cursor> before = index.followedUpTo();
      index.follow(
          changes.papers(), before.filter(cursor -> cursor.compareTo(reached) > 0).orElse(reached));
      synced = reached;
      return changes.papers().size();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Rebuilds the index from the database alone, with the sources fingerprint the database recorded;
   * returns the number of papers. For a lost or damaged index, or one that missed changes the
   * database has.
   */
  public long rebuild() {
    try (CorpusView.Rebuild rebuild = index.startRebuild()) {
      database.forEachBatch(BATCH, rebuild::add);
      rebuild.commit(database.sourceFingerprint().orElse(""), database.latest());
    }
    return index.size();
  }
}
