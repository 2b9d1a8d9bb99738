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
 * Second pass over the best text matches: adds the phrase bonus and the recency and upvote priors,
 * then re-sorts. Kept out of the first pass on purpose: a required text clause beside optional
 * bonus clauses makes Lucene score every match (about ten times slower at a million papers), while
 * the bare text query lets Lucene skip papers that cannot reach the top.
 *
 * <p>Search reorders each block of {@link #BLOCK} first-pass hits on its own, so pages stay
 * consistent: a paper's block is fixed by its text rank, and paging never shows it twice or skips
 * it. The priors are small by design (they break near-ties, never outweigh a strong match), which
 * is all a reorder within the block does.
 */
final class WindowRescorer {
  /** First-pass hits reordered together. */
  static final int BLOCK = 10;

  /**
   * First-pass hits scored again together when the first pass found phrases by their word pairs:
   * wider, because pair scores only approximate phrase scores, so the exact best ten may sit a
   * little lower in the first pass.
   */
  static final int EXACT_BLOCK = 30;

  private WindowRescorer() {}

  /** The first-pass depth for showing results down to {@code depth}: whole blocks. */
  static int window(int depth, int block) {
    return Math.max(block, (depth + block - 1) / block * block);
  }

  /**
   * Each block of first-pass hits scored afresh by {@code exact} (first-pass scores are dropped);
   * hits it does not match leave the results. The top n.
   */
  static TopDocs rescoreExactly(
      IndexSearcher searcher, TopDocs firstPass, Query exact, int n, int block) throws IOException {
    return rescore(searcher, firstPass, exact, n, block, true).top();
  }

  /**
   * Each block of {@code block} first-pass hits re-sorted by first-pass score plus {@code bonus}'s
   * score; the top n.
   */
  static TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, Query bonus, int n, int block)
      throws IOException {
    return rescore(searcher, firstPass, bonus, n, block, false).top();
  }

  /**
   * The top n, and how many first-pass hits were read for them: whole blocks, unless the hits ran
   * out. A caller that may have more hits than it passed needs the read ones to end on a block's
   * end, or the last block would be ordered differently once more hits are passed.
   */
  record Blocks(TopDocs top, int read) {
    /** True when the blocks read are whole and give {@code n} papers. */
    boolean settled(int n, int block) {
      return top.scoreDocs.length >= n && read % block == 0;
    }
  }

  /** As {@link #rescoreExactly} ({@code exact}) or {@link #rescore}, with the hits read. */
  static Blocks blocks(
      IndexSearcher searcher, TopDocs firstPass, Query second, boolean exact, int n, int block)
      throws IOException {
    return rescore(searcher, firstPass, second, n, block, exact);
  }

  private static Blocks rescore(
      IndexSearcher searcher, TopDocs firstPass, Query second, int n, int block, boolean replace)
      throws IOException {
    QueryRescorer rescorer =
        new QueryRescorer(KnownTerms.bind(searcher, second)) {
          @Override
          protected float combine(
              float firstPassScore, boolean secondPassMatches, float secondPassScore) {
            if (replace) {
              return secondPassMatches ? secondPassScore : Float.NEGATIVE_INFINITY;
            }
            return secondPassMatches ? firstPassScore + secondPassScore : firstPassScore;
          }
        };
    ScoreDoc[] hits = firstPass.scoreDocs;
    block = Math.max(1, block);
    List<ScoreDoc> ranked = new ArrayList<>(hits.length);
    int read = 0;
    for (int start = 0; start < hits.length && ranked.size() < n; start += block) {
      ScoreDoc[] part = Arrays.copyOfRange(hits, start, Math.min(hits.length, start + block));
      read += part.length;
      for (ScoreDoc hit :
          rescorer.rescore(searcher, new TopDocs(firstPass.totalHits, part), part.length)
              .scoreDocs) {
        if (hit.score != Float.NEGATIVE_INFINITY) {
          ranked.add(hit);
        }
      }
    }
    return new Blocks(
        new TopDocs(
            firstPass.totalHits,
            ranked.subList(0, Math.min(n, ranked.size())).toArray(ScoreDoc[]::new)),
        read);
  }
}
