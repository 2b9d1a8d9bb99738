package paperbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paperbot.app.TestBots;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.ingest.SeedCorpus;

/** The generator is deterministic and shaped like the corpus the performance notes describe. */
final class SyntheticCorpusTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final List<Paper> SEEDS =
      SeedCorpus.load(TestBots.REPO.resolve("seeds"), TestBots.CLOCK).papers();

  @Test
  void samePaperForTheSameSeedAndIndex() {
    SyntheticCorpus one = new SyntheticCorpus(SEEDS, 42, TODAY);
    SyntheticCorpus two = new SyntheticCorpus(SEEDS, 42, TODAY);
    assertThat(two.paper(12_345)).isEqualTo(one.paper(12_345));
    assertThat(new SyntheticCorpus(SEEDS, 7, TODAY).paper(12_345)).isNotEqualTo(one.paper(12_345));
    assertThat(one.paper(1).id()).isEqualTo("syn0000001");
  }

  @Test
  void datesSpanThreeYearsAndUpvotesAreHeavyTailed() {
    SyntheticCorpus corpus = new SyntheticCorpus(SEEDS, 42, TODAY);
    List<Integer> upvotes = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    LocalDate oldest = TODAY;
    for (int i = 0; i < 5_000; i++) {
      Paper paper = corpus.paper(i);
      assertThat(paper.published()).isBetween(TODAY.minusDays(SyntheticCorpus.DAYS), TODAY);
      assertThat(paper.authors()).hasSizeBetween(2, 8);
      assertThat(paper.abstractText()).isNotBlank();
      oldest = paper.published().isBefore(oldest) ? paper.published() : oldest;
      upvotes.add(paper.upvotes());
      titles.add(paper.title());
    }
    upvotes.sort(null);
    assertThat(oldest).isBefore(TODAY.minusDays(1_000));
    assertThat(upvotes.get(2_500)).isZero(); // median
    assertThat(upvotes.get(4_950)).isBetween(20, 200); // p99 around 66
    assertThat(titles.size())
        .isGreaterThan(1_000); // mixed and renamed titles, not just the 300 real ones
  }

  @Test
  void membersHaveEightToFifteenTopics() {
    SyntheticMembers members = new SyntheticMembers(42, 10_000);
    for (int j = 0; j < 200; j++) {
      SyntheticMembers.Member member = members.member(j);
      assertThat(member.topics()).hasSizeBetween(8, 15);
      assertThat(member.mutes()).hasSizeLessThanOrEqualTo(3);
      assertThat(member.topics().values()).allSatisfy(w -> assertThat(w).isBetween(0.5, 3.0));
    }
    assertThat(members.member(3)).isEqualTo(new SyntheticMembers(42, 10_000).member(3));
  }
}
