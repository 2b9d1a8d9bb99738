package paperbot.recommender.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperCorpus;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperArchive;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.rank.DigestQuery;
import paperbot.recommender.rank.ProfileQuery;
import paperbot.recommender.rank.ProfileRanker;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.rank.Ranker;
import paperbot.recommender.rank.Recommendations;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.rank.SearchResults;

/**
 * The paper index on disk. One writer; searches use near-real-time searchers from a {@link
 * SearcherManager}, so updates never block queries and every committed update is visible to the
 * next search.
 */
public final class LucenePaperIndex implements PaperIndex, PaperCorpus {
  /**
   * Bump when the document mapping or analysis changes: an index of another schema is rebuilt from
   * sources.
   */
  static final String SCHEMA = "paperbot-index-10";

  /** Papers read from the archive per batch while rebuilding or syncing. */
  private static final int REBUILD_BATCH = 2_000;

  /**
   * Terms one like teaches (see {@link #likeTerms}): a paper's vector without its long tail (100
   * measured as good as 1,000 on the development feed, 30 worse).
   */
  static final int LIKE_TERMS = 100;

  /**
   * How far another process's clock may run behind this one's without a sync missing its writes.
   */
  private static final Duration SYNC_CLOCK_MARGIN = Duration.ofMinutes(5);

  private static final String SCHEMA_KEY = "schema";
  private static final String SOURCES_KEY = "sources";
  private static final String ARCHIVE_KEY = "archived-up-to";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Ranker ranker;
  private final ProfileRanker profiles;
  private final SimilarPapers similar;

  private final PaperArchive archive;
  private final Clock clock;

  /**
   * Where {@link #syncFromArchive} goes on from; set when the index is reconciled with the archive.
   */
  private PaperArchive.Cursor synced = PaperArchive.Cursor.from(Instant.EPOCH);

  private LucenePaperIndex(
      Directory directory,
      IndexWriter writer,
      Ranker ranker,
      ProfileRanker profiles,
      SimilarPapers similar,
      PaperArchive archive,
      Clock clock)
      throws IOException {
    this.archive = archive;
    this.clock = clock;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.ranker = ranker;
    this.profiles = profiles;
    this.similar = similar;
  }

  /** Opens (or creates) the index in {@code dir}, on its own: no archive keeps its papers. */
  public static LucenePaperIndex open(Path dir, QueryExpander expander, Clock clock) {
    return open(dir, expander, clock, PaperArchive.NONE);
  }

  /**
   * Opens (or creates) the index in {@code dir}. Every change is written to the archive before the
   * index commits it, so the index can be rebuilt from the archive ({@link #rebuildFromArchive}).
   */
  public static LucenePaperIndex open(
      Path dir, QueryExpander expander, Clock clock, PaperArchive archive) {
    PaperAnalyzer analyzer = new PaperAnalyzer();
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              // A larger buffer than the 16 MB default flushes fewer, bigger segments: less merging
              // during bulk loads.
              .setRAMBufferSizeMB(64);
      IndexWriter writer;
      try {
        writer = new IndexWriter(directory, config);
      } catch (IOException e) {
        directory.close();
        throw e;
      }
      return new LucenePaperIndex(
          directory,
          writer,
          new Ranker(analyzer, expander, clock),
          new ProfileRanker(analyzer, expander, clock),
          new SimilarPapers(analyzer),
          archive,
          clock);
    } catch (LockObtainFailedException e) {
      // Lucene allows one writer per index: another paperbot process (the running bot) holds it.
      throw new UncheckedIOException(
          "the index at "
              + dir
              + " is in use by another paperbot process; stop it first, "
              + "or give this command its own --data directory",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index at " + dir, e);
    }
  }

  @Override
  public SearchResults search(SearchRequest request) {
    return withSearcher(searcher -> ranker.search(searcher, request));
  }

  @Override
  public Recommendations recommend(ProfileQuery query) {
    return withSearcher(searcher -> profiles.recommend(searcher, query));
  }

  @Override
  public Recommendations digest(DigestQuery query) {
    return withSearcher(searcher -> profiles.digest(searcher, query));
  }

  @Override
  public Recommendations trending(int limit) {
    return withSearcher(searcher -> profiles.trending(searcher, limit));
  }

