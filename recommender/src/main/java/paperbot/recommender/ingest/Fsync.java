package paperbot.recommender.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Forces what was written to disk, so that a power loss cannot undo it: a file's contents, or a
 * directory's entries (the names created, renamed or deleted in it). The operating system keeps
 * both in memory for a while; a write it acknowledged can still be lost, and a file that a rename
 * made visible can come back empty, unless it was synced. Used wherever a file or a directory is
 * put in place whole: {@link WholeFile}, the backup and restore, the H2 import.
 */
public final class Fsync {
  private Fsync() {}

  /** Syncs a file's contents and size; the file must exist (a typo fails, it is not created). */
  public static void file(Path file) throws IOException {
    // Opened for writing: Windows flushes only a channel it may write through.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Syncs a directory's entries, so that a file created or renamed in it is still there after a
   * power loss. Linux and macOS open a directory for reading and flush it; Windows cannot open a
   * directory as a file at all (and NTFS journals its names itself), so there the IOException is
   * ignored, as Lucene's {@code IOUtils.fsync} does. Where syncing directories is supported, a
   * failure is real and is thrown.
   */
  public static void directory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (syncsDirectories()) {
        throw e;
      }
    }
  }

  private static boolean syncsDirectories() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.contains("linux") || os.contains("mac");
  }
}
