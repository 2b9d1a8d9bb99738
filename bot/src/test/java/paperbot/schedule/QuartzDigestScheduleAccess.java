package paperbot.schedule;

import java.time.Instant;
import java.util.List;
import paperbot.recommender.digest.Subscription;

/** Lets tests in other packages read the cron fire times the scheduler would use. */
public final class QuartzDigestScheduleAccess {
  private QuartzDigestScheduleAccess() {}

  public static List<Instant> fireTimes(Subscription subscription, Instant from, int count) {
    return QuartzDigestSchedule.fireTimes(subscription, from, count);
  }
}
