package paperbot.recommender.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import paperbot.recommender.corpus.CorpusView;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperArchive;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.index.PaperSimilarity;
import paperbot.recommender.rank.DigestQuery;
import paperbot.recommender.rank.DigestRanker;
import paperbot.recommender.rank.NamedAuthors;
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
 * next search. A view of the database: papers are written there first ({@link
 * paperbot.recommender.corpus.CorpusService}), and each commit records how far into the database's
 * writes the index is ({@link paperbot.recommender.corpus.IndexSync} goes on from there).
 */
public final class LucenePaperIndex implements PaperIndex, CorpusView {
  /**
   * Bump when the document mapping or analysis changes: an index of another schema is rebuilt from
   * sources.
   */
  static final String SCHEMA = "paperbot-index-13";

  /** Papers read per batch for {@link #all}. */
  private static final int READ_BATCH = 2_000;

  /**
   * Terms one like teaches (see {@link #likeTerms}): a paper's vector without its long tail (100
   * measured as good as 1,000 on the development feed, 30 worse).
   */
  static final int LIKE_TERMS = 100;

  private static final String SCHEMA_KEY = "schema";
  private static final String SOURCES_KEY = "sources";

  /** How far into the database's writes the index is; the key's name stays for existing indexes. */
  private static final String ARCHIVE_KEY = "archived-up-to";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Ranker ranker;
  private final ProfileRanker profiles;
  private final DigestRanker digests;
  private final SimilarPapers similar;
  private final NamedAuthors authors;

  /**
   * @param writer null for an index opened read-only ({@link #openReadOnly})
   */
  private LucenePaperIndex(
      Directory directory,
      IndexWriter writer,
      SearcherManager searchers,
      PaperAnalyzer analyzer,
      QueryExpander expander,
      Clock clock) {
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.ranker = new Ranker(analyzer, expander, clock);
    this.profiles = new ProfileRanker(analyzer, expander, clock);
    this.digests = new DigestRanker(analyzer, expander, clock);
    this.similar = new SimilarPapers(analyzer);
    this.authors = new NamedAuthors(analyzer);
  }

  private static TieredMergePolicy noCompoundFiles() {
    TieredMergePolicy policy = new TieredMergePolicy();
    policy.setNoCFSRatio(0);
    return policy;
  }

