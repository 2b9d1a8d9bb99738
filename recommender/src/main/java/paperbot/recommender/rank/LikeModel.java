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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
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
   * unchanged when nothing is learned. Each keeps its score. {@code texts} are the hits' papers'
   * analysed text, in order.
   */
  public static ScoreDoc[] fuse(
      Analyzer analyzer, Map<String, Double> learned, ScoreDoc[] hits, List<PaperText> texts)
      throws IOException {
    float[] like = scores(analyzer, learned, texts);
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
    float[] negative = disliked.isEmpty() ? null : scores(analyzer, disliked, texts, false);
    if (negative != null) {
      for (int i = 0; i < negative.length; i++) {
        negative[i] = Math.max(0, negative[i]);
      }
    }
    return Arrays.stream(RankFusion.fuse(hits, List.of(own, like), negative))
        .map(hit -> new ScoreDoc(hit.doc, scores.get(hit.doc)))
        .toArray(ScoreDoc[]::new);
  }

  /** {@link #fuse(Analyzer, Map, ScoreDoc[], List)} on the hits' text as the index stored it. */
  public static ScoreDoc[] fuse(
      IndexSearcher searcher, Analyzer analyzer, Map<String, Double> learned, ScoreDoc[] hits)
      throws IOException {
    return fuse(analyzer, learned, hits, PaperText.words(searcher, analyzer, hits));
  }

  /**
   * Each candidate's score under the stored weights {@code learned} (readable terms, as {@code
   * likeTerms} gives them), trained against {@code pool}; null when nothing is learned.
   */
  static float[] scores(Analyzer analyzer, Map<String, Double> learned, List<PaperText> pool)
      throws IOException {
    return scores(analyzer, learned, pool, true);
  }

  private static float[] scores(
      Analyzer analyzer, Map<String, Double> learned, List<PaperText> pool, boolean againstPool)
      throws IOException {
    Map<List<String>, Double> weights = new HashMap<>();
    for (Map.Entry<String, Double> term : learned.entrySet()) {
      List<String> stems = stems(analyzer, term.getKey());
      if (!stems.isEmpty()) {
        weights.merge(stems, term.getValue(), Double::sum);
      }
    }
    double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    if (norm == 0 || pool.isEmpty()) {
      return null;
    }
    // Terms (words and adjacent pairs) numbered once per request, vectors as arrays: no map per
    // candidate, no string per pair. The candidates' words come analysed from the index.
    TermIds ids = new TermIds();
    int[][] terms = new int[pool.size()][];
    int[][] counts = new int[pool.size()][];
    for (int i = 0; i < pool.size(); i++) {
      ids.count(pool.get(i).words());
      terms[i] = ids.terms();
      counts[i] = ids.counts();
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
    weights.forEach((stems, weight) -> {
      int id = ids.idOf(stems);
      if (id >= 0) {
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
   * A stored term's stems as the candidates' words name them ("diffusion policy" = [diffus,
   * polici]).
   */
  private static List<String> stems(Analyzer analyzer, String text) throws IOException {
    List<String> stems = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        stems.add(term.toString());
      }
      stream.end();
    }
    return stems;
  }

  /**
   * Numbers the words and adjacent word pairs of a request's candidates (a pair by its two words'
   * numbers), and counts one candidate's at a time, each term once, in order of first occurrence.
   */
  private static final class TermIds {
    private final Map<String, Integer> words = new HashMap<>();

    /**
     * Pairs by their two words' numbers, open addressing: a pair per word of every candidate, and a
     * boxed map was most of counting them.
     */
    private long[] pairKeys = newKeys(4096);

    private int[] pairIds = new int[4096];
    private int pairCount;
    private int size;

    /** Per term: the candidate that last counted it and where, so a repeat adds to its count. */
    private int[] owner = new int[1024];

    private int[] slot = new int[1024];
    private int candidate = -1;
    private int[] terms = new int[0];
    private int[] counts = new int[0];
    private int distinct;

    int size() {
      return size;
    }

    /** Counts one candidate's words and pairs (adjacent words). */
    void count(List<String> paperWords) {
      candidate++;
      distinct = 0;
      terms = new int[2 * paperWords.size()];
      counts = new int[terms.length];
      int previous = -1;
      for (String word : paperWords) {
        int id = words.computeIfAbsent(word, unused -> next());
        add(id);
        if (previous >= 0) {
          add(pairId(pair(previous, id), true));
        }
        previous = id;
      }
    }

    int[] terms() {
      return Arrays.copyOf(terms, distinct);
    }

    int[] counts() {
      return Arrays.copyOf(counts, distinct);
    }

    /** The number of a word (one stem) or pair (two), or -1 when no candidate has it. */
    int idOf(List<String> stems) {
      if (stems.size() == 1) {
        return words.getOrDefault(stems.get(0), -1);
      }
      if (stems.size() == 2) {
        Integer first = words.get(stems.get(0));
        Integer second = words.get(stems.get(1));
        if (first != null && second != null) {
          return pairId(pair(first, second), false);
        }
      }
      return -1;
    }

    /** The pair's number; a new one when {@code add}, else -1 for an unknown pair. */
    private int pairId(long key, boolean add) {
      int at = slotOf(pairKeys, key);
      if (pairKeys[at] == key) {
        return pairIds[at];
      }
      if (!add) {
        return -1;
      }
      int id = next();
      pairKeys[at] = key;
      pairIds[at] = id;
      if (++pairCount * 2 > pairKeys.length) {
        long[] keys = pairKeys;
        int[] ids = pairIds;
        pairKeys = newKeys(keys.length * 2);
        pairIds = new int[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
          if (keys[i] != -1) {
            int slot = slotOf(pairKeys, keys[i]);
            pairKeys[slot] = keys[i];
            pairIds[slot] = ids[i];
          }
        }
      }
      return id;
    }

    /** Where the key is, or the empty slot where it would go (linear probing). */
    private static int slotOf(long[] keys, long key) {
      int mask = keys.length - 1;
      int at = (int) ((key ^ (key >>> 32)) * 0x9E3779B97F4A7C15L >>> 40) & mask;
      while (keys[at] != -1 && keys[at] != key) {
        at = (at + 1) & mask;
      }
      return at;
    }

    private static long[] newKeys(int size) {
      long[] keys = new long[size];
      Arrays.fill(keys, -1);
      return keys;
    }

    private static long pair(int first, int second) {
      return ((long) first << 32) | second;
    }

    private int next() {
      if (size == owner.length) {
        owner = Arrays.copyOf(owner, size * 2);
        slot = Arrays.copyOf(slot, size * 2);
      }
      owner[size] = -1;
      return size++;
    }

    private void add(int id) {
      if (owner[id] == candidate) {
        counts[slot[id]]++;
      } else {
        owner[id] = candidate;
        slot[id] = distinct;
        terms[distinct] = id;
        counts[distinct++] = 1;
      }
    }
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
