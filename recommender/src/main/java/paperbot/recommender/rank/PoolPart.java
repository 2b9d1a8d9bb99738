package paperbot.recommender.rank;

/** One part of a rewritten query, scored at the pool's papers from what their text says. */
interface PoolPart {
  /** A score no part gives: NaN, so "no match" is never confused with a score. */
  float NO_MATCH = Float.NaN;

  static boolean matches(float score) {
    return !Float.isNaN(score);
  }

  /** The part's score for a pool paper, or {@link #NO_MATCH}. */
  float score(PoolPapers papers, int paper);
}
