package paperbot.schedule;

import java.time.Instant;
import java.util.List;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import paperbot.recommender.digest.Subscription;

/** Lets tests in other packages read the fire times and stored triggers the scheduler uses. */
public final class QuartzDigestScheduleAccess {
  private QuartzDigestScheduleAccess() {}

  public static List<Instant> fireTimes(Subscription subscription, Instant from, int count) {
    return QuartzDigestSchedule.fireTimes(subscription, from, count);
  }

  /** When the subscription's stored one-shot triggers fire (its spring-forward runs), in order. */
  public static List<Instant> springForwardRuns(QuartzDigestSchedule schedule, long id)
      throws SchedulerException {
    return oneShots(schedule, id).stream()
        .map(t -> t.getNextFireTime().toInstant())
        .sorted()
        .toList();
  }

  /** Deletes them, as an install from before spring-forward runs has none. */
  public static void dropSpringForwardRuns(QuartzDigestSchedule schedule, long id)
      throws SchedulerException {
    for (Trigger trigger : oneShots(schedule, id)) {
      schedule.quartz().unscheduleJob(trigger.getKey());
    }
  }

  public static void planSpringForwardRun(QuartzDigestSchedule schedule, long id, Instant after)
      throws SchedulerException {
    schedule.planSpringForwardRun(id, after);
  }

  private static List<? extends Trigger> oneShots(QuartzDigestSchedule schedule, long id)
      throws SchedulerException {
    return schedule.quartz().getTriggersOfJob(JobKey.jobKey("digest-" + id, "digest")).stream()
        .filter(t -> QuartzDigestSchedule.isSpringForward(id, t.getKey()))
        .toList();
  }
}
