package paperbot.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import paperbot.recommender.ingest.Fsync;

/**
 * A directory written whole or not at all, as {@link paperbot.recommender.ingest.WholeFile} writes
 * a file: into a sibling, {@code <target>.partial}, then renamed to the target in one step once
 * complete and synced. A process killed on the way leaves no target, only the sibling; the next
 * backup into the same folder removes it, whatever its name (dated targets differ from run to run).
 * A lock file in the sibling, held while it is written, tells a leftover (the lock died with its
 * process) from a run still going on.
 */
final class WholeDirectory implements Closeable {
  /** In the sibling from its start; deleted from the target just after the rename. */
  static final String LOCK_FILE = "partial.lock";

  private final Path target;
  private final Path partial;
  private final FileChannel lockChannel;
  private final String leftoverNote;
  private boolean finished;

  private WholeDirectory(Path target, Path partial, FileChannel lockChannel, String leftoverNote) {
    this.target = target;
    this.partial = partial;
    this.lockChannel = lockChannel;
    this.leftoverNote = leftoverNote;
  }

  /**
   * Starts writing {@code target}, which must not exist or be an empty directory. A leftover
   * sibling of a run that was killed is emptied and written again; one that a running process holds
   * is refused.
   */
  static WholeDirectory start(Path target) throws IOException {
    Path whole = target.toAbsolutePath().normalize();
    if (whole.getParent() == null) {
      throw new IllegalArgumentException(whole + " is not empty; back up into a new directory");
    }
    Path parent = Files.createDirectories(whole.getParent());
    requireNewOrEmpty(whole, parent);
    Path partial = parent.resolve(whole.getFileName() + ".partial");
    String note = "";
    if (Files.isDirectory(partial) && isEmpty(partial)) {
      Files.delete(partial); // killed between making it and making its lock file
      note = leftoverNote(partial);
    }
    if (!Files.exists(partial)) {
      Files.createDirectory(partial);
    } else if (!Files.isRegularFile(partial.resolve(LOCK_FILE))) {
      throw new IllegalStateException(
          partial + " is in the way and is not an unfinished paperbot backup; move it away");
    } else {
      note = leftoverNote(partial);
    }
    FileChannel channel =
        FileChannel.open(
            partial.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (!lock(channel)) {
        throw new IllegalStateException(
            "another backup into " + whole + " is running (writing " + partial + ")");
      }
      deleteAllBut(partial, partial.resolve(LOCK_FILE));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new WholeDirectory(
        whole, partial, channel, note + removeKilledSiblings(parent, partial));
  }

  /** Where to write; every file in it must be synced before {@link #finish()}. */
  Path dir() {
    return partial;
  }

  /** One line saying a killed run's leftover was removed, or empty. */
  String leftoverNote() {
    return leftoverNote;
  }

  /** Puts the complete directory in place in one step, and makes the rename survive power loss. */
  void finish() throws IOException {
    Fsync.directory(partial);
    // rename(2): one step, and it replaces an empty directory the user made for the backup.
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    finished = true;
    Fsync.directory(target.getParent());
    Files.delete(target.resolve(LOCK_FILE));
    Fsync.directory(target);
  }

  /** Releases the lock; a directory not finished (an error on the way) is removed. */
  @Override
  public void close() throws IOException {
    try (lockChannel) {
      if (!finished) {
        deleteAllBut(partial, partial.resolve(LOCK_FILE));
      }
    }
    if (!finished) {
      Files.deleteIfExists(partial.resolve(LOCK_FILE));
      Files.deleteIfExists(partial);
    }
  }

  private static void requireNewOrEmpty(Path target, Path parent) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IllegalArgumentException(target + " is a file; back up into a new directory");
    }
    if (!isEmpty(target)) {
      throw new IllegalArgumentException(target + " is not empty; back up into a new directory");
    }
    if (!Files.getFileStore(target).equals(Files.getFileStore(parent))) {
      // The backup is renamed into place from beside the target: not possible onto a mount point.
      throw new IllegalArgumentException(
          target
              + " is a mount point; back up into a new directory inside it, e.g. "
              + target.resolve("paperbot-backup"));
    }
  }

  /**
   * Removes the leftovers of killed backups into other targets of the same folder: siblings named
   * {@code *.partial} that hold this class's lock file, which no running backup holds.
   */
  private static String removeKilledSiblings(Path parent, Path own) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> siblings = Files.list(parent)) {
      leftovers =
          siblings
              .filter(p -> !p.equals(own) && p.getFileName().toString().endsWith(".partial"))
              .filter(p -> Files.isRegularFile(p.resolve(LOCK_FILE)))
              .sorted()
              .toList();
    }
    StringBuilder notes = new StringBuilder();
    for (Path leftover : leftovers) {
      try (FileChannel channel =
          FileChannel.open(leftover.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
        if (!lock(channel)) {
          continue; // another backup is writing it
        }
        deleteAllBut(leftover, leftover.resolve(LOCK_FILE));
      }
      Files.delete(leftover.resolve(LOCK_FILE));
      Files.delete(leftover);
      notes.append(leftoverNote(leftover));
    }
    return notes.toString();
  }

  /** False when another process (or this one) holds the lock: that run is still writing. */
  private static boolean lock(FileChannel channel) throws IOException {
    try {
      FileLock lock = channel.tryLock();
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false;
    }
  }

  private static String leftoverNote(Path partial) {
    return "removed an unfinished backup that a killed run left in " + partial + "\n";
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Deepest first, so each directory is empty when its turn comes. */
  private static void deleteAllBut(Path dir, Path kept) throws IOException {
    List<Path> doomed;
    try (Stream<Path> tree = Files.walk(dir)) {
      doomed =
          tree.filter(p -> !p.equals(dir) && !p.equals(kept))
              .sorted(Comparator.reverseOrder())
              .toList();
    }
    for (Path path : doomed) {
      Files.delete(path);
    }
  }
}
