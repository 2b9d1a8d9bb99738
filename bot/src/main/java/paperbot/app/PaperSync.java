package paperbot.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.corpus.IndexSync;

/**
 * Keeps this process's index in step with papers other processes wrote to the shared database. Live
 * sources are fetched by one process of a cluster (a clustered Quartz job), so every other one
 * learns of new papers here. Runs on every process, outside Quartz, which would run it on one.
 */
final class PaperSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PaperSync.class);

  private final ScheduledExecutorService timer;

  private PaperSync(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static PaperSync start(IndexSync sync, Duration every) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "paperbot-paper-sync");
          thread.setDaemon(true);
          return thread;
        });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            int papers = sync.sync();
            if (papers > 0) {
              log.info("index synced from database papers={}", papers);
            }
          } catch (RuntimeException e) {
            // The next round tries again; a database that is away for a moment must not stop the
            // syncing for good.
            log.warn("index sync from database failed error={}", e.toString());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return new PaperSync(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
