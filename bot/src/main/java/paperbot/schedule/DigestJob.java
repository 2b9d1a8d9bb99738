package paperbot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.digest.DigestRunner;

/** Thin Quartz job: finds the runner, runs the subscription's digest. Never lets an error reach the scheduler. */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
  static final String SUBSCRIPTION = "subscription";
  static final String RUNNER = "digestRunner";
  private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

  @Override
  public void execute(JobExecutionContext context) {
    long id = Long.parseLong(context.getMergedJobDataMap().getString(SUBSCRIPTION));
    try {
      DigestRunner runner = (DigestRunner) context.getScheduler().getContext().get(RUNNER);
      runner.runScheduled(id, context.getScheduledFireTime().toInstant());
    } catch (Exception e) {
      log.error("digest job failed subscription={}", id, e);
    }
  }
}
