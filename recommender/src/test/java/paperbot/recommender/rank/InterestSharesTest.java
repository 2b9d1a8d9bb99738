package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** The Sainte-Laguë turns of a feed's interests over the fused order. */
final class InterestSharesTest {
  /** Papers 0..n-1 in fused order, each with a distinct score. */
  private static ScoreDoc[] ranked(int n) {
    ScoreDoc[] ranked = new ScoreDoc[n];
    for (int i = 0; i < n; i++) {
      ranked[i] = new ScoreDoc(i, n - i);
    }
    return ranked;
  }

  /** Which interest matches each paper: a string per interest, '1' where it matches. */
  private static boolean[][] matches(String... interests) {
    boolean[][] matches = new boolean[interests.length][];
    for (int i = 0; i < interests.length; i++) {
      matches[i] = new boolean[interests[i].length()];
      for (int p = 0; p < interests[i].length(); p++) {
        matches[i][p] = interests[i].charAt(p) == '1';
      }
    }
    return matches;
  }

  private static List<Integer> order(ScoreDoc[] shared) {
    return Arrays.stream(shared).map(hit -> hit.doc).toList();
  }

  @Test
  void equallyWeightedInterestsTakeTurnsEachInItsOwnOrder() {
    ScoreDoc[] shared =
        InterestShares.share(ranked(5), matches("11100", "00011"), new double[] {1, 1});
    assertThat(order(shared)).containsExactly(0, 3, 1, 4, 2);
    assertThat(shared[1].score).isEqualTo(2f); // each paper keeps its own score
  }

  @Test
  void aHeavierInterestTakesMorePlacesInProportion() {
    // Weights 2 and 1: quotients 2, 1 | 2/3, 1 | 2/3, 1/3 | 2/5, 1/3 | 2/7, 1/3.
    ScoreDoc[] shared =
        InterestShares.share(ranked(6), matches("111100", "000011"), new double[] {2, 1});
    assertThat(order(shared)).containsExactly(0, 4, 1, 2, 5, 3);
  }

  @Test
  void aTypedQuerysPartialMatchesFollowEverySubjectsPapers() {
    // Paper 1 has a word of one subject, not the whole of either.
    ScoreDoc[] shared =
        InterestShares.shareMatchedFirst(ranked(5), matches("10110", "00001"), new double[] {1, 1});
    assertThat(order(shared)).containsExactly(0, 4, 2, 3, 1);
  }

  @Test
  void papersNoInterestMatchesKeepTheirPlaces() {
    // Paper 1 was found by the like model alone.
    ScoreDoc[] shared =
        InterestShares.share(ranked(5), matches("10110", "00001"), new double[] {1, 1});
    assertThat(order(shared)).containsExactly(0, 1, 4, 2, 3);
  }

  @Test
  void aPaperMatchingTwoInterestsCountsHalfAPlaceForEach() {
    // Paper 0 matches both: each interest has half a place, so they are even again.
    ScoreDoc[] shared =
        InterestShares.share(ranked(5), matches("11100", "10011"), new double[] {1, 1});
    assertThat(order(shared)).containsExactly(0, 1, 3, 2, 4);
  }

  @Test
  void oneInterestLeavesTheOrderAsItIs() {
    ScoreDoc[] ranked = ranked(3);
    assertThat(InterestShares.share(ranked, matches("101"), new double[] {1})).isSameAs(ranked);
  }
}
