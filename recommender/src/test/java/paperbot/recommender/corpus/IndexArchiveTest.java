package paperbot.recommender.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.ingest.CorpusUpdater;
import paperbot.recommender.ingest.Fetched;
import paperbot.recommender.ingest.SeedCorpus;
import paperbot.recommender.ingest.SeedIndexer;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.search.LucenePaperIndex;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcPaperArchive;

/**
 * The database (real SQLite) and the index that follows it: written database first by {@link
 * CorpusService}, reconciled at start-up and synced by {@link IndexSync}.
 */
final class IndexArchiveTest {
  @TempDir Path dir;

  /** One process's parts, as {@code Wiring} builds them: its own index on the shared database. */
  private record Running(LucenePaperIndex index, CorpusService corpus, IndexSync sync)
      implements AutoCloseable {
    static Running open(Path indexDir, Database database) {
      LucenePaperIndex index = LucenePaperIndex.open(indexDir, QueryExpander.none(), CLOCK);
      JdbcPaperArchive archive = new JdbcPaperArchive(database.dataSource(), CLOCK);
      return new Running(
          index, new CorpusService(archive, index), new IndexSync(archive, index, CLOCK));
    }

    @Override
    public void close() {
      index.close();
    }
  }

  private static final Clock CLOCK = Clock.systemUTC();

  private static Paper paper(String id, String title) {
    return paper(id, title, new SourceRecord("live", 0, "arxiv-api"));
  }

  /** Seed paper {@code n}, found on arXiv: a new id that remembers the old one. */
  private static Paper foundOnArxiv(int n) {
    return paper(
        "arxiv:2611.0000" + n,
        "Diffusion policy number " + n,
        new SourceRecord("p" + n, 0, PaperDocuments.FORMER_ID));
  }

  private static Paper paper(String id, String title, SourceRecord source) {
    return new Paper(
        id,
        title,
        List.of(),
        "An abstract about " + title + ".",
        List.of("Ana Li"),
        false,
        1,
        LocalDate.of(2026, 11, 2),
        false,
        3,
        List.of("cs.LG"),
        null,
        List.of(),
        List.of(source));
  }

  private static final List<Paper> CORPUS =
      IntStream.range(0, 2_500)
          .mapToObj(i -> paper("p" + i, "Diffusion policy number " + i))
          .toList();

  private Database database() {
    return Database.open(Database.defaultUrl(dir.resolve("data")), null, null);
  }

  private Running open(Database database) {
    return Running.open(dir.resolve("index"), database);
  }

  @Test
  void aSmallCorpusGetsTheSameDocumentOrderInEveryFreshIndex() {
    // Papers with equal scores keep the index's document order, so the seeds' must not depend on
    // which indexing thread ran first.
    List<Paper> seeds = CORPUS.subList(0, 300);
    for (int build = 0; build < 5; build++) {
      try (LucenePaperIndex index =
              LucenePaperIndex.open(dir.resolve("index" + build), QueryExpander.none(), CLOCK);
          CorpusView.Rebuild rebuild = index.startRebuild()) {
        rebuild.add(seeds);
        rebuild.commit("seeds", Optional.empty());
        assertThat(index.all())
            .extracting(Paper::id)
            .containsExactlyElementsOf(seeds.stream().map(Paper::id).toList());
      }
    }
  }

