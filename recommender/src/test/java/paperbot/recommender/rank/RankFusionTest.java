package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

final class RankFusionTest {
  private static final ScoreDoc[] POOL = {new ScoreDoc(1, 0f), new ScoreDoc(2, 0f)};

  /** Paper 1 first in the topic's three rankings, paper 2 first in the like model's. */
  private static final List<float[]> SIGNALS =
      List.of(new float[] {3, 1}, new float[] {3, 1}, new float[] {3, 1}, new float[] {0, 5});

  private static int[] order(ScoreDoc[] fused) {
    return Arrays.stream(fused).mapToInt(hit -> hit.doc).toArray();
  }

  @Test
  void aSignalWithMoreVotesCountsMore() {
    List<float[]> two = List.of(new float[] {1, 0}, new float[] {0, 1});
    // Equal votes tie, and a tie keeps pool order.
    assertThat(order(RankFusion.fuse(POOL, two, null))).containsExactly(1, 2);
    assertThat(order(RankFusion.fuse(POOL, two, new double[] {1, 1.5}, null)))
        .containsExactly(2, 1);
    ScoreDoc[] fused = RankFusion.fuse(POOL, two, new double[] {1, 1.5}, null);
    assertThat(fused[0].score).isEqualTo((float) (1.5 / 61 + 1.0 / 62));
  }

  @Test
  void equalVotesAreTheUnweightedFusion() {
    ScoreDoc[] plain = RankFusion.fuse(POOL, SIGNALS, null);
    ScoreDoc[] voted = RankFusion.fuse(POOL, SIGNALS, new double[] {1, 1, 1, 1}, null);
    assertThat(order(voted)).containsExactly(order(plain));
    assertThat(voted[0].score).isEqualTo(plain[0].score);
  }
}
