package paperbot.recommender.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reader against its real seed file, with the traps shared/notes/seeds.md lists. */
final class SeedReadersTest {

  private static SeedRecord at(List<SeedRecord> records, int line) {
    return records.stream().filter(r -> r.source().line() == line).findFirst().orElseThrow();
  }

  @Test
  void authorProfilePageGivesTwentyRecordsWithCategoriesDatesAndAuthors() {
    SeedCorpus.FileRead read = Seeds.read("000");
    assertThat(read.report().layout()).isEqualTo("author-profile");
    assertThat(read.report().errors()).isEmpty();
    List<SeedRecord> records = read.records();
    assertThat(records).hasSize(20);

    SeedRecord first = at(records, 12);
    assertThat(first.title()).isEqualTo("Diffusion Models for Reinforcement Learning: A Survey");
    assertThat(first.categories()).containsExactly("cs.LG");
    assertThat(first.date().toLocalDate()).isEqualTo(LocalDate.of(2023, 11, 2));
    assertThat(first.authors()).containsExactly("Zhengbang Zhu", "Hanye Zhao", "Haoran He");
    assertThat(first.authorsTruncated()).isTrue();
    assertThat(first.authorCount()).isNull();

    SeedRecord scored = at(records, 19); // "96.4AIJun 4": the score is not part of the category
    assertThat(scored.categories()).containsExactly("cs.AI");
    assertThat(scored.date().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 4));
    assertThat(scored.date().yearInferred()).isTrue();

    assertThat(at(records, 47).categories()).containsExactly("cs.RO");
    assertThat(at(records, 110).categories()).containsExactly("physics.app-ph");
    assertThat(at(records, 110).date().toLocalDate()).isEqualTo(LocalDate.of(2025, 7, 23));
    assertThat(at(records, 89).categories()).containsExactly("stat.AP");

    SeedRecord complete =
        records.stream().filter(r -> !r.authorsTruncated()).findFirst().orElseThrow();
    assertThat(complete.authors()).containsExactly("Zhijiang Li", "Haoran He");
    assertThat(complete.authorCount()).isEqualTo(2);
    assertThat(records.get(19).abstractText()).isNotBlank(); // the unterminated last line is kept
  }

  @Test
  void abstractListGivesTenUntitledRecords() {
    SeedCorpus.FileRead read = Seeds.read("001");
    assertThat(read.report().layout()).isEqualTo("abstract-list");
    assertThat(read.records())
        .hasSize(10)
        .allSatisfy(r -> {
          assertThat(r.title()).isNull();
          assertThat(r.abstractText()).doesNotStartWith("Abstract:").hasSizeGreaterThan(1000);
        });
    assertThat(read.records().get(9).source().line()).isEqualTo(10);
  }

  @Test
  void alternatingPageGives177RecordsAndUngluesTheSubscribeButton() {
    SeedCorpus.FileRead read = Seeds.read("002");
    assertThat(read.report().layout()).isEqualTo("hf-alternating");
    assertThat(read.report().errors()).isEmpty();
    List<SeedRecord> records = read.records();
    assertThat(records).hasSize(177);
    assertThat(records.get(0).title())
        .startsWith("DigiRL: Training In-The-Wild Device-Control Agents");
    assertThat(records.get(0).source().line()).isEqualTo(3);
    assertThat(at(records, 7).title()).startsWith("SOTOPIA-$π$: "); // stored verbatim
    assertThat(at(records, 41).title()).startsWith("This&That");
    assertThat(records.get(176).source().line()).isEqualTo(355);
    assertThat(records.get(176).abstractText()).hasSizeGreaterThan(600);
    assertThat(records).allSatisfy(r -> assertThat(r.title().length()).isLessThanOrEqualTo(150));
  }

  @Test
  void dailyPapersPageReadsMetadataBlocksIntoTheRecordAbove() {
    SeedCorpus.FileRead read = Seeds.read("003");
    assertThat(read.report().layout()).isEqualTo("hf-daily");
    assertThat(read.report().errors()).isEmpty();
    List<SeedRecord> records = read.records();
    assertThat(records).hasSize(71);

    SeedRecord seppo = at(records, 13);
    assertThat(seppo.title())
        .isEqualTo("SePPO: Semi-Policy Preference Optimization for Diffusion Alignment");
    assertThat(seppo.authorCount()).isEqualTo(11);
    assertThat(seppo.date()).isEqualTo(new ListedDate(10, 7, 2024, false));
    assertThat(seppo.upvotes()).isEqualTo(2);

    SeedRecord noYear = at(records, 21); // "Feb 7": no year, no upvotes
    assertThat(noYear.date()).isEqualTo(new ListedDate(2, 7, 2025, true));
    assertThat(noYear.upvotes()).isZero();

    SeedRecord org =
        records.stream()
            .filter(r -> "PEARLS-Lab PEARLS Lab".equals(r.organisation()))
            .findFirst()
            .orElseThrow();
    assertThat(org.authorCount()).isNull();
    assertThat(org.date().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(org.upvotes()).isEqualTo(2);
    assertThat(records).filteredOn(r -> r.organisation() != null).hasSize(3);

    assertThat(records)
        .filteredOn(r -> r.date() == null)
        .extracting(r -> r.source().line())
        .containsExactlyInAnyOrder(117, 129, 285);
    assertThat(records).filteredOn(r -> Integer.valueOf(1).equals(r.authorCount())).hasSize(3);
    assertThat(records).filteredOn(r -> r.upvotes() > 0).hasSize(19);
    assertThat(records)
        .filteredOn(r -> r.date() != null && r.date().yearInferred())
        .hasSize(29)
        .allSatisfy(r -> assertThat(r.date().year()).isEqualTo(2025));
    assertThat(records.get(70).date())
        .isEqualTo(new ListedDate(5, 6, 2025, true)); // last, unterminated line
    assertThat(records).noneMatch(r -> r.title().equals("Nov 3"));
  }

  @Test
  void plainDailyPageGives55RecordsIncludingTheCutOffAbstract() {
    SeedCorpus.FileRead read = Seeds.read("004");
    assertThat(read.report().layout()).isEqualTo("hf-daily-plain");
    assertThat(read.report().errors()).isEmpty();
    List<SeedRecord> records = read.records();
    assertThat(records).hasSize(55);
    assertThat(records.get(0).title())
        .isEqualTo("A Dataset Perspective on Offline Reinforcement Learning");
    assertThat(records).allSatisfy(r -> assertThat(r.date()).isNull());
    assertThat(records)
        .anySatisfy(r -> assertThat(r.abstractText()).endsWith("rewards and transition"));
  }
}
