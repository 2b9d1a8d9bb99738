package paperbot.recommender.rank;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TopDocs;

/**
 * Second pass over the best text matches: adds the phrase bonus and the recency and upvote priors to the papers of
 * the first pass's window, then re-sorts them. Kept out of the first pass on purpose: a required text clause beside
 * optional bonus clauses makes Lucene score every match (about ten times slower at a million papers), while the
 * bare text query lets Lucene skip papers that cannot reach the top. The priors are small by design (they break
 * near-ties, never outweigh a strong match), so reordering the best {@link #WINDOW} is all they ever did.
 */
final class WindowRescorer {
  /** First-pass hits the second pass reorders; pages deeper than this rescore whole blocks of it. */
  static final int WINDOW = 50;

  private WindowRescorer() {}

  /** The first-pass depth for showing results down to {@code depth}: whole windows, so pages stay consistent. */
  static int window(int depth) {
    return Math.max(WINDOW, (depth + WINDOW - 1) / WINDOW * WINDOW);
  }

  /** The window re-sorted by first-pass score plus {@code bonus}'s score (where it matches); the top {@code n}. */
  static TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, Query bonus, int n) throws IOException {
    return new QueryRescorer(bonus) {
      @Override
      protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
        return secondPassMatches ? firstPassScore + secondPassScore : firstPassScore;
      }
    }.rescore(searcher, firstPass, n);
  }
}
