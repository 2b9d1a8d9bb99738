package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * The places of a typed query that names several subjects ({@link QuerySubjects}), shared among
 * them as a member's topics share the feed ({@link InterestShares}). Each subject's papers (those
 * with all its words) take turns in the fused order, ahead of papers with none of the subjects
 * whole; and each subject's best papers are in the pool that is ranked, even when another subject's
 * many strong matches fill the first pass's best.
 */
final class SubjectShares {
  /** First-pass papers in which each subject's best are looked for. */
  static final int WINDOW = 200;

  /** Each subject's best first-pass papers that join the pool. */
  static final int BEST = 10;

  private static final SubjectShares NONE = new SubjectShares(List.of());

  /** Each subject's match: every word of it (its known terms in any of their forms). */
  private final List<Query> subjects;

  private SubjectShares(List<Query> subjects) {
    this.subjects = subjects;
  }

  /** The subjects of the searched text (left-out words removed, spelling fixed); none for one. */
  static SubjectShares of(
      IndexReader reader, String searched, QueryPlan plan, QueryExpander expander)
      throws IOException {
    List<List<String>> words =
        QuerySubjects.of(
            searched, word -> expander.concepts(List.of(word), reader).get(0).isKnownTerm());
    List<Query> subjects = new ArrayList<>();
    for (List<String> subject : words) {
      QueryPlan.TextQuery whole = plan.textQuery(expander.concepts(subject, reader), true);
      if (whole != null) {
        subjects.add(whole.exact());
      }
    }
    return subjects.size() < 2 ? NONE : new SubjectShares(List.copyOf(subjects));
  }

  /** True when the query names several subjects. */
  boolean several() {
    return !subjects.isEmpty();
  }

  /** The first pass's window: deep enough to hold each subject's best. */
  int window(int window) {
    return subjects.isEmpty() ? window : Math.max(window, WINDOW);
  }

  /**
   * The first pass with each subject's {@link #BEST} papers that are not among its best {@code
   * pool} moved up right after them; the pool is then the first {@link Pool#size()}.
   */
  Pool pool(IndexSearcher searcher, TopDocs first, int pool) throws IOException {
    ScoreDoc[] hits = first.scoreDocs;
    if (subjects.isEmpty() || hits.length <= pool) {
      return new Pool(first, Math.min(pool, hits.length));
    }
    ScoreDoc[] deeper = Arrays.copyOfRange(hits, pool, hits.length);
    DocMatcher matcher = new DocMatcher(searcher);
    boolean[] joins = new boolean[deeper.length];
    for (Query subject : subjects) {
      boolean[] matching = matcher.matching(deeper, subject);
      // Only within the window: a deeper page reads more of the first pass, and the pool must
      // stay the same for every page.
      int within = Math.min(deeper.length, WINDOW - pool);
      for (int i = 0, taken = 0; i < within && taken < BEST; i++) {
        if (matching[i]) {
          joins[i] = true;
          taken++;
        }
      }
    }
    List<ScoreDoc> ordered = new ArrayList<>(Arrays.asList(hits).subList(0, pool));
    List<ScoreDoc> rest = new ArrayList<>();
    for (int i = 0; i < deeper.length; i++) {
      (joins[i] ? ordered : rest).add(deeper[i]);
    }
    int size = ordered.size();
    ordered.addAll(rest);
    return new Pool(new TopDocs(first.totalHits, ordered.toArray(ScoreDoc[]::new)), size);
  }

  /** The first pass, and how many of its papers are ranked by every signal. */
  record Pool(TopDocs first, int size) {}

  /** The ranked papers with the pool's ({@code pool}, the first) places shared among subjects. */
  ScoreDoc[] share(IndexSearcher searcher, ScoreDoc[] ranked, int pool) throws IOException {
    if (subjects.isEmpty()) {
      return ranked;
    }
    ScoreDoc[] shared = Arrays.copyOf(ranked, ranked.length);
    ScoreDoc[] inPool = Arrays.copyOfRange(ranked, 0, Math.min(pool, ranked.length));
    DocMatcher matcher = new DocMatcher(searcher);
    boolean[][] matches = new boolean[subjects.size()][];
    for (int i = 0; i < matches.length; i++) {
      matches[i] = matcher.matching(inPool, subjects.get(i));
    }
    double[] weights = new double[matches.length];
    Arrays.fill(weights, 1.0);
    ScoreDoc[] sharedPool = InterestShares.shareMatchedFirst(inPool, matches, weights);
    System.arraycopy(sharedPool, 0, shared, 0, sharedPool.length);
    return shared;
  }
}
