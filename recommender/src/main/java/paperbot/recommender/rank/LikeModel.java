package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import paperbot.recommender.corpus.Paper;

/**
 * A member's taste as a linear model over tf-idf vectors of the candidates (words and adjacent word
 * pairs, sublinear term frequency, unit length), the way arxiv-sanity trains one per tag. Trained
 * per request on the liked papers against the candidate pool: with a handful of likes and strong
 * regularisation a linear SVM's weights reduce to the mean of the liked vectors minus the mean of
 * the others (Rocchio), which is what this computes, exactly and in one pass. A candidate's score
 * is its vector's dot product with the weights: high for papers that share what the liked papers
 * have and the rest of the pool lacks.
 */
final class LikeModel {
  private LikeModel() {}

  /**
   * The model of {@code liked} trained against {@code pool} (the candidates), and each candidate's
   * score.
   */
  static float[] scores(Analyzer analyzer, List<Paper> liked, List<Paper> pool) throws IOException {
    List<Map<String, Integer>> likedCounts = counts(analyzer, liked);
    List<Map<String, Integer>> poolCounts = counts(analyzer, pool);
    Map<String, Integer> frequency = new HashMap<>();
    for (List<Map<String, Integer>> side : List.of(likedCounts, poolCounts)) {
      side.forEach(doc -> doc.keySet().forEach(term -> frequency.merge(term, 1, Integer::sum)));
    }
    int documents = likedCounts.size() + poolCounts.size();
    List<Map<String, Double>> poolVectors =
        poolCounts.stream().map(doc -> vector(doc, frequency, documents)).toList();
    Map<String, Double> weights = new HashMap<>();
    for (Map<String, Integer> doc : likedCounts) {
      vector(doc, frequency, documents)
          .forEach((t, v) -> weights.merge(t, v / likedCounts.size(), Double::sum));
    }
    for (Map<String, Double> vector : poolVectors) {
      vector.forEach((t, v) -> weights.merge(t, -v / poolVectors.size(), Double::sum));
    }
    float[] scores = new float[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      double score = 0;
      for (Map.Entry<String, Double> entry : poolVectors.get(i).entrySet()) {
        score += entry.getValue() * weights.getOrDefault(entry.getKey(), 0.0);
      }
      scores[i] = (float) score;
    }
    return scores;
  }

  /** Each paper's words and adjacent word pairs (analysed, so stems) with their counts. */
  private static List<Map<String, Integer>> counts(Analyzer analyzer, List<Paper> papers)
      throws IOException {
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (Paper paper : papers) {
      counts.add(FeedbackTerms.termCounts(analyzer, paper, true));
    }
    return counts;
  }

  /** Sublinear tf times smoothed idf (as scikit-learn computes it), scaled to unit length. */
  private static Map<String, Double> vector(
      Map<String, Integer> counts, Map<String, Integer> frequency, int documents) {
    Map<String, Double> vector = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      int df = frequency.getOrDefault(count.getKey(), 0);
      double idf = Math.log((1.0 + documents) / (1.0 + df)) + 1;
      double value = (1 + Math.log(count.getValue())) * idf;
      vector.put(count.getKey(), value);
      norm += value * value;
    }
    double length = Math.sqrt(norm);
    if (length > 0) {
      vector.replaceAll((term, value) -> value / length);
    }
    return vector;
  }
}
