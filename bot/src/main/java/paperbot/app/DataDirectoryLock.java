package paperbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * An OS file lock on one file of the data directory (Lucene's native lock, as the index's own
 * {@code write.lock}): released when the process ends, however it ends. Another process, or another
 * holder in this one, cannot take it meanwhile.
 */
final class DataDirectoryLock implements AutoCloseable {
  private final FSDirectory directory;
  private final Lock lock;

  private DataDirectoryLock(FSDirectory directory, Lock lock) {
    this.directory = directory;
    this.lock = lock;
  }

  /** Takes the lock if nobody holds it; empty when somebody does. Never waits. */
  static Optional<DataDirectoryLock> tryObtain(Path dataDir, String fileName) {
    try {
      Files.createDirectories(dataDir);
      FSDirectory directory = FSDirectory.open(dataDir);
      try {
        return Optional.of(new DataDirectoryLock(directory, directory.obtainLock(fileName)));
      } catch (LockObtainFailedException e) {
        directory.close();
        return Optional.empty();
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + dataDir.resolve(fileName), e);
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
      throw new UncheckedIOException("cannot release a lock of the data directory", e);
    }
  }
}