  @Override
  public SearchResults moreLikeThis(String id, int limit) {
    return moreLikeThis(id, limit, Map.of());
  }

  @Override
  public SearchResults moreLikeThis(String id, int limit, Map<String, Double> learned) {
    return withSearcher(searcher -> similar.like(searcher, id, limit, learned));
  }

  @Override
  public List<String> distinctiveWords(String id, int limit) {
    return withSearcher(searcher -> similar.distinctiveWords(searcher, id, limit));
  }

  @Override
  public Map<String, Double> likeTerms(String id) {
    return withSearcher(searcher -> similar.likeTerms(searcher, id, LIKE_TERMS));
  }

  @Override
  public Optional<Paper> get(String id) {
    return firstPaper(new Term(PaperFields.ID, id));
  }

  @Override
  public void upsert(Collection<Paper> papers) {
    archive.put(papers);
    try {
      for (Paper paper : papers) {
        // Replaces any older version of the same paper atomically: delete-by-id and add in one
        // operation.
        writer.updateDocument(
            new Term(PaperFields.ID, paper.id()), PaperDocuments.toDocument(paper));
      }
      commit(sourceFingerprint().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException("index update failed", e);
    }
  }

  /** The paper stored under this normalised title (or alias), if any. */
  @Override
  public Optional<Paper> findByTitle(String title) {
    return firstPaper(
        new Term(PaperFields.TITLE_KEY, paperbot.recommender.corpus.PaperId.normalise(title)));
  }

  /** The paper indexed under this exact term (an id or a title key), if any. */
  private Optional<Paper> firstPaper(Term term) {
    return withSearcher(searcher -> PaperDocuments.first(searcher, term));
  }

  /** Replaces the paper stored under {@code oldId} with one under a new id, in one commit. */
  @Override
  public void replace(String oldId, Paper paper) {
    archive.replace(oldId, paper);
    try {
      // Delete first: a delete only affects documents added before it, so the new one survives.
      writer.deleteDocuments(new Term(PaperFields.ID, oldId));
      writer.updateDocument(new Term(PaperFields.ID, paper.id()), PaperDocuments.toDocument(paper));
      commit(sourceFingerprint().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException("index update failed", e);
    }
  }

  /** Every paper, in index order (for export). */
  @Override
  public List<Paper> all() {
    List<Paper> papers = new ArrayList<>();
    forEachBatch(REBUILD_BATCH, papers::addAll);
    return papers;
  }

  /**
   * Every paper, in index order, in batches of at most {@code size}: corpora larger than memory fit
   * through.
   */
  public void forEachBatch(int size, Consumer<List<Paper>> batch) {
    withSearcher(searcher -> {
      List<Paper> papers = new ArrayList<>(size);
      var stored = searcher.storedFields();
      for (var leaf : searcher.getIndexReader().leaves()) {
        var live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            papers.add(PaperDocuments.fromDocument(stored.document(leaf.docBase + doc)));
            if (papers.size() == size) {
              batch.accept(List.copyOf(papers));
              papers.clear();
            }
          }
        }
      }
      if (!papers.isEmpty()) {
        batch.accept(List.copyOf(papers));
      }
      return null;
    });
  }

  /**
   * Replaces everything with these papers and records which sources they came from, in one commit.
   */
  public void replaceAll(Collection<Paper> papers, String sourceFingerprint) {
    replaceAll(papers, sourceFingerprint, List.of());
  }

  /**
   * Replaces everything with these papers, but keeps {@code stillArchived} in the archive too
   * (papers the caller merges back in next): should the process die in between, the archive has not
   * lost them.
   */
  @Override
  public void replaceAll(
      Collection<Paper> papers, String sourceFingerprint, Collection<Paper> stillArchived) {
    Map<String, Paper> archived = new LinkedHashMap<>();
    papers.forEach(paper -> archived.put(paper.id(), paper));
    stillArchived.forEach(paper -> archived.put(paper.id(), paper));
    archive.replaceAll(archived.values(), sourceFingerprint);
    try (BulkLoad load = startBulkLoad(BulkLoad.DEFAULT_THREADS)) {
      load.add(papers);
      load.commit(sourceFingerprint);
    }
  }

