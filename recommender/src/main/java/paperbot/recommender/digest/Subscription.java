package paperbot.recommender.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A digest: where it goes, when (local time, zone, days), about what, and how many papers.
 *
 * @param id store id (0 before it is stored)
 * @param platform chat platform name
 * @param workspace Slack team or Discord guild
 * @param destination channel id, or the member's user id for a member digest
 * @param kind a channel's digest or one member's
 * @param owner who subscribed; a member digest is ranked by this member's profile
 * @param at local time of day
 * @param zone time zone the time is in
 * @param days days of the week it runs
 * @param topics topics for a channel digest; empty means all papers
 * @param size papers per digest
 * @param lastRunAt when it last ran, or null
 */
public record Subscription(
    long id,
    String platform,
    String workspace,
    String destination,
    Kind kind,
    String owner,
    LocalTime at,
    ZoneId zone,
    Set<DayOfWeek> days,
    List<String> topics,
    int size,
    Instant lastRunAt) {

  /** Whom a digest is for. */
  public enum Kind {
    /** A channel's daily digest of trending papers. */
    CHANNEL,
    /** One member's daily digest, ranked by their profile, sent to them directly. */
    MEMBER,
    /** A channel's weekly post of what the team liked and saved most. */
    TEAM
  }

  /** arXiv announces Monday to Friday. */
  public static final Set<DayOfWeek> WEEKDAYS =
      Set.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  public Subscription {
    days = Set.copyOf(days);
    topics = List.copyOf(topics);
  }

  /** The same place and schedule with a store id and last run. */
  public Subscription withId(long newId) {
    return new Subscription(
        newId,
        platform,
        workspace,
        destination,
        kind,
        owner,
        at,
        zone,
        days,
        topics,
        size,
        lastRunAt);
  }
}
