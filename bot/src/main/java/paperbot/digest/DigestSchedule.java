package paperbot.digest;

import java.time.Instant;
import java.util.Optional;
import paperbot.recommender.digest.Subscription;

/** Fires each subscription's digest at its local time; implemented by the scheduler. */
public interface DigestSchedule {

  /** Creates or replaces the subscription's trigger. */
  void schedule(Subscription subscription);

  void unschedule(long subscriptionId);

  /** When the digest fires next, if it is scheduled. */
  Optional<Instant> nextRun(long subscriptionId);
}
