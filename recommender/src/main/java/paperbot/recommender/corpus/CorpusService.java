package paperbot.recommender.corpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place papers are written: to the database ({@link PaperArchive}) first, then to the
 * search index that follows it ({@link CorpusView}). A write that returned is in the database;
 * should the process die before the index commits it, {@link IndexSync} indexes it at the next
 * start. Reads come from the index, which has every write of this process the moment it returns.
 */
public final class CorpusService implements PaperCorpus {
  /** Papers read from the index per batch for {@link #all}. */
  private static final int READ_BATCH = 2_000;

  private final PaperArchive database;
  private final CorpusView index;
  private final Lock writes;

  public CorpusService(PaperArchive database, CorpusView index) {
    this(database, index, new ReentrantLock());
  }

  /**
   * @param writes held for each write, and by the {@link IndexSync} of the same index while it
   *     indexes what it read from the database: a change it read before one of these writes must
   *     not be indexed after it
   */
  public CorpusService(PaperArchive database, CorpusView index, Lock writes) {
    this.database = database;
    this.index = index;
    this.writes = writes;
  }

  /** A corpus that is its index alone, with no database: tests and throwaway indexes. */
  public static CorpusService indexOnly(CorpusView index) {
    return new CorpusService(PaperArchive.NONE, index);
  }

  @Override
  public Optional<Paper> get(String id) {
    return index.get(id);
  }

  @Override
  public Optional<Paper> findByTitle(String title) {
    return index.findByTitle(title);
  }

  /** Every paper, in index order (for export). */
  @Override
  public List<Paper> all() {
    List<Paper> papers = new ArrayList<>();
    index.forEachBatch(READ_BATCH, papers::addAll);
    return papers;
  }

  @Override
  public long size() {
    return index.size();
  }

  @Override
  public Optional<String> sourceFingerprint() {
    return index.sourceFingerprint();
  }

  @Override
  public void upsert(Collection<Paper> papers) {
    writes.lock();
    try {
      database.put(papers);
      index.upsert(papers, database.latest());
    } finally {
      writes.unlock();
    }
  }

  @Override
  public void replace(String oldId, Paper paper) {
    writes.lock();
    try {
      database.replace(oldId, paper);
      index.replace(oldId, paper, database.latest());
    } finally {
      writes.unlock();
    }
  }

  @Override
  public void recordSources(String sourceFingerprint) {
    writes.lock();
    try {
      database.complete(sourceFingerprint);
      index.recordSources(sourceFingerprint, database.latest());
    } finally {
      writes.unlock();
    }
  }

  /**
   * Replaces everything with these papers, but keeps {@code stillStored} in the database too
   * (papers the caller merges back in next): should the process die in between, the database has
   * not lost them.
   */
  @Override
  public void replaceAll(
      Collection<Paper> papers, String sourceFingerprint, Collection<Paper> stillStored) {
    Map<String, Paper> kept = new LinkedHashMap<>();
    papers.forEach(paper -> kept.put(paper.id(), paper));
    stillStored.forEach(paper -> kept.put(paper.id(), paper));
    writes.lock();
    try {
      database.replaceAll(kept.values(), sourceFingerprint);
      try (CorpusView.Rebuild rebuild = index.startRebuild()) {
        rebuild.add(papers);
        rebuild.commit(sourceFingerprint, database.latest());
      }
    } finally {
      writes.unlock();
    }
  }
}
