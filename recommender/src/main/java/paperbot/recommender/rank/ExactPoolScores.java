package paperbot.recommender.rank;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The pool's exact re-scoring (the text query with real phrases, the phrase bonus and the priors;
 * {@link WindowRescorer#rescoreExactly} over the whole pool as one block) computed the way Lucene's
 * rescoring computes it, with the title and abstract words and exact phrases found in each pool
 * paper's analysed text instead of the postings. Lucene moved every word's and phrase word's
 * postings (and positions) to fifty scattered papers and looked each phrase word up again in every
 * segment: a third of a search's own work at a million papers (docs/performance.md).
 *
 * <p>The query is rewritten as Lucene rewrites it, and each part is scored as Lucene's scorers do:
 * a word or an exact phrase by the searcher's {@link Similarity} scorer with the statistics
 * Lucene's term and phrase weights use, the phrase's frequency being its number of places; a
 * disjunction or conjunction adds its parts' float scores in double and rounds once; required and
 * optional parts together add the required part's float score and the optional one's in float. A
 * sloppy phrase (the phrase bonus) is walked as Lucene's sloppy matcher walks its words' places.
 * Search's recency and upvote priors (recognised as the very queries {@link QueryPlan} builds for
 * the day) are computed from the publication day's doc values and the upvote feature's postings
 * with Lucene's formulas. Anything else (phrases with a repeated word, words of other fields, other
 * shapes) is scored by Lucene's own weight for that part, at the pool's papers only. A paper
 * without the analysed text sends the whole pool to Lucene's rescoring.
 */
final class ExactPoolScores {
  private ExactPoolScores() {}

  /**
   * As {@code WindowRescorer.rescoreExactly(searcher, pool, exact, pool.length, pool.length)}: the
   * pool papers {@code exact} matches, by its score (highest first, then by document). {@code text}
   * is the pool's text when already read, else null.
   */
  static TopDocs rescoreExactly(
      IndexSearcher searcher, TopDocs pool, PoolText text, Query exact, LocalDate today)
      throws IOException {
    return rescore(searcher, pool, text, exact, today, true);
  }

  /**
   * As {@code WindowRescorer.rescore(searcher, pool, bonus, pool.length, pool.length)}: every pool
   * paper, by its first-pass score plus its {@code bonus} score when it matches (in float, as the
   * rescorer adds them), highest first, then by document. {@code text} as for {@link
   * #rescoreExactly}.
   */
  static TopDocs rescore(
      IndexSearcher searcher, TopDocs pool, PoolText text, Query bonus, LocalDate today)
      throws IOException {
    return rescore(searcher, pool, text, bonus, today, false);
  }

  /**
   * As {@link RankFusion#scores}: each pool paper's score under {@code query}, 0 when it does not
   * match, in pool order. {@code text} as for {@link #rescoreExactly}.
   */
  static float[] scores(
      IndexSearcher searcher, ScoreDoc[] pool, PoolText text, Query query, LocalDate today)
      throws IOException {
    float[] scores = scored(searcher, pool, text, query, today);
    if (scores == null) {
      return RankFusion.scores(searcher, pool, query);
    }
    for (int i = 0; i < scores.length; i++) {
      scores[i] = PoolPart.matches(scores[i]) ? scores[i] : 0f;
    }
    return scores;
  }

  /**
   * Each pool paper's score, {@link PoolPart#NO_MATCH} where none; null when a paper lacks its
   * text.
   */
  private static float[] scored(
      IndexSearcher searcher, ScoreDoc[] hits, PoolText text, Query query, LocalDate today)
      throws IOException {
    Query rewritten = searcher.rewrite(KnownTerms.bind(searcher, query));
    ExactParts parts = new ExactParts(searcher, today);
    PoolPart root = parts.node(rewritten, 1f);
    PoolPapers papers =
        PoolPapers.read(
            searcher, hits, text, parts.words(), parts.needsPublished(), parts.needsUpvotes());
    if (papers == null) {
      return null;
    }
    LucenePart.scoreAll(searcher, hits, parts.others());
    float[] scores = new float[hits.length];
    for (int i = 0; i < hits.length; i++) {
      scores[i] = root.score(papers, i);
    }
    return scores;
  }

  private static TopDocs rescore(
      IndexSearcher searcher,
      TopDocs pool,
      PoolText text,
      Query query,
      LocalDate today,
      boolean replace)
      throws IOException {
    ScoreDoc[] hits = pool.scoreDocs;
    float[] scores = scored(searcher, hits, text, query, today);
    if (scores == null) {
      return replace
          ? WindowRescorer.rescoreExactly(searcher, pool, query, hits.length, hits.length)
          : WindowRescorer.rescore(searcher, pool, query, hits.length, hits.length);
    }
    List<ScoreDoc> matched = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      float score = scores[i];
      if (replace && PoolPart.matches(score)) {
        matched.add(new ScoreDoc(hits[i].doc, score));
      } else if (!replace) {
        matched.add(
            new ScoreDoc(
                hits[i].doc, PoolPart.matches(score) ? hits[i].score + score : hits[i].score));
      }
    }
    // QueryRescorer's order: score descending, then document ascending.
    matched.sort(
        (a, b) -> a.score > b.score ? -1 : a.score < b.score ? 1 : Integer.compare(a.doc, b.doc));
    return new TopDocs(pool.totalHits, matched.toArray(ScoreDoc[]::new));
  }
}
