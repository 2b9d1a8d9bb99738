package paperbot.recommender.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keeps digest subscriptions, the sent-log and run claims. */
public interface DigestStore {

  /** Creates or replaces the destination's subscription; returns it with its id. */
  Subscription save(Subscription subscription);

  Optional<Subscription> find(long id);

  Optional<Subscription> find(
      String platform, String workspace, String destination, Subscription.Kind kind);

  /** Every subscription, for rescheduling after a restart. */
  List<Subscription> all();

  /** Subscriptions in one workspace, for {@code /digest status}. */
  List<Subscription> inWorkspace(String platform, String workspace);

  boolean delete(long id);

  /** Papers already posted to the subscription's destination. */
  Set<String> sent(Subscription subscription);

  /**
   * Claims the run of this subscription for a local day. False when that day's run was already
   * claimed (a trigger firing twice, a restart mid-run, another process): the caller must not post.
   */
  boolean claimRun(long subscriptionId, LocalDate day, Instant now);

  /**
   * Takes over a run that was claimed but never finished (its process died mid-run): true when the
   * day's run is still RUNNING and was started before {@code startedBefore}, and it is now this
   * caller's, restarted at {@code now}. At most one caller wins.
   */
  boolean resumeRun(long subscriptionId, LocalDate day, Instant now, Instant startedBefore);

  /** Records the posted papers and the run's outcome in one transaction. */
  void recordSent(
      Subscription subscription,
      LocalDate day,
      Collection<String> paperIds,
      String outcome,
      Instant now);

  /** Gives a claimed run back (the post failed), so a later trigger can try again. */
  void releaseRun(long subscriptionId, LocalDate day);

  /**
   * Finishes a claimed run as refused by the platform, with why: the day stays claimed (no retry
   * that day), no paper is recorded as sent, and the subscription's last run is unchanged, so the
   * next digest still reaches back to the papers this one would have posted.
   */
  void recordRefused(long subscriptionId, LocalDate day, String code, String reason);

  /** The subscription's latest finished run, when the platform refused it. */
  Optional<RefusedRun> lastRefused(long subscriptionId);
}
