package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Second pass over the best text matches: adds the phrase bonus and the recency and upvote priors, then re-sorts.
 * Kept out of the first pass on purpose: a required text clause beside optional bonus clauses makes Lucene score
 * every match (about ten times slower at a million papers), while the bare text query lets Lucene skip papers that
 * cannot reach the top.
 *
 * <p>Search reorders each block of {@link #BLOCK} first-pass hits on its own, so pages stay consistent: a paper's
 * block is fixed by its text rank, and paging never shows it twice or skips it. The priors are small by design
 * (they break near-ties, never outweigh a strong match), which is all a reorder within the block does.
 */
final class WindowRescorer {
  /** First-pass hits reordered together. */
  static final int BLOCK = 10;

  private WindowRescorer() {}

  /** The first-pass depth for showing results down to {@code depth}: whole blocks. */
  static int window(int depth) {
    return Math.max(BLOCK, (depth + BLOCK - 1) / BLOCK * BLOCK);
  }

  /** Each block of {@code block} first-pass hits re-sorted by first-pass score plus {@code bonus}'s score; the top n. */
  static TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, Query bonus, int n, int block)
      throws IOException {
    QueryRescorer rescorer = new QueryRescorer(bonus) {
      @Override
      protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
        return secondPassMatches ? firstPassScore + secondPassScore : firstPassScore;
      }
    };
    ScoreDoc[] hits = firstPass.scoreDocs;
    block = Math.max(1, block);
    List<ScoreDoc> ranked = new ArrayList<>(hits.length);
    for (int start = 0; start < hits.length && ranked.size() < n; start += block) {
      ScoreDoc[] part = Arrays.copyOfRange(hits, start, Math.min(hits.length, start + block));
      ranked.addAll(Arrays.asList(rescorer.rescore(searcher, new TopDocs(firstPass.totalHits, part), part.length)
          .scoreDocs));
    }
    return new TopDocs(firstPass.totalHits, ranked.subList(0, Math.min(n, ranked.size())).toArray(ScoreDoc[]::new));
  }
}
