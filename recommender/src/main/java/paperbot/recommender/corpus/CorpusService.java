package paperbot.recommender.corpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  public CorpusService(PaperArchive database, CorpusView index) {
    this.database = database;
    this.index = index;
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
    database.put(papers);
    index.upsert(papers, database.latest());
  }

  @Override
  public void replace(String oldId, Paper paper) {
    database.replace(oldId, paper);
    index.replace(oldId, paper, database.latest());
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
    database.replaceAll(kept.values(), sourceFingerprint);
    try (CorpusView.Rebuild rebuild = index.startRebuild()) {
      rebuild.add(papers);
      rebuild.commit(sourceFingerprint, database.latest());
    }
  }
}
