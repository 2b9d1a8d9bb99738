package paperbot.app;

import java.nio.file.Path;

/**
 * Held, for as long as it runs, by the one process that writes a data directory: the bot, {@code
 * ingest}, {@code reindex}, {@code backup} and {@code restore}. A tool that only reads ({@code
 * search}, {@code stats}, {@code export}, {@code digest --dry-run}) never takes it, though with no
 * bot running it holds the index's writer for a moment to bring the index up to date (and says so
 * with {@link ReadingToolLock}). A second writer is refused here at once.
 */
final class WriterProcessLock implements AutoCloseable {
  /** The lock's file in the data directory. */
  static final String FILE_NAME = "paperbot.lock";

  private final DataDirectoryLock lock;

  private WriterProcessLock(DataDirectoryLock lock) {
    this.lock = lock;
  }

  /**
   * Takes the data directory's lock.
   *
   * @throws Held when another process (or another writer in this one) holds it
   */
  static WriterProcessLock obtain(Path dataDir) {
    return new WriterProcessLock(
        DataDirectoryLock.tryObtain(dataDir, FILE_NAME).orElseThrow(() -> new Held(dataDir)));
  }

  /** Another paperbot process writes the data directory. */
  static final class Held extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Held(Path dataDir) {
      super(dataDir.resolve(FILE_NAME) + " is held by another paperbot process");
    }
  }

  @Override
  public void close() {
    lock.close();
  }
}
