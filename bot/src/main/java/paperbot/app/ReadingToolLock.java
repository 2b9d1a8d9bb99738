package paperbot.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Held by a tool that only reads ({@code search}, {@code stats}, {@code export}, {@code digest
 * --dry-run}) for as long as it holds the index's writer, which it takes with no bot running to
 * bring the index up to date. It takes this lock first and lets go of it last, so whoever holds
 * this lock knows that no reading tool holds the index's writer, nor can take it meanwhile.
 *
 * <p>A process that writes and finds the index's writer taken uses that to tell who has it: a
 * reading tool (this lock is taken: it waits for the tool) or a paperbot too old to take {@link
 * WriterProcessLock} (this lock is free: it refuses at once, as beside any running bot).
 */
final class ReadingToolLock {
  /** The lock's file in the data directory. */
  static final String FILE_NAME = "reading-tool.lock";

  private ReadingToolLock() {}

  /** Takes the lock; empty while a reading tool (or a writer asking who has the index) holds it. */
  static Optional<DataDirectoryLock> tryObtain(Path dataDir) {
    return DataDirectoryLock.tryObtain(dataDir, FILE_NAME);
  }
}
