package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Shares a feed's places among a member's interests (each topic, and the followed authors together)
 * in proportion to their weights, so one topic with many strong matches does not fill the page: a
 * member who follows "offline rl", "diffusion policy" and "mixture of experts" sees all three on
 * the first page. Each interest keeps its own papers in the fused order, and the interests take
 * turns by the Sainte-Laguë rule (the next place goes to the interest with the highest {@code
 * weight / (2 * places + 1)}), as proportional diversification does (Dang and Croft 2012). A paper
 * matching several interests counts a share of a place for each. Papers matching no interest (found
 * by the like model alone) keep their places. A typed query that names several subjects shares its
 * pool the same way ({@link QuerySubjects}).
 */
final class InterestShares {
  private InterestShares() {}

  /** True when there are at least two interests to share places among. */
  static boolean applies(Interests interests) {
    return interests.topics().size() + (interests.authors().isEmpty() ? 0 : 1) > 1;
  }

  /**
   * The ranked papers shared among the topics of {@code interests} (weighted by {@code
   * topicWeights}, by name) and its followed authors, who together count as one interest of weight
   * 1: following ten authors should not give them ten places in eleven.
   */
  static ScoreDoc[] share(
      IndexSearcher searcher,
      Interests interests,
      Map<String, Double> topicWeights,
      ScoreDoc[] ranked)
      throws IOException {
    if (!applies(interests) || ranked.length < 2) {
      return ranked;
    }
    boolean authors = !interests.authors().isEmpty();
    int count = interests.topics().size() + (authors ? 1 : 0);
    boolean[][] matches = new boolean[count][];
    double[] weights = new double[count];
    DocMatcher matcher = new DocMatcher(searcher);
    int i = 0;
    // Which topics a paper has, by word pairs: no positions read, each term's states remembered.
    for (Map.Entry<String, Query> topic : interests.topicMatches().entrySet()) {
      matches[i] = matcher.matching(ranked, topic.getValue());
      weights[i++] = topicWeights.getOrDefault(topic.getKey(), 1.0);
    }
    if (authors) {
      matches[i] =
          matcher.matching(ranked, QueryPlan.anyOf(List.copyOf(interests.authors().values())));
      weights[i] = 1.0;
    }
    return share(ranked, matches, weights);
  }

  /**
   * As {@link #share(ScoreDoc[], boolean[][], double[])}, with the papers no interest matches after
   * all that one does: for a typed query's subjects, a paper with none of them whole (one word of
   * one) is a weaker match than any paper with one, not another interest's find.
   */
  static ScoreDoc[] shareMatchedFirst(ScoreDoc[] ranked, boolean[][] matches, double[] weights) {
    if (weights.length < 2) {
      return ranked;
    }
    Set<Integer> unmatched = new HashSet<>();
    for (int p = 0; p < ranked.length; p++) {
      boolean any = false;
      for (boolean[] interest : matches) {
        any |= interest[p];
      }
      if (!any) {
        unmatched.add(ranked[p].doc);
      }
    }
    List<ScoreDoc> ordered = new ArrayList<>(ranked.length);
    List<ScoreDoc> after = new ArrayList<>();
    for (ScoreDoc paper : share(ranked, matches, weights)) {
      (unmatched.contains(paper.doc) ? after : ordered).add(paper);
    }
    ordered.addAll(after);
    return ordered.toArray(ScoreDoc[]::new);
  }

  /**
   * The ranked papers (best first) in shared order; unchanged with fewer than two interests.
   *
   * @param matches {@code matches[i][p]}: interest {@code i} matches {@code ranked[p]}
   * @param weights each interest's weight (positive)
   */
  static ScoreDoc[] share(ScoreDoc[] ranked, boolean[][] matches, double[] weights) {
    int interests = weights.length;
    if (interests < 2) {
      return ranked;
    }
    int n = ranked.length;
    int[] matched = new int[n];
    for (boolean[] interest : matches) {
      for (int p = 0; p < n; p++) {
        matched[p] += interest[p] ? 1 : 0;
      }
    }
    double[] places = new double[interests];
    int[] next = new int[interests];
    boolean[] placed = new boolean[n];
    ScoreDoc[] shared = new ScoreDoc[n];
    for (int slot = 0; slot < n; slot++) {
      if (matched[slot] == 0) {
        shared[slot] = ranked[slot];
        continue;
      }
      int turn = -1;
      double best = 0;
      for (int i = 0; i < interests; i++) {
        while (next[i] < n && (!matches[i][next[i]] || placed[next[i]])) {
          next[i]++;
        }
        if (next[i] == n) {
          continue;
        }
        double quotient = weights[i] / (2 * places[i] + 1);
        // On equal turns the interest whose paper the fusion ranked higher goes first.
        if (turn < 0 || quotient > best || (quotient == best && next[i] < next[turn])) {
          turn = i;
          best = quotient;
        }
      }
      int paper = next[turn];
      placed[paper] = true;
      shared[slot] = ranked[paper];
      for (int i = 0; i < interests; i++) {
        if (matches[i][paper]) {
          places[i] += 1.0 / matched[paper];
        }
      }
    }
    return shared;
  }
}