  /** What {@link #reconcileWithArchive} did. */
  public enum Reconciled {
    IN_STEP,
    /** Papers the database had and the index missed were indexed. */
    CAUGHT_UP,
    ARCHIVE_FILLED,
    INDEX_REBUILT
  }

  /**
   * Brings index and archive into step at start-up. An archive that never held a whole corpus (an
   * install from before there was one, or a fill cut short) is filled from the index, batch by
   * batch, and only then marked complete. An index with other papers or sources than a complete
   * archive is rebuilt from it: the index directory was lost or damaged, or the index format
   * changed. Otherwise the index catches up with what the archive got since its last commit: a
   * process that died between the archive write and the index commit left it behind.
   */
  public synchronized Reconciled reconcileWithArchive() {
    // Changes from here on reach this index by syncing; the margin covers clocks of other processes
    // running behind.
    synced = PaperArchive.Cursor.from(clock.instant().minus(SYNC_CLOCK_MARGIN));
    Optional<String> archivedSources = archive.sourceFingerprint();
    if (archivedSources.isEmpty()) {
      if (size() == 0) {
        return Reconciled.IN_STEP;
      }
      forEachBatch(REBUILD_BATCH, archive::put);
      archive.complete(sourceFingerprint().orElse(""));
      try {
        commit(sourceFingerprint().orElse("")); // records how far into the archive the index is
      } catch (IOException e) {
        throw new UncheckedIOException("index commit failed", e);
      }
      return Reconciled.ARCHIVE_FILLED;
    }
    if (size() != archive.count()
        || !sourceFingerprint().orElse("").equals(archivedSources.get())) {
      rebuildFromArchive();
      return Reconciled.INDEX_REBUILT;
    }
    // Same count, same sources, but a paper may have been replaced or updated in the archive only.
    PaperArchive.Cursor recentEnough = synced;
    synced = archivedUpTo().orElse(PaperArchive.Cursor.from(Instant.EPOCH));
    int caughtUp = syncFromArchive();
    if (recentEnough.compareTo(synced) < 0) {
      synced =
          recentEnough; // the running sync looks back far enough for the writes of other processes
      // too
    }
    return caughtUp > 0 ? Reconciled.CAUGHT_UP : Reconciled.IN_STEP;
  }

  /**
   * Indexes the papers other processes sharing the database wrote since the last sync (one of them
   * fetches the live sources for all); returns how many. Only the index changes: the archive has
   * them already.
   */
  public synchronized int syncFromArchive() {
    int applied = 0;
    while (true) {
      PaperArchive.Changes changes = archive.changedSince(synced, REBUILD_BATCH);
      if (changes.papers().isEmpty()) {
        return applied;
      }
      try {
        for (Paper paper : changes.papers()) {
          // A paper that replaced one under another id (a seed paper found on arXiv) takes its
          // place here too.
          for (SourceRecord source : paper.sources()) {
            if (PaperDocuments.FORMER_ID.equals(source.layout())
                && !source.source().equals(paper.id())) {
              writer.deleteDocuments(new Term(PaperFields.ID, source.source()));
            }
          }
          writer.updateDocument(
              new Term(PaperFields.ID, paper.id()), PaperDocuments.toDocument(paper));
        }
        PaperArchive.Cursor reached = changes.next();
        Optional<PaperArchive.Cursor> before = archivedUpTo();
        commit(
            sourceFingerprint().orElse(""),
            Optional.of(before.filter(c -> c.compareTo(reached) > 0).orElse(reached)));
      } catch (IOException e) {
        throw new UncheckedIOException("index sync failed", e);
      }
      synced = changes.next();
      applied += changes.papers().size();
      if (changes.papers().size() < REBUILD_BATCH) {
        return applied;
      }
    }
  }

  /**
   * Rebuilds the index from the archive alone, with the sources fingerprint the archive recorded;
   * returns the number of papers. For a lost or damaged index, or one that missed changes the
   * archive has.
   */
  public long rebuildFromArchive() {
    try (BulkLoad load = startBulkLoad(BulkLoad.DEFAULT_THREADS)) {
      archive.forEachBatch(REBUILD_BATCH, load::add);
      load.commit(archive.sourceFingerprint().orElse(""));
    }
    return size();
  }

