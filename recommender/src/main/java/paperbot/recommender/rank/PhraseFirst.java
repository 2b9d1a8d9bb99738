package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * A query of two concepts is usually one term of art ("decision transformer", "flow matching",
 * "offline-to-online rl"): the pool's papers that name the two together, as the member wrote them,
 * in their title or abstract, come first, each group in its fused order. The fusion's plain-words
 * and feedback signals score the two words apart, so papers with "Transformer" in their title and
 * "decision" somewhere in their abstract outranked the two papers about Decision Transformers
 * (docs/ranking.md, twenty-fourth session). The feed orders a member's two-concept topics the same
 * way, before their topics take turns ({@link InterestShares}). The same order for a query of one
 * concept (a known term's forms named whole first) moved one judged query, which lost; in a query
 * of three or more concepts they are more often a description than a name, and one of those lost
 * too.
 */
final class PhraseFirst {
  /**
   * Most papers naming the two concepts together that join a pool the first pass left them out of.
   */
  static final int JOINING = 10;

  private PhraseFirst() {}

  /**
   * The pool with the best papers that name the two concepts together ({@code byPairs}, {@link
   * QueryPlan#namedTogetherByPairs}) joined after it when the first pass left them out, until it
   * has {@link #JOINING} of them: the first pass scores the two words apart, so in a small corpus a
   * paper that says "world models" once in its abstract fell behind forty papers with "World" in
   * their title. Joined papers leave the rest of the first pass, so no page repeats or skips a
   * paper. Unchanged when {@code byPairs} is null.
   */
  static SubjectShares.Pool join(IndexSearcher searcher, Query byPairs, SubjectShares.Pool pooled)
      throws IOException {
    if (byPairs == null) {
      return pooled;
    }
    ScoreDoc[] hits = pooled.first().scoreDocs;
    ScoreDoc[] pool = Arrays.copyOfRange(hits, 0, pooled.size());
    int namedInPool = 0;
    for (boolean named : new DocMatcher(searcher).matching(pool, byPairs)) {
      namedInPool += named ? 1 : 0;
    }
    // A pool that already has them fills the first pages with them: no search and no larger pool,
    // so a large corpus, where the first pass finds plenty, pays only this check
    // (docs/bench-1m.md).
    if (namedInPool >= JOINING) {
      return pooled;
    }
    Set<Integer> inPool = new HashSet<>();
    for (ScoreDoc hit : pool) {
      inPool.add(hit.doc);
    }
    Set<Integer> joining = new LinkedHashSet<>();
    for (ScoreDoc named : searcher.search(byPairs, JOINING).scoreDocs) {
      if (!inPool.contains(named.doc) && namedInPool + joining.size() < JOINING) {
        joining.add(named.doc);
      }
    }
    if (joining.isEmpty()) {
      return pooled;
    }
    List<ScoreDoc> ordered = new ArrayList<>(Arrays.asList(hits).subList(0, pooled.size()));
    float floor = ordered.isEmpty() ? 0f : ordered.get(ordered.size() - 1).score;
    for (int doc : joining) {
      floor = Math.nextDown(floor);
      ordered.add(new ScoreDoc(doc, floor));
    }
    int size = ordered.size();
    for (int i = pooled.size(); i < hits.length; i++) {
      if (!joining.contains(hits[i].doc)) {
        ordered.add(hits[i]);
      }
    }
    TopDocs first = pooled.first();
    return new SubjectShares.Pool(
        new TopDocs(first.totalHits, ordered.toArray(ScoreDoc[]::new)), size);
  }

  /**
   * {@code ranked} with the papers among its first {@code pool} that match {@code together} ({@link
   * QueryPlan#namedTogether}) moved ahead of the pool's others, each group in its order; papers
   * after the pool stay where they are, so a paper's place does not depend on the page asked.
   * Unchanged when {@code together} is null.
   */
  static ScoreDoc[] order(IndexSearcher searcher, Query together, ScoreDoc[] ranked, int pool)
      throws IOException {
    int size = Math.min(pool, ranked.length);
    if (together == null || size < 2) {
      return ranked;
    }
    boolean[] named =
        new DocMatcher(searcher).matching(Arrays.copyOfRange(ranked, 0, size), together);
    List<ScoreDoc> ordered = new ArrayList<>(ranked.length);
    List<ScoreDoc> rest = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      (named[i] ? ordered : rest).add(ranked[i]);
    }
    ordered.addAll(rest);
    ordered.addAll(List.of(ranked).subList(size, ranked.length));
    return ordered.toArray(ScoreDoc[]::new);
  }
}
