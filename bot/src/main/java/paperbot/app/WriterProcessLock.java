package paperbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Held, for as long as it runs, by the one process that writes a data directory: the bot, {@code
 * ingest}, {@code reindex}, {@code backup} and {@code restore}. A tool that only reads ({@code
 * search}, {@code stats}, {@code export}, {@code digest --dry-run}) never takes it, though with no
 * bot running it holds the index's writer for a moment to bring the index up to date. So a process
 * that holds this lock and finds the index's writer taken knows that a reading tool has it, and
 * waits for it instead of refusing to start; a second writer is refused here at once.
 *
 * <p>An OS file lock (Lucene's native lock, as the index's own {@code write.lock}): released when
 * the process ends, however it ends.
 */
final class WriterProcessLock implements AutoCloseable {
  /** The lock's file in the data directory. */
  static final String FILE_NAME = "paperbot.lock";

  private final FSDirectory directory;
  private final Lock lock;

  private WriterProcessLock(FSDirectory directory, Lock lock) {
    this.directory = directory;
    this.lock = lock;
  }

  /**
   * Takes the data directory's lock.
   *
   * @throws Held when another process (or another writer in this one) holds it
   */
  static WriterProcessLock obtain(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FSDirectory directory = FSDirectory.open(dataDir);
      try {
        return new WriterProcessLock(directory, directory.obtainLock(FILE_NAME));
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (LockObtainFailedException e) {
      throw new Held(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the data directory " + dataDir, e);
    }
  }

  /** Another paperbot process writes the data directory. */
  static final class Held extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Held(LockObtainFailedException cause) {
      super(cause.getMessage(), cause);
    }
  }

  @Override
  public void close() {
    try {
      try {
        lock.close();
      } finally {
        directory.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the data directory's lock", e);
    }
  }
}
