package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The best matches of a disjunction of weighted groups (a member's topics, each a disjunction of
 * its words and phrases), found through the same clauses flattened into one disjunction, and scored
 * as the grouped query scores them.
 *
 * <p>Why: Lucene skips papers that cannot reach the top by each clause's highest possible score. A
 * group's bound is the sum of its clauses' bounds, far above what any paper scores, so a grouped
 * query of a dozen topics skips almost nothing; the same clauses side by side skip well. Lucene
 * flattens plain nested disjunctions itself, but not weighted ones, so here each clause carries its
 * group's weight. The flat query sums the same clause scores in another grouping, which moves a
 * score by a rounding error and can swap papers whose scores are that close; so the flat top is
 * found a little deeper, the papers within rounding of a neighbour are scored again by the grouped
 * query and ordered by it (score, then document, as Lucene orders ties), and the list is cut to n.
 * When rounding could have kept a paper out of the flat top that belongs in the grouped one, the
 * grouped query runs instead. Candidates and their order are the grouped query's own (measured
 * identical on 100 bench members, docs/performance.md).
 */
final class FlatFirstPass {
  /** Extra flat matches looked at, so rounding at the cut never changes who is in. */
  static final int MARGIN = 20;

  /**
   * A bound on how far rounding moves a score between the grouped and flat sums (relative); the
   * real difference is a few float roundings, around 1e-7.
   */
  static final double ROUNDING = 1e-4;

  private FlatFirstPass() {}

  /**
   * The top {@code n} of {@code grouped} among papers matching none of {@code exclusions}, in the
   * grouped query's order (score, then document), counted exactly up to {@code countLimit} matches.
   * A paper's score is the flat sum, or the grouped one where rounding could change the order.
   */
  static TopDocs search(
      IndexSearcher searcher, Query grouped, List<Query> exclusions, int n, int countLimit)
      throws IOException {
    Query flat = flatten(grouped);
    if (flat.equals(grouped)) {
      return grouped(searcher, grouped, exclusions, n, countLimit);
    }
    TopDocs found =
        searcher.search(
            withExclusions(KnownTerms.bind(searcher, flat), exclusions),
            new TopScoreDocCollectorManager(n + MARGIN, countLimit));
    ScoreDoc[] hits = found.scoreDocs;
    // Runs of papers whose flat scores are too close for the flat order to be sure: only their
    // order needs the grouped scores. Apart from them, flat and grouped orders agree.
    int[] runStart = new int[hits.length];
    for (int i = 1; i < hits.length; i++) {
      boolean close = hits[i - 1].score - hits[i].score <= hits[i - 1].score * 3 * ROUNDING;
      runStart[i] = close ? runStart[i - 1] : i;
    }
    int kept = Math.min(n, hits.length);
    if (hits.length == n + MARGIN && kept > 0 && runStart[hits.length - 1] <= kept - 1) {
      // The last kept paper's run reaches the end of the flat top: a paper below it might belong.
      return grouped(searcher, grouped, exclusions, n, countLimit);
    }
    int end = kept;
    while (end < hits.length && runStart[end] != end) {
      end++; // the whole run of the last kept paper is ordered
    }
    List<ScoreDoc> unsure = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      boolean single = runStart[i] == i && (i + 1 >= hits.length || runStart[i + 1] != i);
      if (!single) {
        unsure.add(hits[i]);
      }
    }
    ScoreDoc[] ordered = Arrays.copyOf(hits, end);
    if (!unsure.isEmpty()) {
      float[] exact = RankFusion.scores(searcher, unsure.toArray(ScoreDoc[]::new), grouped);
      Map<Integer, Float> byDoc = new HashMap<>();
      for (int i = 0; i < exact.length; i++) {
        byDoc.put(unsure.get(i).doc, exact[i]);
      }
      for (int i = 0; i < end; i++) {
        Float score = byDoc.get(ordered[i].doc);
        if (score != null) {
          ordered[i] = new ScoreDoc(ordered[i].doc, score);
        }
      }
      for (int from = 0; from < end; ) {
        int to = from + 1;
        while (to < end && runStart[to] == from) {
          to++;
        }
        Arrays.sort(
            ordered,
            from,
            to,
            Comparator.comparingDouble((ScoreDoc hit) -> -hit.score)
                .thenComparingInt(hit -> hit.doc));
        from = to;
      }
    }
    return new TopDocs(found.totalHits, Arrays.copyOf(ordered, kept));
  }

  private static TopDocs grouped(
      IndexSearcher searcher, Query grouped, List<Query> exclusions, int n, int countLimit)
      throws IOException {
    return searcher.search(
        withExclusions(KnownTerms.bind(searcher, grouped), exclusions),
        new TopScoreDocCollectorManager(n, countLimit));
  }

  /**
   * The query's scoring clauses side by side, each weighted by the product of the weights above it
   * (as Lucene weights a nested clause); the query itself when it is no weighted disjunction.
   */
  static Query flatten(Query query) {
    List<Query> clauses = new ArrayList<>();
    collect(query, 1f, clauses);
    if (clauses.size() == 1 && clauses.get(0) == query) {
      return query;
    }
    return QueryPlan.anyOf(clauses);
  }

  private static void collect(Query query, float weight, List<Query> clauses) {
    if (query instanceof BoostQuery boost) {
      collect(boost.getQuery(), weight * boost.getBoost(), clauses);
    } else if (query instanceof BooleanQuery bool && isDisjunction(bool)) {
      for (BooleanClause clause : bool.clauses()) {
        collect(clause.query(), weight, clauses);
      }
    } else {
      clauses.add(weight == 1f ? query : new BoostQuery(query, weight));
    }
  }

  /** Any clause may match, and the scores of those that do add up. */
  private static boolean isDisjunction(BooleanQuery query) {
    return query.getMinimumNumberShouldMatch() <= 1
        && !query.clauses().isEmpty()
        && query.clauses().stream().allMatch(clause -> clause.occur() == Occur.SHOULD);
  }

  private static Query withExclusions(Query query, List<Query> exclusions) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.SHOULD);
    exclusions.forEach(q -> builder.add(q, Occur.MUST_NOT));
    return builder.build();
  }
}
