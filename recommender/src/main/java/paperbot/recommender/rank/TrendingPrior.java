package paperbot.recommender.rank;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import paperbot.recommender.corpus.Paper;

/** What the recency and upvote priors add for a paper, shown as "trending +x" on its card. */
final class TrendingPrior {
  private TrendingPrior() {}

  /** The same formulas Lucene's feature queries apply (see {@link QueryPlan#priors}). */
  static double of(Paper paper, LocalDate today) {
    double value = 0;
    if (paper.published() != null) {
      long days = Math.abs(ChronoUnit.DAYS.between(paper.published(), today));
      value +=
          QueryPlan.RECENCY_WEIGHT
              * QueryPlan.RECENCY_PIVOT_DAYS
              / (double) (QueryPlan.RECENCY_PIVOT_DAYS + days);
    }
    if (paper.upvotes() > 0) {
      value +=
          QueryPlan.UPVOTE_WEIGHT * paper.upvotes() / (paper.upvotes() + QueryPlan.UPVOTE_PIVOT);
    }
    return value;
  }
}
