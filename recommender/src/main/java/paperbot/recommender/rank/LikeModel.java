package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.ScoreDoc;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperFields;

/**
 * A member's taste as a linear model over tf-idf vectors (words and adjacent word pairs, sublinear
 * term frequency, unit length), the way arxiv-sanity trains one per tag. What is stored per member
 * is the sum of the liked papers' vectors minus the disliked ones' ({@code PaperIndex.likeTerms},
 * updated by each like): with a handful of likes and strong regularisation, that is what a linear
 * SVM's weights reduce to. At ranking time the model is trained against the candidates: the pool's
 * mean vector is subtracted, so words every candidate shares (the topic's own) stop counting and
 * the words that set the liked papers apart from the other candidates decide. A candidate's score
 * is its vector's dot product with those weights.
 */
public final class LikeModel {
  private LikeModel() {}

  /**
   * The hits (best first) reordered by reciprocal-rank fusion of their own order with the model of
   * {@code learned} trained against them, resemblance to its negative terms taking rank off;
   * unchanged when nothing is learned. Each keeps its score.
   */
  public static ScoreDoc[] fuse(
      Analyzer analyzer, Map<String, Double> learned, ScoreDoc[] hits, List<Paper> papers)
      throws IOException {
    float[] like = scores(analyzer, learned, papers);
    if (like == null || hits.length < 2) {
      return hits;
    }
    float[] own = new float[hits.length];
    Map<Integer, Float> scores = new HashMap<>();
    for (int i = 0; i < hits.length; i++) {
      // By rank, not score: the hits may come from several passes.
      own[i] = hits.length - i;
      scores.put(hits[i].doc, hits[i].score);
    }
    // What the dislikes taught takes rank off the papers most like them, as in the feed.
    Map<String, Double> disliked = new HashMap<>();
    learned.forEach((term, weight) -> {
      if (weight < 0) {
        disliked.put(term, -weight);
      }
    });
    // Resemblance, not what sets them apart: the pool's mean is not subtracted here.
    float[] negative = disliked.isEmpty() ? null : scores(analyzer, disliked, papers, false);
    if (negative != null) {
      for (int i = 0; i < negative.length; i++) {
        negative[i] = Math.max(0, negative[i]);
      }
    }
    return Arrays.stream(RankFusion.fuse(hits, List.of(own, like), negative))
        .map(hit -> new ScoreDoc(hit.doc, scores.get(hit.doc)))
        .toArray(ScoreDoc[]::new);
  }

  /**
   * Each candidate's score under the stored weights {@code learned} (readable terms, as {@code
   * likeTerms} gives them), trained against {@code pool}; null when nothing is learned.
   */
  static float[] scores(Analyzer analyzer, Map<String, Double> learned, List<Paper> pool)
      throws IOException {
    return scores(analyzer, learned, pool, true);
  }

  private static float[] scores(
      Analyzer analyzer, Map<String, Double> learned, List<Paper> pool, boolean againstPool)
      throws IOException {
    Map<String, Double> weights = new HashMap<>();
    for (Map.Entry<String, Double> term : learned.entrySet()) {
      String stems = stems(analyzer, term.getKey());
      if (!stems.isEmpty()) {
        weights.merge(stems, term.getValue(), Double::sum);
      }
    }
    double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    if (norm == 0 || pool.isEmpty()) {
      return null;
    }
    // Terms numbered once per request, vectors as arrays: the same arithmetic as maps of terms,
    // without a hash lookup per term and candidate (the maps were a third of a feed's time).
    Map<String, Integer> ids = new HashMap<>();
    int[][] terms = new int[pool.size()][];
    int[][] counts = new int[pool.size()][];
    for (int i = 0; i < pool.size(); i++) {
      Map<String, Integer> paperCounts = FeedbackTerms.termCounts(analyzer, pool.get(i), true);
      terms[i] = new int[paperCounts.size()];
      counts[i] = new int[paperCounts.size()];
      int k = 0;
      for (Map.Entry<String, Integer> count : paperCounts.entrySet()) {
        Integer id = ids.get(count.getKey());
        if (id == null) {
          id = ids.size();
          ids.put(count.getKey(), id);
        }
        terms[i][k] = id;
        counts[i][k++] = count.getValue();
      }
    }
    int[] frequency = new int[ids.size()];
    for (int[] paperTerms : terms) {
      for (int id : paperTerms) {
        frequency[id]++;
      }
    }
    double[][] vectors = new double[pool.size()][];
    for (int i = 0; i < pool.size(); i++) {
      vectors[i] = vector(terms[i], counts[i], frequency, pool.size());
    }
    double[] w = new double[ids.size()];
    weights.forEach((term, weight) -> {
      Integer id = ids.get(term);
      if (id != null) {
        w[id] = weight / norm;
      }
    });
    if (againstPool) {
      for (int i = 0; i < pool.size(); i++) {
        for (int k = 0; k < terms[i].length; k++) {
          w[terms[i][k]] -= vectors[i][k] / pool.size();
        }
      }
    }
    float[] scores = new float[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      double score = 0;
      for (int k = 0; k < terms[i].length; k++) {
        score += vectors[i][k] * w[terms[i][k]];
      }
      scores[i] = (float) score;
    }
    return scores;
  }

  /**
   * A stored term's stems as the pool's vectors name them ("diffusion policy" = "diffus polici").
   */
  private static String stems(Analyzer analyzer, String text) throws IOException {
    List<String> stems = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        stems.add(term.toString());
      }
      stream.end();
    }
    return String.join(" ", stems);
  }

  /**
   * Sublinear tf times smoothed idf over the candidates (as scikit-learn computes it), scaled to
   * unit length; {@code values[k]} belongs to term {@code terms[k]}.
   */
  private static double[] vector(int[] terms, int[] counts, int[] frequency, int documents) {
    double[] values = new double[terms.length];
    double norm = 0;
    for (int k = 0; k < terms.length; k++) {
      double idf = Math.log((1.0 + documents) / (1.0 + frequency[terms[k]])) + 1;
      values[k] = (1 + Math.log(counts[k])) * idf;
      norm += values[k] * values[k];
    }
    double length = Math.sqrt(norm);
    if (length > 0) {
      for (int k = 0; k < values.length; k++) {
        values[k] /= length;
      }
    }
    return values;
  }
}
