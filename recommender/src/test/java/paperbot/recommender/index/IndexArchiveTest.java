package paperbot.recommender.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.search.LucenePaperIndex;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcPaperArchive;

/**
 * The index and its database copy (a real H2 archive): written together, reconciled at start-up.
 */
final class IndexArchiveTest {
  @TempDir Path dir;

  private static Paper paper(String id, String title) {
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
        List.of(new SourceRecord("live", 0, "arxiv-api")));
  }

  private static final List<Paper> CORPUS =
      IntStream.range(0, 2_500)
          .mapToObj(i -> paper("p" + i, "Diffusion policy number " + i))
          .toList();

  private Database database() {
    return Database.open(Database.defaultUrl(dir.resolve("data")), null, null);
  }

  private LucenePaperIndex open(Database database) {
    return LucenePaperIndex.open(
        dir.resolve("index"),
        QueryExpander.none(),
        Clock.systemUTC(),
        new JdbcPaperArchive(database.dataSource(), Clock.systemUTC()));
  }

  @Test
  void aLostIndexIsRebuiltFromTheDatabaseWithEveryChange() throws IOException {
    try (Database database = database()) {
      try (LucenePaperIndex index = open(database)) {
        index.replaceAll(CORPUS, "seeds-1");
        index.upsert(List.of(paper("live-1", "World models for robots")));
        index.replace("p7", paper("arxiv:2611.00007", "Diffusion policy number 7, on arXiv"));
      }
      deleteRecursively(dir.resolve("index"));
      try (LucenePaperIndex index = open(database)) {
        assertThat(index.reconcileWithArchive())
            .isEqualTo(LucenePaperIndex.Reconciled.INDEX_REBUILT);
        assertThat(index.size()).isEqualTo(CORPUS.size() + 1);
        assertThat(index.get("live-1")).map(Paper::title).contains("World models for robots");
        assertThat(index.get("arxiv:2611.00007")).isPresent();
        assertThat(index.get("p7")).isEmpty();
        assertThat(index.sourceFingerprint()).as("the seeds stay current").contains("seeds-1");
        assertThat(index.reconcileWithArchive()).isEqualTo(LucenePaperIndex.Reconciled.IN_STEP);
      }
    }
  }

  @Test
  void aChangeTheDatabaseHasButTheIndexMissedIsRecoveredAtStartUp() {
    try (Database database = database()) {
      try (LucenePaperIndex index = open(database)) {
        index.replaceAll(CORPUS, "seeds-1");
      }
      // The process died after the database write and before the index commit.
      new JdbcPaperArchive(database.dataSource(), Clock.systemUTC())
          .put(List.of(paper("late", "Offline RL")));
      try (LucenePaperIndex index = open(database)) {
        assertThat(index.reconcileWithArchive())
            .isEqualTo(LucenePaperIndex.Reconciled.INDEX_REBUILT);
        assertThat(index.get("late")).isPresent();
      }
    }
  }

  @Test
  void aPaperMovedInTheDatabaseOnlyIsMovedInTheIndexAtStartUp() {
    try (Database database = database()) {
      try (LucenePaperIndex index = open(database)) {
        index.replaceAll(CORPUS, "seeds-1");
        assertThat(index.reconcileWithArchive()).isEqualTo(LucenePaperIndex.Reconciled.IN_STEP);
      }
      // Found on arXiv under a new id; the process died before the index commit. Same count, other
      // content.
      Paper moved =
          new Paper(
              "arxiv:2611.00003",
              "Diffusion policy number 3",
              List.of(),
              "An abstract.",
              List.of("Ana Li"),
              false,
              1,
              LocalDate.of(2026, 11, 2),
              false,
              3,
              List.of("cs.LG"),
              null,
              List.of(),
              List.of(new SourceRecord("p3", 0, PaperDocuments.FORMER_ID)));
      new JdbcPaperArchive(database.dataSource(), Clock.systemUTC()).replace("p3", moved);
      try (LucenePaperIndex index = open(database)) {
        assertThat(index.reconcileWithArchive()).isEqualTo(LucenePaperIndex.Reconciled.CAUGHT_UP);
        assertThat(index.get("arxiv:2611.00003")).isPresent();
        assertThat(index.size()).isEqualTo(CORPUS.size());
        assertThat(index.reconcileWithArchive()).isEqualTo(LucenePaperIndex.Reconciled.IN_STEP);
      }
    }
  }

  @Test
  void anIndexFromBeforeTheDatabaseCopyFillsItOnce() {
    try (LucenePaperIndex alone =
        LucenePaperIndex.open(dir.resolve("index"), QueryExpander.none(), Clock.systemUTC())) {
      alone.replaceAll(CORPUS, "seeds-1");
    }
    try (Database database = database()) {
      JdbcPaperArchive archive = new JdbcPaperArchive(database.dataSource(), Clock.systemUTC());
      archive.put(CORPUS.subList(0, 10)); // a fill cut short: not complete, so not trusted
      try (LucenePaperIndex index = open(database)) {
        assertThat(index.reconcileWithArchive())
            .isEqualTo(LucenePaperIndex.Reconciled.ARCHIVE_FILLED);
        assertThat(index.size()).isEqualTo(CORPUS.size());
        assertThat(index.reconcileWithArchive()).isEqualTo(LucenePaperIndex.Reconciled.IN_STEP);
      }
      assertThat(archive.count()).isEqualTo(CORPUS.size());
      assertThat(archive.sourceFingerprint()).contains("seeds-1");
    }
  }

  @Test
  void aSecondProcessIndexesWhatTheFirstWroteBySyncing() {
    try (Database database = database()) {
      LucenePaperIndex first = open(database);
      LucenePaperIndex second =
          LucenePaperIndex.open(
              dir.resolve("index-2"),
              QueryExpander.none(),
              Clock.systemUTC(),
              new JdbcPaperArchive(database.dataSource(), Clock.systemUTC()));
      try (first;
          second) {
        first.replaceAll(CORPUS, "seeds-1");
        second.reconcileWithArchive();
        assertThat(second.size()).isEqualTo(CORPUS.size());

        first.upsert(List.of(paper("live-2", "Humanoid whole-body control")));
        // A seed paper found on arXiv: a new id that remembers the old one.
        Paper moved =
            new Paper(
                "arxiv:2611.00009",
                "Diffusion policy number 9",
                List.of(),
                "An abstract.",
                List.of("Ana Li"),
                false,
                1,
                LocalDate.of(2026, 11, 2),
                false,
                3,
                List.of("cs.LG"),
                null,
                List.of(),
                List.of(new SourceRecord("p9", 0, PaperDocuments.FORMER_ID)));
        first.replace("p9", moved);
        assertThat(second.get("live-2")).as("not before a sync").isEmpty();

        assertThat(second.syncFromArchive()).isGreaterThanOrEqualTo(2);
        assertThat(second.get("live-2")).map(Paper::title).contains("Humanoid whole-body control");
        assertThat(second.get("arxiv:2611.00009")).isPresent();
        assertThat(second.get("p9"))
            .as("found under its old id, as the same paper")
            .map(Paper::id)
            .contains("arxiv:2611.00009");
        assertThat(second.size()).as("moved, not copied").isEqualTo(CORPUS.size() + 1);
        assertThat(second.syncFromArchive()).as("nothing new").isZero();
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
