package paperbot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.digest.DigestRunner;

/**
 * Thin Quartz job: finds the runner, runs the subscription's digest. When the post failed for now
 * (an outage), it schedules a one-shot retry of itself, carrying the original fire time, so the
 * runner stops retrying once the misfire grace has passed. A post the platform refused until
 * someone acts (paperbot removed from the channel) is not retried: the next announcement day tries
 * again. A digest that is gone (its channel deleted) takes its triggers with it. The day claim
 * keeps a retry from posting twice. Never lets an error reach the scheduler.
 */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
  static final String SUBSCRIPTION = "subscription";
  static final String RUNNER = "digestRunner";
  static final String RETRY_DELAY = "digestRetryDelay";
  static final String SCHEDULE = "digestSchedule";

  /**
   * The fire time a retry stands in for (epoch millis, as a string: the job store keeps strings).
   */
  static final String ORIGINAL_FIRE = "originalFire";

  private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

  @Override
  public void execute(JobExecutionContext context) {
    long id = Long.parseLong(context.getMergedJobDataMap().getString(SUBSCRIPTION));
    try {
      DigestRunner runner = (DigestRunner) context.getScheduler().getContext().get(RUNNER);
      String original = context.getMergedJobDataMap().getString(ORIGINAL_FIRE);
      Instant fire =
          original != null
              ? Instant.ofEpochMilli(Long.parseLong(original))
              : context.getScheduledFireTime().toInstant();
      // A recovering job is one a dead process (this one before a restart, or another node) had
      // started; a retry
      // follows a post that failed. Either may have reached the platform, so the runner looks
      // before posting.
      boolean earlierAttempt = context.isRecovering() || original != null;
      planSpringForwardRun(context, id, fire);
      DigestRunner.Outcome outcome = runner.runScheduled(id, fire, earlierAttempt);
      if (outcome == DigestRunner.Outcome.FAILED) {
        retryLater(context, id, fire);
      } else if (outcome == DigestRunner.Outcome.GONE) {
        // The subscription is no longer stored (its channel was deleted, or an unsubscribe raced
        // this run): its triggers would only fire into nothing every day.
        ((QuartzDigestSchedule) context.getScheduler().getContext().get(SCHEDULE)).unschedule(id);
      }
    } catch (Exception e) {
      log.error("digest job failed subscription={}", id, e);
    }
  }

  /**
   * Before the run, so a run that dies does not lose the plan: a spring-forward run is a one-shot
   * trigger, and the next one is planned as each run fires.
   */
  private static void planSpringForwardRun(JobExecutionContext context, long id, Instant fire) {
    try {
      ((QuartzDigestSchedule) context.getScheduler().getContext().get(SCHEDULE))
          .planSpringForwardRun(id, fire);
    } catch (Exception e) {
      log.warn("spring-forward run not planned subscription={} error={}", id, e.toString());
    }
  }

  private static void retryLater(JobExecutionContext context, long id, Instant fire)
      throws SchedulerException {
    Duration delay = (Duration) context.getScheduler().getContext().get(RETRY_DELAY);
    // Trigger times live on Quartz's own time line (the machine's wall clock), so the retry counts
    // from the moment
    // Quartz fired this run, not from paperbot's injected clock, which tests fix at another date.
    Trigger retry =
        TriggerBuilder.newTrigger()
            .forJob(context.getJobDetail().getKey())
            .usingJobData(ORIGINAL_FIRE, String.valueOf(fire.toEpochMilli()))
            .startAt(Date.from(context.getFireTime().toInstant().plus(delay)))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    context.getScheduler().scheduleJob(retry);
    log.info("digest retry scheduled subscription={} in_s={}", id, delay.toSeconds());
  }
}
