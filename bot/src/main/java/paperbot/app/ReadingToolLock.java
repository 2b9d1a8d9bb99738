package paperbot.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Held by a tool that only reads ({@code search}, {@code stats}, {@code export}, {@code digest
 * --dry-run}) for as long as it holds the index's writer, which it takes with no bot running to
 * bring the index up to date. It takes this lock first and lets go of it last, so whoever holds
 * this lock knows that no reading tool holds the index's writer, nor can take it meanwhile.
 *
 * <p>A process that writes and finds the index's writer taken uses that to tell who has it: a
 * reading tool (this lock is taken: it waits for the tool) or a paperbot too old to take {@link
 * WriterProcessLock} (this lock is free: it refuses at once, as beside any running bot). Every
 * writer (the bot, {@code ingest}, {@code reindex}, {@code backup}, {@code restore}) takes the
 * index's writer through {@link #awaitIndexWriter}.
 */
final class ReadingToolLock {
  private static final Logger log = LoggerFactory.getLogger(ReadingToolLock.class);

  /** The lock's file in the data directory. */
  static final String FILE_NAME = "reading-tool.lock";

  /**
   * How long a process that writes waits for the index's writer while a tool that only reads holds
   * it to bring the index up to date (with no bot running it does the bot's start-up work: catching
   * up with the database, a changed seed corpus). Past that it is refused, as beside a bot.
   */
  static final Duration WAIT = Duration.ofMinutes(2);

  /** How often a process waiting for the index's writer tries again. */
  private static final Duration RETRY = Duration.ofMillis(100);

  private ReadingToolLock() {}

  /** Takes the lock; empty while a reading tool (or a writer asking who has the index) holds it. */
  static Optional<DataDirectoryLock> tryObtain(Path dataDir) {
    return DataDirectoryLock.tryObtain(dataDir, FILE_NAME);
  }

  /** How one writer takes the index's writer (the whole index, or only its lock). */
  interface IndexWriterAttempt<T> {
    /** The index's writer, or null while another process holds it. */
    T tryTake() throws IOException;

    /** The index's writer, or the writer's own refusal (in its words) while it is held. */
    T take() throws IOException;
  }

  /**
   * The index's writer, for a process that holds the data directory's {@link WriterProcessLock}.
   * Taken already, it is held by a reading tool bringing the index up to date, or by a paperbot too
   * old to take the data directory's lock. The reading tool says so with this lock: the writer
   * waits for it (up to {@link #WAIT}, and logs once that it waits) instead of failing because a
   * search ran at the same moment. An old paperbot does not: the writer is refused at once.
   */
  @SuppressWarnings("try") // the reading tools' lock is only held while the writer is taken
  static <T> T awaitIndexWriter(Path dataDir, Path indexDir, IndexWriterAttempt<T> attempt)
      throws IOException {
    long started = System.nanoTime(); // a duration, not a date: the injected clock may stand still
    boolean said = false;
    while (true) {
      T taken = attempt.tryTake();
      if (taken != null) {
        return taken;
      }
      Optional<DataDirectoryLock> noReadingTool = tryObtain(dataDir);
      if (noReadingTool.isPresent()) {
        // No reading tool has the index's writer, and none can take it while this is held: taken
        // still, it is held by a paperbot that writes without the data directory's lock.
        try (DataDirectoryLock held = noReadingTool.get()) {
          return attempt.take();
        }
      }
      if (System.nanoTime() - started > WAIT.toNanos()) {
        return attempt.take(); // refused as in use, or free now
      }
      if (!said) {
        log.info(
            "index held by a paperbot tool that brings it up to date, waiting for it"
                + " index={} wait_s={}",
            indexDir,
            WAIT.toSeconds());
        said = true;
      }
      try {
        Thread.sleep(RETRY.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return attempt.take();
      }
    }
  }
}
