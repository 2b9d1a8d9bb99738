package paperbot.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.ingest.LiveSources;

/**
 * Thin Quartz job: refreshes one paper source, named in the job data, into the corpus. A failure is
 * logged; the next run tries again.
 */
@DisallowConcurrentExecution
public final class RefreshSourcesJob implements Job {
  static final String SOURCE = "source";
  static final String SOURCES = "liveSources";
  private static final Logger log = LoggerFactory.getLogger(RefreshSourcesJob.class);

  @Override
  public void execute(JobExecutionContext context) {
    String source = context.getMergedJobDataMap().getString(SOURCE);
    try {
      LiveSources sources = (LiveSources) context.getScheduler().getContext().get(SOURCES);
      if (sources.find(source).isEmpty()) {
        log.warn("source refresh skipped source={} reason=\"no such source is wired\"", source);
        return;
      }
      sources.refresh(source);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.error("source refresh failed source={} error={}", source, e.toString());
    }
  }
}
