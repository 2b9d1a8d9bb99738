package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;

/** The papers' database copy on SQLite, H2 and PostgreSQL. */
final class JdbcPaperArchiveTest {
  @TempDir static Path dir;

  static Paper paper(String id, String title) {
    return new Paper(
        id,
        title,
        List.of(),
        "An abstract about " + title + " — with “quotes” and π.",
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void papersRoundTripAreReplacedByIdAndComeBackInBatchesInIdOrder(
      String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcPaperArchive archive = new JdbcPaperArchive(db.dataSource(), Clock.systemUTC());
      assertThat(archive.sourceFingerprint()).as("never complete yet").isEmpty();
      List<Paper> papers =
          IntStream.range(0, 1_203)
              .mapToObj(i -> paper(String.format("p%05d", i), "Title " + i))
              .toList();
      archive.put(papers);
      archive.put(
          List.of(paper("p00007", "Title seven, revised"), paper("p00007", "Title seven, last")));
      archive.replace("p00008", paper("arxiv:2611.00008", "Title eight, now on arXiv"));
      assertThat(archive.count()).isEqualTo(1_203);

      List<Paper> back = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      archive.forEachBatch(
          500,
          batch -> {
            sizes.add(batch.size());
            back.addAll(batch);
          });
      assertThat(sizes).containsExactly(500, 500, 203);
      assertThat(back)
          .extracting(Paper::id)
          .isSorted()
          .doesNotContain("p00008")
          .contains("arxiv:2611.00008");
      assertThat(back)
          .filteredOn(p -> p.id().equals("p00007"))
          .extracting(Paper::title)
          .containsExactly("Title seven, last");
      assertThat(back).filteredOn(p -> p.id().equals("p00100")).containsExactly(papers.get(100));

      archive.replaceAll(List.of(paper("s1", "Seed one")), "seeds-v2");
      assertThat(archive.count()).isOne();
      assertThat(archive.sourceFingerprint()).contains("seeds-v2");
      archive.complete("seeds-v3");
      assertThat(archive.sourceFingerprint()).contains("seeds-v3");
    }
  }
}