  /**
   * Starts replacing everything, batch by batch, for corpora too large to hold in memory at once,
   * indexing on {@code threads} threads. Searches keep seeing the old papers until {@link
   * BulkLoad#commit}. The index only: the caller keeps the archive in step (it is the archive's
   * papers, or the caller writes them there itself).
   */
  public BulkLoad startBulkLoad(int threads) {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException("index rebuild failed", e);
    }
    return new BulkLoad(threads);
  }

  /** A replacement in progress: add batches, then commit once. */
  public final class BulkLoad implements AutoCloseable {
    /**
     * Every core, up to four: indexing is CPU work, and the writer takes documents from several
     * threads at once.
     */
    public static final int DEFAULT_THREADS =
        Math.min(4, Runtime.getRuntime().availableProcessors());

    private final int threads;
    private final ExecutorService helpers;

    private BulkLoad(int threads) {
      this.threads = Math.max(1, threads);
      this.helpers =
          this.threads == 1
              ? null
              : Executors.newFixedThreadPool(
                  this.threads - 1,
                  runnable -> {
                    Thread thread = new Thread(runnable, "paperbot-indexer");
                    thread.setDaemon(true);
                    return thread;
                  });
    }

    /** Indexes the papers, split across the threads; returns when all are added. */
    public void add(Collection<Paper> papers) {
      List<Paper> all = List.copyOf(papers);
      int share = (all.size() + threads - 1) / threads;
      List<Future<?>> others = new ArrayList<>();
      for (int t = 1; t < threads && t * share < all.size(); t++) {
        List<Paper> part = all.subList(t * share, Math.min(all.size(), (t + 1) * share));
        others.add(
            helpers.submit(() -> {
              addAll(part);
              return null;
            }));
      }
      addAll(all.subList(0, Math.min(all.size(), share)));
      for (Future<?> other : others) {
        try {
          other.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("index rebuild interrupted", e);
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r
              ? r
              : new IllegalStateException(e.getCause());
        }
      }
    }

    private void addAll(List<Paper> papers) {
      try {
        for (Paper paper : papers) {
          writer.addDocument(PaperDocuments.toDocument(paper));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("index rebuild failed", e);
      }
    }

    public void commit(String sourceFingerprint) {
      try {
        LucenePaperIndex.this.commit(sourceFingerprint);
      } catch (IOException e) {
        throw new UncheckedIOException("index rebuild failed", e);
      }
    }

    @Override
    public void close() {
      if (helpers != null) {
        helpers.shutdownNow();
      }
    }
  }

  /** The fingerprint of the sources last indexed, if the index holds one written by this schema. */
  @Override
  public Optional<String> sourceFingerprint() {
    return commitData(SOURCES_KEY).filter(value -> !value.isEmpty());
  }

  /** The archive's last write this index had applied at its last commit, if it recorded one. */
  private Optional<PaperArchive.Cursor> archivedUpTo() {
    return commitData(ARCHIVE_KEY).flatMap(PaperArchive.Cursor::parse);
  }

  /** A value of the last commit's user data, if it was written by this schema. */
  private Optional<String> commitData(String key) {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
    }
    if (!SCHEMA.equals(data.get(SCHEMA_KEY))) {
      return Optional.empty();
    }
    return Optional.ofNullable(data.get(key));
  }

  @Override
  public long size() {
    return writer.getDocStats().numDocs;
  }

  @Override
  public void close() {
    try (directory;
        writer;
        searchers) {
      // try-with-resources closes searchers, then the writer (which commits nothing new), then the
      // directory.
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed", e);
    }
  }

  /**
   * Commits after this process wrote the archive: the index is then as far as the archive's latest
   * write.
   */
  private void commit(String sourceFingerprint) throws IOException {
    commit(sourceFingerprint, archive.latest());
  }

  /**
   * @param archivedUpTo how far into the archive's writes the index now is, recorded in the commit:
   *     a restart catches up from there
   */
  private void commit(String sourceFingerprint, Optional<PaperArchive.Cursor> archivedUpTo)
      throws IOException {
    Map<String, String> data =
        new HashMap<>(Map.of(SCHEMA_KEY, SCHEMA, SOURCES_KEY, sourceFingerprint));
    archivedUpTo.ifPresent(cursor -> data.put(ARCHIVE_KEY, cursor.toString()));
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("index search failed", e);
    }
  }
}
