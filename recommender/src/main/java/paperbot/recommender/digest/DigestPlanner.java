package paperbot.recommender.digest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.rank.DigestQuery;
import paperbot.recommender.rank.Recommendation;
import paperbot.recommender.search.PaperIndex;

/**
 * Picks a digest's papers: first what was published since the last digest, then the best not yet
 * posted there, ranked by trending (upvotes, recency) blended with the topics; nothing below the
 * minimum score.
 */
public final class DigestPlanner {
  /**
   * @param halfLifeDays recency half-life of the trending score
   * @param minScore papers scoring below this are not worth a post; none left makes a quiet day
   */
  public record Settings(double halfLifeDays, double minScore) {
    public static Settings defaults() {
      return new Settings(7, 0.5);
    }
  }

  private final PaperIndex index;
  private final Settings settings;
  private final Clock clock;

  public DigestPlanner(PaperIndex index, Settings settings, Clock clock) {
    this.index = index;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @param member the member's profile for a member digest; for a channel digest, which ranks by
   *     its own topics, only what it learned (the team's like model) is used
   * @param sent papers already posted to the destination
   */
  public DigestPlan plan(Subscription subscription, InterestProfile member, Set<String> sent) {
    LocalDate day = LocalDate.now(clock.withZone(subscription.zone()));
    InterestProfile interests =
        subscription.kind() == Subscription.Kind.MEMBER
            ? member
            : topics(subscription, member == null ? Map.of() : member.learned());
    LocalDate since =
        subscription.lastRunAt() == null
            ? day.minusDays(1)
            : LocalDate.ofInstant(subscription.lastRunAt(), subscription.zone());
    List<Recommendation> chosen =
        new ArrayList<>(fetch(interests, since, sent, subscription.size()));
    // Short of papers: the best recent ones not yet posted, then the best of any age. The recent
    // pass keeps a large
    // corpus cheap (its date filter leads) and is what the recency blend would prefer anyway.
    LocalDate recent = day.minusDays(fillHorizonDays());
    for (LocalDate from :
        recent.isAfter(since) ? new LocalDate[] {recent, null} : new LocalDate[] {null}) {
      if (chosen.size() >= subscription.size()) {
        break;
      }
      Set<String> taken = new HashSet<>(sent);
      chosen.forEach(r -> taken.add(r.paper().id()));
      chosen.addAll(fetch(interests, from, taken, subscription.size() - chosen.size()));
    }
    return new DigestPlan(subscription, day, chosen);
  }

  /**
   * Four recency half-lives, at least a week: older papers have lost most of their recency anyway.
   */
  private long fillHorizonDays() {
    return Math.max(7, Math.round(4 * settings.halfLifeDays()));
  }

  private List<Recommendation> fetch(
      InterestProfile interests, LocalDate since, Set<String> exclude, int limit) {
    return index
        .digest(new DigestQuery(interests, since, exclude, limit, settings.halfLifeDays()))
        .items()
        .stream()
        .filter(r -> r.score() >= settings.minScore())
        .toList();
  }

  private static InterestProfile topics(Subscription subscription, Map<String, Double> learned) {
    Map<String, Double> topics = new LinkedHashMap<>();
    subscription.topics().forEach(topic -> topics.put(topic, 1.0));
    return new InterestProfile(
        topics, List.of(), learned, List.of(), Set.of(), Set.of(), List.of());
  }
}