  /**
   * Opens (or creates) the index in {@code dir}. It writes no database: the bot writes papers
   * through {@link paperbot.recommender.corpus.CorpusService}, which writes the database first.
   */
  public static LucenePaperIndex open(Path dir, QueryExpander expander, Clock clock) {
    PaperAnalyzer analyzer = new PaperAnalyzer();
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer)
              .setSimilarity(new PaperSimilarity())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              // A larger buffer than the 16 MB default flushes fewer, bigger segments: less merging
              // during bulk loads.
              .setRAMBufferSizeMB(64)
              // No compound files: packing each new segment's files into one copies the stored
              // fields (the analysed text makes them most of the index) once more; a bulk load of
              // a million papers ran 8% faster without (docs/performance.md).
              .setUseCompoundFile(false)
              .setMergePolicy(noCompoundFiles());
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
          new SearcherManager(writer, new PaperSearchers()),
          analyzer,
          expander,
          clock);
    } catch (LockObtainFailedException e) {
      // Lucene allows one writer per index: another paperbot process (the running bot) holds it.
      throw new InUse(dir, e);
    } catch (IOException e) {
      // The CLI prints only this message: it must say what is wrong and the way out. The index is
      // a view of the database (every paper is written there first), so a new one is rebuilt.
      throw new UncheckedIOException(
          "cannot open the index at "
              + dir
              + " ("
              + e
              + "); move it aside and paperbot rebuilds the index from the database at its next"
              + " start",
          e);
    }
  }

  /**
   * Opens the index as its last commit left it, to read only: for tools run beside the bot that
   * writes it (Lucene allows one writer, and readers beside it). Every write is refused.
   *
   * @throws UncheckedIOException when there is no index yet, or it cannot be read
   */
  public static LucenePaperIndex openReadOnly(Path dir, QueryExpander expander, Clock clock) {
    try {
      Directory directory = FSDirectory.open(dir);
      try {
        if (!DirectoryReader.indexExists(directory)) {
          // A tool run beside a paperbot that is building its first index on a new data directory.
          throw new IOException(
              "no index has been committed there yet; a paperbot starting on a new data directory"
                  + " builds it first: try again once it has started");
        }
        return new LucenePaperIndex(
            directory,
            null,
            new SearcherManager(directory, new PaperSearchers()),
            new PaperAnalyzer(),
            expander,
            clock);
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index at " + dir + " (" + e + ")", e);
    }
  }

  /** The index is held by another process's writer (the running bot). */
  public static final class InUse extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    InUse(Path dir, IOException cause) {
      super(
          "the index at "
              + dir
              + " is in use by another paperbot process; stop it first, "
              + "or give this command its own --data directory",
          cause);
    }
  }

  /** The writer; an index opened to read only refuses every write. */
  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException(
          "the index is open to read only: the running paperbot writes it");
    }
    return writer;
  }

  @Override
  public SearchResults search(SearchRequest request) {
    return withSearcher(searcher -> ranker.search(searcher, request));
  }

  @Override
  public Optional<String> spellingFixed(String text) {
    return withSearcher(searcher -> ranker.spellingFixed(searcher, text));
  }

  @Override
  public List<String> authorsNamed(String given, String surname) {
    return withSearcher(searcher -> authors.named(searcher, given, surname));
  }

  @Override
  public Recommendations recommend(ProfileQuery query) {
    return withSearcher(searcher -> profiles.recommend(searcher, query));
  }

  @Override
  public Recommendations digest(DigestQuery query) {
    return withSearcher(searcher -> digests.digest(searcher, query));
  }

  @Override
  public Recommendations trending(int offset, int limit) {
    return withSearcher(searcher -> digests.trending(searcher, offset, limit));
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
  public Map<String, Double> likeTerms(String id) {
    return withSearcher(searcher -> similar.likeTerms(searcher, id, LIKE_TERMS));
  }

  @Override
  public Optional<Paper> get(String id) {
    return firstPaper(new Term(PaperFields.ID, id));
  }

  @Override
  public void upsert(Collection<Paper> papers, Optional<PaperArchive.Cursor> followedUpTo) {
    try {
      for (Paper paper : papers) {
        // Replaces any older version of the same paper atomically: delete-by-id and add in one
        // operation.
        writer()
            .updateDocument(new Term(PaperFields.ID, paper.id()), PaperDocuments.toDocument(paper));
      }
      commit(sourceFingerprint().orElse(""), followedUpTo);
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
  public void replace(String oldId, Paper paper, Optional<PaperArchive.Cursor> followedUpTo) {
    try {
      // Delete first: a delete only affects documents added before it, so the new one survives.
      writer().deleteDocuments(new Term(PaperFields.ID, oldId));
      writer()
          .updateDocument(new Term(PaperFields.ID, paper.id()), PaperDocuments.toDocument(paper));
      commit(sourceFingerprint().orElse(""), followedUpTo);
    } catch (IOException e) {
      throw new UncheckedIOException("index update failed", e);
    }
  }

  /** Every paper, in index order (for export). */
  public List<Paper> all() {
    List<Paper> papers = new ArrayList<>();
    forEachBatch(READ_BATCH, papers::addAll);
    return papers;
  }

  /**
   * Every paper, in index order, in batches of at most {@code size}: corpora larger than memory fit
   * through.
   */
  @Override
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
   * Replaces everything with these papers and records which sources they came from, in one commit:
   * the index alone, for tests and throwaway indexes (the bot replaces through {@link
   * paperbot.recommender.corpus.CorpusService}, which writes the database first).
   */
  public void replaceAll(Collection<Paper> papers, String sourceFingerprint) {
    try (BulkLoad load = startBulkLoad(BulkLoad.DEFAULT_THREADS)) {
      load.add(papers);
      load.commit(sourceFingerprint);
    }
  }

  @Override
  public void follow(Collection<Paper> changed, PaperArchive.Cursor followedUpTo) {
    try {
      for (Paper paper : changed) {
        // A paper that replaced one under another id (a seed paper found on arXiv) takes its
        // place here too.
        for (SourceRecord source : paper.sources()) {
          if (PaperDocuments.FORMER_ID.equals(source.layout())
              && !source.source().equals(paper.id())) {
            writer().deleteDocuments(new Term(PaperFields.ID, source.source()));
          }
        }
        writer()
            .updateDocument(new Term(PaperFields.ID, paper.id()), PaperDocuments.toDocument(paper));
      }
      commit(sourceFingerprint().orElse(""), Optional.of(followedUpTo));
    } catch (IOException e) {
      throw new UncheckedIOException("index sync failed", e);
    }
  }

  @Override
  public void markFollowed(Optional<PaperArchive.Cursor> followedUpTo) {
    try {
      commit(sourceFingerprint().orElse(""), followedUpTo);
    } catch (IOException e) {
      throw new UncheckedIOException("index commit failed", e);
    }
  }

  @Override
  public void recordSources(String sourceFingerprint, Optional<PaperArchive.Cursor> followedUpTo) {
    try {
      commit(sourceFingerprint, followedUpTo);
    } catch (IOException e) {
      throw new UncheckedIOException("index commit failed", e);
    }
  }

  @Override
  public BulkLoad startRebuild() {
    return startBulkLoad(BulkLoad.DEFAULT_THREADS);
  }

  /**
   * Starts replacing everything, batch by batch, for corpora too large to hold in memory at once,
   * indexing on {@code threads} threads. Searches keep seeing the old papers until {@link
   * BulkLoad#commit}. The index only: the caller keeps the database in step (they are the
   * database's papers, or the caller writes them there itself).
   */
  public BulkLoad startBulkLoad(int threads) {
    try {
      writer().deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException("index rebuild failed", e);
    }
    return new BulkLoad(threads);
  }

  /** A replacement in progress: add batches, then commit once. */
  public final class BulkLoad implements CorpusView.Rebuild {
    /**
     * Every core, up to four: indexing is CPU work, and the writer takes documents from several
     * threads at once.
     */
    public static final int DEFAULT_THREADS =
        Math.min(4, Runtime.getRuntime().availableProcessors());

    /**
     * Batches smaller than this are indexed on one thread: threads that add documents at once give
     * them an order that differs from one build to the next, so two papers with equal scores
     * swapped places between two fresh indexes of the same seeds. The seeds (a few hundred papers)
     * index in a second on one thread; rebuilds from the database (batches of 2,000) and the
     * bench's (5,000) keep every thread.
     */
    static final int PARALLEL_FROM = 1_000;

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

    /**
     * Indexes the papers, split across the threads (a batch smaller than {@link #PARALLEL_FROM} on
     * this thread, in its order); returns when all are added.
     */
    @Override
    public void add(Collection<Paper> papers) {
      List<Paper> all = List.copyOf(papers);
      if (all.size() < PARALLEL_FROM) {
        addAll(all);
        return;
      }
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
          writer().addDocument(PaperDocuments.toDocument(paper));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("index rebuild failed", e);
      }
    }

    /** Commits with no place in the database's writes: an index built on its own. */
    public void commit(String sourceFingerprint) {
      commit(sourceFingerprint, Optional.empty());
    }

    @Override
    public void commit(String sourceFingerprint, Optional<PaperArchive.Cursor> followedUpTo) {
      try {
        LucenePaperIndex.this.commit(sourceFingerprint, followedUpTo);
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

  /** The database's last write this index had applied at its last commit, if it recorded one. */
  @Override
  public Optional<PaperArchive.Cursor> followedUpTo() {
    return commitData(ARCHIVE_KEY).flatMap(PaperArchive.Cursor::parse);
  }

  /** A value of the last commit's user data, if it was written by this schema. */
  private Optional<String> commitData(String key) {
    Map<String, String> data = new HashMap<>();
    if (writer == null) {
      data.putAll(
          withSearcher(searcher ->
              ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData()));
    } else {
      Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
      if (live != null) {
        live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
      }
    }
    if (!SCHEMA.equals(data.get(SCHEMA_KEY))) {
      return Optional.empty();
    }
    return Optional.ofNullable(data.get(key));
  }

  @Override
  public long size() {
    return writer == null
        ? withSearcher(searcher -> (long) searcher.getIndexReader().numDocs())
        : writer.getDocStats().numDocs;
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
   * @param followedUpTo how far into the database's writes the index now is, recorded in the
   *     commit: a restart catches up from there
   */
  private void commit(String sourceFingerprint, Optional<PaperArchive.Cursor> followedUpTo)
      throws IOException {
    Map<String, String> data =
        new HashMap<>(Map.of(SCHEMA_KEY, SCHEMA, SOURCES_KEY, sourceFingerprint));
    followedUpTo.ifPresent(cursor -> data.put(ARCHIVE_KEY, cursor.toString()));
    writer().setLiveCommitData(data.entrySet());
    writer().commit();
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
