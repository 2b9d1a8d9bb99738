package paperbot.recommender.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.rank.DigestQuery;
import paperbot.recommender.rank.ProfileQuery;
import paperbot.recommender.rank.ProfileRanker;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.rank.Recommendations;
import paperbot.recommender.rank.Ranker;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.rank.SearchResults;
import java.util.ArrayList;

/**
 * The paper index on disk. One writer; searches use near-real-time searchers from a {@link SearcherManager}, so
 * updates never block queries and every committed update is visible to the next search.
 */
public final class LucenePaperIndex implements PaperIndex {
  /** Bump when the document mapping or analysis changes: an index of another schema is rebuilt from sources. */
  static final String SCHEMA = "paperbot-index-8";

  private static final String SCHEMA_KEY = "schema";
  private static final String SOURCES_KEY = "sources";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Ranker ranker;
  private final ProfileRanker profiles;
  private final SimilarPapers similar;

  private LucenePaperIndex(Directory directory, IndexWriter writer, Ranker ranker, ProfileRanker profiles,
      SimilarPapers similar) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.ranker = ranker;
    this.profiles = profiles;
    this.similar = similar;
  }

  /** Opens (or creates) the index in {@code dir}. */
  public static LucenePaperIndex open(Path dir, QueryExpander expander, Clock clock) {
    PaperAnalyzer analyzer = new PaperAnalyzer();
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          // A larger buffer than the 16 MB default flushes fewer, bigger segments: less merging during bulk loads.
          .setRAMBufferSizeMB(64);
      IndexWriter writer;
      try {
        writer = new IndexWriter(directory, config);
      } catch (IOException e) {
        directory.close();
        throw e;
      }
      return new LucenePaperIndex(directory, writer, new Ranker(analyzer, expander, clock),
          new ProfileRanker(analyzer, expander, clock), new SimilarPapers(analyzer));
    } catch (LockObtainFailedException e) {
      // Lucene allows one writer per index: another paperbot process (the running bot) holds it.
      throw new UncheckedIOException("the index at " + dir + " is in use by another paperbot process; stop it first, "
          + "or give this command its own --data directory", e);
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
    return withSearcher(searcher -> similar.like(searcher, id, limit));
  }

  @Override
  public List<String> distinctiveWords(String id, int limit) {
    return withSearcher(searcher -> similar.distinctiveWords(searcher, id, limit));
  }

  @Override
  public Optional<Paper> get(String id) {
    return firstPaper(new Term(PaperFields.ID, id));
  }

  @Override
  public void upsert(Collection<Paper> papers) {
    try {
      for (Paper paper : papers) {
        // Replaces any older version of the same paper atomically: delete-by-id and add in one operation.
        writer.updateDocument(new Term(PaperFields.ID, paper.id()), PaperDocuments.toDocument(paper));
      }
      commit(sourceFingerprint().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException("index update failed", e);
    }
  }

  /** The paper stored under this normalised title (or alias), if any. */
  public Optional<Paper> findByTitle(String title) {
    return firstPaper(new Term(PaperFields.TITLE_KEY, paperbot.recommender.corpus.PaperId.normalise(title)));
  }

  /** The paper indexed under this exact term (an id or a title key), if any. */
  private Optional<Paper> firstPaper(Term term) {
    return withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(term), 1);
      return top.scoreDocs.length == 0 ? Optional.<Paper>empty()
          : Optional.of(PaperDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  /** Replaces the paper stored under {@code oldId} with one under a new id, in one commit. */
  public void replace(String oldId, Paper paper) {
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
  public List<Paper> all() {
    return withSearcher(searcher -> {
      List<Paper> papers = new ArrayList<>();
      var stored = searcher.storedFields();
      for (var leaf : searcher.getIndexReader().leaves()) {
        var live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            papers.add(PaperDocuments.fromDocument(stored.document(leaf.docBase + doc)));
          }
        }
      }
      return papers;
    });
  }

  /** Replaces everything with these papers and records which sources they came from, in one commit. */
  public void replaceAll(Collection<Paper> papers, String sourceFingerprint) {
    try (BulkLoad load = startBulkLoad(BulkLoad.DEFAULT_THREADS)) {
      load.add(papers);
      load.commit(sourceFingerprint);
    }
  }

  /**
   * Starts replacing everything, batch by batch, for corpora too large to hold in memory at once, indexing on
   * {@code threads} threads. Searches keep seeing the old papers until {@link BulkLoad#commit}.
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
    /** Every core, up to four: indexing is CPU work, and the writer takes documents from several threads at once. */
    public static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private final int threads;
    private final ExecutorService helpers;

    private BulkLoad(int threads) {
      this.threads = Math.max(1, threads);
      this.helpers = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, runnable -> {
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
        others.add(helpers.submit(() -> {
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
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
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
  public Optional<String> sourceFingerprint() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
    }
    if (!SCHEMA.equals(data.get(SCHEMA_KEY))) {
      return Optional.empty();
    }
    return Optional.ofNullable(data.get(SOURCES_KEY)).filter(value -> !value.isEmpty());
  }

  @Override
  public long size() {
    return writer.getDocStats().numDocs;
  }

  @Override
  public void close() {
    try (directory; writer; searchers) {
      // try-with-resources closes searchers, then the writer (which commits nothing new), then the directory.
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed", e);
    }
  }

  private void commit(String sourceFingerprint) throws IOException {
    writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA, SOURCES_KEY, sourceFingerprint).entrySet());
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
