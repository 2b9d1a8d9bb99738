package paperbot.recommender.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;

final class SeedCorpusTest {
  private static final CorpusLoad SEEDS = SeedCorpus.load(Seeds.DIR, Seeds.CLOCK);

  private static Paper titled(String title) {
    return SEEDS.papers().stream()
        .filter(p -> title.equals(p.title()) || p.aliases().contains(title))
        .findFirst()
        .orElseThrow();
  }

  private static Paper startingWith(String abstractStart) {
    return SEEDS.papers().stream()
        .filter(p -> p.abstractText().startsWith(abstractStart))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theSeeds333RecordsMergeInto303DistinctPapers() {
    assertThat(SEEDS.records()).isEqualTo(333);
    assertThat(SEEDS.files()).extracting(FileReport::records).containsExactly(20, 10, 177, 71, 55);
    assertThat(SEEDS.papers()).hasSize(303);
    assertThat(SEEDS.merges()).isEqualTo(30);
    assertThat(SEEDS.files()).allSatisfy(f -> assertThat(f.errors()).isEmpty());
  }

  @Test
  void idsAreUniqueAndStableAcrossLoads() {
    List<String> ids = SEEDS.papers().stream().map(Paper::id).toList();
    assertThat(new HashSet<>(ids)).hasSize(303);
    assertThat(SeedCorpus.load(Seeds.DIR, Seeds.CLOCK).papers().stream().map(Paper::id).toList())
        .isEqualTo(ids);
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("pb-[0-9a-f]{8}"));
  }

  @Test
  void aRetitledVersionIsOnePaperKeepingBothTitles() {
    Paper paper =
        titled(
            "Learning an Actionable Discrete Diffusion Policy via Large-Scale Actionless Video Pre-Training");
    assertThat(paper.title())
        .isEqualTo(
            "Learning an Actionable Discrete Diffusion Policy via Large-Scale Actionless Video Pre-Training");
    assertThat(paper.aliases())
        .containsExactly(
            "Large-Scale Actionless Video Pre-Training via Discrete Diffusion for Efficient Policy Learning");
    assertThat(paper.sources())
        .extracting(SourceRecord::source)
        .anyMatch(s -> s.startsWith("000"))
        .anyMatch(s -> s.startsWith("001"))
        .anyMatch(s -> s.startsWith("002"));
  }

  @Test
  void untitledAbstractsJoinTheirTitledPaperOrStandAlone() {
    long untitled = SEEDS.papers().stream().filter(p -> p.title() == null).count();
    assertThat(untitled).isEqualTo(2);
    assertThat(startingWith("Acquiring a multi-task imitation policy in 3D manipulation").title())
        .isNull();
    assertThat(startingWith("The robustness of legged locomotion").title()).isNull();
    long fromAbstractList =
        SEEDS.papers().stream()
            .filter(p -> p.sources().stream().anyMatch(s -> s.layout().equals("abstract-list")))
            .count();
    assertThat(fromAbstractList).isEqualTo(10);
    assertThat(SEEDS.papers())
        .filteredOn(p -> p.title() != null)
        .filteredOn(p -> p.sources().stream().anyMatch(s -> s.layout().equals("abstract-list")))
        .hasSize(8);
  }

  @Test
  void papersListedOnThreePagesKeepEverySourceAndTheDailyPageMetadata() {
    Paper hilbert = titled("Foundation Policies with Hilbert Representations");
    assertThat(hilbert.sources()).hasSize(3);
    Paper qd = titled("Learning in Sparse Rewards settings through Quality-Diversity algorithms");
    assertThat(qd.sources()).hasSize(3);
    Paper seppo = titled("SePPO: Semi-Policy Preference Optimization for Diffusion Alignment");
    assertThat(seppo.published()).isEqualTo(LocalDate.of(2024, 10, 7));
    assertThat(seppo.upvotes()).isEqualTo(2);
    assertThat(seppo.authorCount()).isEqualTo(11);
    assertThat(SEEDS.papers()).filteredOn(p -> p.upvotes() > 0).hasSize(19);
    assertThat(SEEDS.papers()).filteredOn(p -> p.published() != null).hasSize(88);
  }

  @Test
  void linksAreFoundAndRepairedInAbstracts() {
    assertThat(SEEDS.papers().stream().flatMap(p -> p.links().stream()))
        .contains(
            "https://github.com/InternLM/OREAL",
            "https://github.com/masa-ue/SVDD",
            "https://github.com/utomm/mini-diffuse-actor",
            "https://rlif-page.github.io")
        .noneMatch(
            link -> link.endsWith(".") || link.contains("{") || link.contains("researchhttps"));
    assertThat(SEEDS.papers())
        .filteredOn(p -> !p.links().isEmpty())
        .hasSizeGreaterThanOrEqualTo(90);
  }

  @Test
  void layoutIsDetectedByContentNotByName(@TempDir Path dir) throws IOException {
    Files.copy(Seeds.file("003"), dir.resolve("renamed.txt"));
    Files.copy(Seeds.file("000"), dir.resolve("zzz.dat"));
    CorpusLoad load = SeedCorpus.load(dir, Seeds.CLOCK);
    assertThat(load.files())
        .extracting(FileReport::layout)
        .containsExactly("hf-daily", "author-profile");
    assertThat(load.records()).isEqualTo(71 + 20);
  }

  @Test
  void badFilesAreReportedByFileAndLineWithoutStoppingTheOthers(@TempDir Path dir)
      throws IOException {
    Files.copy(Seeds.file("004"), dir.resolve("b-good.txt"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("a-garbage.txt"), "hello\nworld\n");
    Files.write(dir.resolve("c-binary.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Files.writeString(
        dir.resolve("d-broken.txt"),
        "Daily Papers\n\nA Title\n\nAn abstract that is fine.\n\n  • 3 authors\n·\nFeb 31, 2024\n\n"
            + "x".repeat(400)
            + "\n\nLast Title Without Abstract");
    CorpusLoad load = SeedCorpus.load(dir, Seeds.CLOCK);
    assertThat(load.files())
        .extracting(FileReport::file)
        .containsExactly("a-garbage.txt", "b-good.txt", "c-binary.txt", "d-broken.txt");
    assertThat(load.files().get(0).errors())
        .singleElement()
        .asString()
        .startsWith("a-garbage.txt:1: not a known paper listing layout");
    assertThat(load.files().get(1).records()).isEqualTo(55);
    assertThat(load.files().get(2).errors()).singleElement().asString().contains("not UTF-8");
    FileReport broken = load.files().get(3);
    assertThat(broken.records()).isEqualTo(1);
    assertThat(broken.errors())
        .anyMatch(e -> e.startsWith("d-broken.txt:9: no such date"))
        .anyMatch(e ->
            e.startsWith("d-broken.txt:11: expected a paper title, found a 400-character line"))
        .anyMatch(e -> e.startsWith("d-broken.txt:13: title without an abstract"));
    assertThat(load.papers()).hasSize(56);
  }

  @Test
  void fingerprintChangesWhenASourceChanges(@TempDir Path dir) throws IOException {
    Files.copy(Seeds.file("004"), dir.resolve("a.txt"));
    String before = SeedCorpus.fingerprint(dir);
    assertThat(SeedCorpus.fingerprint(dir)).isEqualTo(before);
    Files.writeString(dir.resolve("a.txt"), Files.readString(dir.resolve("a.txt")) + " more");
    assertThat(SeedCorpus.fingerprint(dir)).isNotEqualTo(before);
  }
}
