package paperbot.recommender.digest;

import java.time.LocalDate;
import java.util.List;
import paperbot.recommender.rank.Recommendation;

/**
 * What a digest would post today.
 *
 * @param subscription the digest
 * @param day the local day it is for
 * @param papers the papers, best first; empty on a quiet day
 */
public record DigestPlan(Subscription subscription, LocalDate day, List<Recommendation> papers) {
  public DigestPlan {
    papers = List.copyOf(papers);
  }

  /** Nothing passed the minimum score. */
  public boolean quiet() {
    return papers.isEmpty();
  }
}
