package paperbot.recommender.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Combines rankings of one candidate pool by reciprocal rank (Cormack et al. 2009): each paper
 * scores {@code sum 1/(K + rank)} over the rankings. Ranks, not scores, so signals on different
 * scales (word-score sums, feedback weights, a member's model) combine without weights to tune; a
 * paper several signals place high wins.
 */
final class RankFusion {
  /** The constant of the original paper; it damps the difference between the very first ranks. */
  static final int K = 60;

  private RankFusion() {}

  /** Each pool paper's score under {@code query} (0 when it does not match), in pool order. */
  static float[] scores(IndexSearcher searcher, ScoreDoc[] pool, Query query) throws IOException {
    QueryRescorer rescorer =
        new QueryRescorer(KnownTerms.bind(searcher, query)) {
          @Override
          protected float combine(
              float firstPassScore, boolean secondPassMatches, float secondPassScore) {
            return secondPassMatches ? secondPassScore : 0f;
          }
        };
    ScoreDoc[] copy =
        Arrays.stream(pool).map(hit -> new ScoreDoc(hit.doc, hit.score)).toArray(ScoreDoc[]::new);
    TopDocs rescored =
        rescorer.rescore(
            searcher,
            new TopDocs(new TotalHits(copy.length, TotalHits.Relation.EQUAL_TO), copy),
            copy.length);
    Map<Integer, Float> byDoc = new HashMap<>();
    for (ScoreDoc hit : rescored.scoreDocs) {
      byDoc.put(hit.doc, hit.score);
    }
    float[] scores = new float[pool.length];
    for (int i = 0; i < pool.length; i++) {
      scores[i] = byDoc.getOrDefault(pool[i].doc, 0f);
    }
    return scores;
  }

  /**
   * The pool re-ordered by the reciprocal-rank sum of several score lists (each in pool order,
   * higher is better); a paper's score becomes its fused score. Ties keep pool order.
   */
  static ScoreDoc[] fuse(ScoreDoc[] pool, float[]... signals) {
    return fuse(pool, List.of(signals), null);
  }

  /**
   * As {@link #fuse(ScoreDoc[], float[]...)}, and a negative signal (resemblance to disliked
   * papers) takes off up to one signal's first-place vote, in proportion to the score: the most
   * similar paper loses all of it, a paper sharing a common word with a disliked one almost nothing
   * (by rank, every paper matching at all would lose).
   */
  static ScoreDoc[] fuse(ScoreDoc[] pool, List<float[]> signals, float[] negative) {
    double[] votes = new double[signals.size()];
    Arrays.fill(votes, 1);
    return fuse(pool, signals, votes, negative);
  }

  /**
   * As {@link #fuse(ScoreDoc[], List, float[])}, each signal counting {@code votes[i]} times (a
   * signal of 1.5 votes gives its first place 1.5 / (K + 1)).
   */
  static ScoreDoc[] fuse(ScoreDoc[] pool, List<float[]> signals, double[] votes, float[] negative) {
    double[] fused = new double[pool.length];
    for (int s = 0; s < signals.size(); s++) {
      Integer[] order = byScore(signals.get(s));
      for (int rank = 0; rank < order.length; rank++) {
        fused[order[rank]] += votes[s] / (K + rank + 1);
      }
    }
    if (negative != null) {
      float most = 0;
      for (float value : negative) {
        most = Math.max(most, value);
      }
      for (int i = 0; most > 0 && i < pool.length; i++) {
        fused[i] -= negative[i] / most / (K + 1);
      }
    }
    Integer[] order = new Integer[pool.length];
    for (int i = 0; i < pool.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.comparingDouble((Integer i) -> -fused[i]).thenComparingInt(i -> i));
    return Arrays.stream(order)
        .map(i -> new ScoreDoc(pool[i].doc, (float) fused[i]))
        .toArray(ScoreDoc[]::new);
  }

  /** Indexes of the scores, highest first (ties by index). */
  static Integer[] byScore(float[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < scores.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
    return order;
  }
}
