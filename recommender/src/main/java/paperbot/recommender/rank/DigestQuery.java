package paperbot.recommender.rank;

import java.time.LocalDate;
import java.util.Set;
import paperbot.recommender.profile.InterestProfile;

/**
 * What a digest asks the index for.
 *
 * @param interests topics, follows and mutes to rank by; an empty profile means all papers, ranked
 *     by trending
 * @param since only papers published on or after this day; null for any day
 * @param exclude paper ids never to return (already posted there)
 * @param limit how many
 * @param halfLifeDays recency: a paper this many days old gets half the recency boost of a new one
 */
public record DigestQuery(
    InterestProfile interests,
    LocalDate since,
    Set<String> exclude,
    int limit,
    double halfLifeDays) {
  public DigestQuery {
    exclude = Set.copyOf(exclude);
  }
}