  @Test
  void aLostIndexIsRebuiltFromTheDatabaseWithEveryChange() throws IOException {
    try (Database database = database()) {
      try (Running bot = open(database)) {
        bot.corpus().replaceAll(CORPUS, "seeds-1", List.of());
        bot.corpus().upsert(List.of(paper("live-1", "World models for robots")));
        bot.corpus()
            .replace("p7", paper("arxiv:2611.00007", "Diffusion policy number 7, on arXiv"));
      }
      deleteRecursively(dir.resolve("index"));
      try (Running bot = open(database)) {
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.INDEX_REBUILT);
        assertThat(bot.index().size()).isEqualTo(CORPUS.size() + 1);
        assertThat(bot.index().get("live-1")).map(Paper::title).contains("World models for robots");
        assertThat(bot.index().get("arxiv:2611.00007")).isPresent();
        assertThat(bot.index().get("p7")).isEmpty();
        assertThat(bot.index().sourceFingerprint())
            .as("the seeds stay current")
            .contains("seeds-1");
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.IN_STEP);
      }
    }
  }

  @Test
  void aChangeTheDatabaseHasButTheIndexMissedIsRecoveredAtStartUp() {
    try (Database database = database()) {
      try (Running bot = open(database)) {
        bot.corpus().replaceAll(CORPUS, "seeds-1", List.of());
      }
      // The process died after the database write and before the index commit.
      new JdbcPaperArchive(database.dataSource(), CLOCK).put(List.of(paper("late", "Offline RL")));
      try (Running bot = open(database)) {
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.INDEX_REBUILT);
        assertThat(bot.index().get("late")).isPresent();
      }
    }
  }

  @Test
  void aPaperMovedInTheDatabaseOnlyIsMovedInTheIndexAtStartUp() {
    try (Database database = database()) {
      try (Running bot = open(database)) {
        bot.corpus().replaceAll(CORPUS, "seeds-1", List.of());
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.IN_STEP);
      }
      // Found on arXiv under a new id; the process died before the index commit. Same count, other
      // content.
      Paper moved = foundOnArxiv(3);
      new JdbcPaperArchive(database.dataSource(), CLOCK).replace("p3", moved);
      try (Running bot = open(database)) {
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.CAUGHT_UP);
        assertThat(bot.index().get("arxiv:2611.00003")).isPresent();
        assertThat(bot.index().size()).isEqualTo(CORPUS.size());
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.IN_STEP);
      }
    }
  }

  @Test
  void anIndexFromBeforeTheDatabaseCopyFillsItOnce() {
    try (LucenePaperIndex alone =
        LucenePaperIndex.open(dir.resolve("index"), QueryExpander.none(), CLOCK)) {
      alone.replaceAll(CORPUS, "seeds-1");
    }
    try (Database database = database()) {
      JdbcPaperArchive archive = new JdbcPaperArchive(database.dataSource(), CLOCK);
      archive.put(CORPUS.subList(0, 10)); // a fill cut short: not complete, so not trusted
      try (Running bot = open(database)) {
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.ARCHIVE_FILLED);
        assertThat(bot.index().size()).isEqualTo(CORPUS.size());
        assertThat(bot.sync().reconcile()).isEqualTo(IndexSync.Reconciled.IN_STEP);
      }
      assertThat(archive.count()).isEqualTo(CORPUS.size());
      assertThat(archive.sourceFingerprint()).contains("seeds-1");
    }
  }

  @Test
  void aSecondProcessIndexesWhatTheFirstWroteBySyncing() {
    try (Database database = database()) {
      Running first = open(database);
      Running second = Running.open(dir.resolve("index-2"), database);
      try (first;
          second) {
        first.corpus().replaceAll(CORPUS, "seeds-1", List.of());
        second.sync().reconcile();
        assertThat(second.index().size()).isEqualTo(CORPUS.size());

        first.corpus().upsert(List.of(paper("live-2", "Humanoid whole-body control")));
        // A seed paper found on arXiv: a new id that remembers the old one.
        Paper moved = foundOnArxiv(9);
        first.corpus().replace("p9", moved);
        assertThat(second.index().get("live-2")).as("not before a sync").isEmpty();

        assertThat(second.sync().sync()).isGreaterThanOrEqualTo(2);
        assertThat(second.index().get("live-2"))
            .map(Paper::title)
            .contains("Humanoid whole-body control");
        assertThat(second.index().get("arxiv:2611.00009")).isPresent();
        assertThat(second.index().get("p9"))
            .as("found under its old id, as the same paper")
            .map(Paper::id)
            .contains("arxiv:2611.00009");
        assertThat(second.index().size()).as("moved, not copied").isEqualTo(CORPUS.size() + 1);
        assertThat(second.sync().sync()).as("nothing new").isZero();
      }
    }
  }

  @Test
  void aWriteTheDatabaseRefusedNeverReachesTheIndex() {
    Database database = database();
    try (Running bot = open(database)) {
      bot.corpus().replaceAll(CORPUS.subList(0, 10), "seeds-1", List.of());
      database.close(); // the database goes away: every write to it fails
      assertThatThrownBy(() -> bot.corpus().upsert(List.of(paper("lost", "Offline RL"))))
          .isInstanceOf(RuntimeException.class);
      assertThatThrownBy(() -> bot.corpus().replace("p3", paper("arxiv:2611.00003", "Moved")))
          .isInstanceOf(RuntimeException.class);
      assertThat(bot.index().get("lost")).as("the database first, then the index").isEmpty();
      assertThat(bot.index().get("p3")).isPresent();
      assertThat(bot.index().get("arxiv:2611.00003")).isEmpty();
    }
  }

  @Test
  void aRerunOfAnIngestCutShortKeepsOneCopyOfEachPaperInBoth() {
    // Three records of one paper under three ids, none of them arXiv's: each joins the one before
    // by its title. A first run cut short merged the first two.
    Paper first = withAuthorCount(paper("s1", "Latent world models"), 2);
    Paper second = withAuthorCount(paper("s2", "Latent world models"), 3);
    Paper third = withAuthorCount(paper("s3", "Latent world models"), 3);
    try (Database database = database();
        Running bot = open(database)) {
      bot.corpus().replaceAll(CORPUS.subList(0, 10), "seeds-1", List.of());
      CorpusUpdater updater = new CorpusUpdater(bot.corpus());
      updater.apply(new Fetched(List.of(first), 0, 0, List.of()));
      updater.apply(new Fetched(List.of(second), 0, 0, List.of()));

      // The rerun: the first record updates the merged paper (found by its former id), and the
      // third joins that paper by its title in the same batch.
      updater.apply(new Fetched(List.of(first, second, third), 0, 0, List.of()));

      Set<String> archived = new HashSet<>();
      new JdbcPaperArchive(database.dataSource(), CLOCK)
          .forEachBatch(100, batch -> batch.forEach(paper -> archived.add(paper.id())));
      Set<String> indexed = new HashSet<>();
      bot.index().forEachBatch(100, batch -> batch.forEach(paper -> indexed.add(paper.id())));
      assertThat(archived).as("the database, as the index has it").isEqualTo(indexed);
      assertThat(archived)
          .as("one paper for the three records")
          .contains("s3")
          .doesNotContain("s1", "s2");
    }
  }

  @Test
  void aSyncNeverIndexesWhatItReadOverALaterWriteOfThisProcess() throws Exception {
    try (Database database = database()) {
      JdbcPaperArchive archive = new JdbcPaperArchive(database.dataSource(), CLOCK);
      CountDownLatch read = new CountDownLatch(1);
      CountDownLatch written = new CountDownLatch(1);
      // The sync reads the database's changes, then a scheduled refresh of this process moves a
      // paper to its arXiv id before the sync has indexed what it read.
      PaperArchive readThenPause =
          new ForwardingArchive(archive) {
            @Override
            public Changes changedSince(Cursor after, int limit) {
              Changes changes = super.changedSince(after, limit);
              read.countDown();
              try {
                // With the lock the write waits for the sync, and this wait runs out.
                written.await(2, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return changes;
            }
          };
      Lock writes = new ReentrantLock();
      try (LucenePaperIndex index =
          LucenePaperIndex.open(dir.resolve("index"), QueryExpander.none(), CLOCK)) {
        CorpusService corpus = new CorpusService(archive, index, writes);
        corpus.replaceAll(CORPUS.subList(0, 10), "seeds-1", List.of());
        IndexSync sync = new IndexSync(readThenPause, index, CLOCK, writes);
        sync.reconcile(); // from here on it follows the last minutes' writes, this process's too
        Thread refresh =
            new Thread(() -> {
              try {
                read.await();
                corpus.replace("p3", foundOnArxiv(3));
                written.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
        refresh.start();
        sync.sync();
        refresh.join();

        assertThat(index.get("arxiv:2611.00003")).as("the paper under its new id").isPresent();
        assertThat(index.get("p3").map(Paper::id)).contains("arxiv:2611.00003");
        assertThat(index.size()).isEqualTo(archive.count());
      }
    }
  }

  @Test
  void aSeedRebuildCutShortBeforeTheLivePapersAreMergedBackIsFinishedAtTheNextStart()
      throws IOException {
    Path seeds = dir.resolve("seeds");
    Files.createDirectories(seeds);
    try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
      for (Path file : files.toList()) {
        Files.copy(file, seeds.resolve(file.getFileName()));
      }
    }
    String title = "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion";
    String seedId;
    long seedPapers;
    try (Database database = database()) {
      try (Running bot = open(database)) {
        SeedIndexer.ensureCurrent(bot.corpus(), seeds, CLOCK);
        seedPapers = bot.index().size();
        seedId = bot.index().findByTitle(title).orElseThrow().id();
        // Found on arXiv: the seed paper takes the arXiv id.
        new CorpusUpdater(bot.corpus())
            .apply(new Fetched(List.of(paper("2303.04137", title)), 0, 0, List.of()));
        assertThat(bot.index().get(seedId).map(Paper::id)).contains("2303.04137");

        // New seed files; the process dies while merging the live papers back in.
        Path first;
        try (Stream<Path> files = Files.list(seeds)) {
          first = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(first, "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> SeedIndexer.ensureCurrent(diesOnMerge(bot.corpus()), seeds, CLOCK))
            .hasMessageContaining("killed");
      }
      try (Running bot = open(database)) {
        bot.sync().reconcile();
        SeedIndexer.ensureCurrent(bot.corpus(), seeds, CLOCK);

        JdbcPaperArchive archive = new JdbcPaperArchive(database.dataSource(), CLOCK);
        Set<String> archived = new HashSet<>();
        archive.forEachBatch(500, batch -> batch.forEach(paper -> archived.add(paper.id())));
        Set<String> indexed = new HashSet<>();
        bot.index().forEachBatch(500, batch -> batch.forEach(paper -> indexed.add(paper.id())));
        assertThat(archived).as("the database, as the index has it").isEqualTo(indexed);
        assertThat(archived)
            .as("the seed paper and the arXiv paper that joined it are one paper")
            .contains("2303.04137")
            .doesNotContain(seedId)
            .hasSize((int) seedPapers);
        assertThat(bot.corpus().sourceFingerprint()).contains(SeedCorpus.fingerprint(seeds));
      }
    }
  }

  /** The corpus of a process killed at its first merge: the write never happens. */
  private static PaperCorpus diesOnMerge(PaperCorpus corpus) {
    return new PaperCorpus() {
      @Override
      public Optional<Paper> get(String id) {
        return corpus.get(id);
      }

      @Override
      public Optional<Paper> findByTitle(String title) {
        return corpus.findByTitle(title);
      }

      @Override
      public List<Paper> all() {
        return corpus.all();
      }

      @Override
      public long size() {
        return corpus.size();
      }

      @Override
      public void upsert(Collection<Paper> papers) {
        throw new IllegalStateException("killed");
      }

      @Override
      public void replace(String oldId, Paper paper) {
        throw new IllegalStateException("killed");
      }

      @Override
      public Optional<String> sourceFingerprint() {
        return corpus.sourceFingerprint();
      }

      @Override
      public void replaceAll(
          Collection<Paper> papers, String sourceFingerprint, Collection<Paper> stillStored) {
        corpus.replaceAll(papers, sourceFingerprint, stillStored);
      }

      @Override
      public void recordSources(String sourceFingerprint) {
        throw new IllegalStateException("killed");
      }
    };
  }

  /** A {@link PaperArchive} that passes every call on, for tests to step into one of them. */
  private static class ForwardingArchive implements PaperArchive {
    private final PaperArchive archive;

    ForwardingArchive(PaperArchive archive) {
      this.archive = archive;
    }

    @Override
    public void put(Collection<Paper> papers) {
      archive.put(papers);
    }

    @Override
    public void replace(String oldId, Paper paper) {
      archive.replace(oldId, paper);
    }

    @Override
    public void replaceAll(Collection<Paper> papers, String sourceFingerprint) {
      archive.replaceAll(papers, sourceFingerprint);
    }

    @Override
    public Optional<String> sourceFingerprint() {
      return archive.sourceFingerprint();
    }

    @Override
    public void complete(String sourceFingerprint) {
      archive.complete(sourceFingerprint);
    }

    @Override
    public long count() {
      return archive.count();
    }

    @Override
    public Changes changedSince(Cursor after, int limit) {
      return archive.changedSince(after, limit);
    }

    @Override
    public Optional<Cursor> latest() {
      return archive.latest();
    }

    @Override
    public void forEachBatch(int size, Consumer<List<Paper>> batch) {
      archive.forEachBatch(size, batch);
    }
  }

  private static Paper withAuthorCount(Paper paper, int authorCount) {
    return new Paper(
        paper.id(),
        paper.title(),
        paper.aliases(),
        paper.abstractText(),
        paper.authors(),
        paper.authorsTruncated(),
        authorCount,
        paper.published(),
        paper.yearInferred(),
        paper.upvotes(),
        paper.categories(),
        paper.organisation(),
        paper.links(),
        paper.sources());
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
