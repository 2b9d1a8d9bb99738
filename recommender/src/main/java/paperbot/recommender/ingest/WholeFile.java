package paperbot.recommender.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a sibling first, synced, then moved over the target in
 * one step. A process killed mid-write leaves the earlier file (or none) and a stray {@code
 * .partial}, never a truncated export that looks complete; a power loss after it returned leaves
 * the new file, not an empty one under the new name.
 */
public final class WholeFile {
  /** What goes into the file, written to the path it is given. */
  public interface Body {
    void writeTo(Path file) throws IOException;
  }

  private WholeFile() {}

  public static void write(Path target, Body body) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      body.writeTo(partial);
      Fsync.file(partial);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Fsync.directory(target.toAbsolutePath().getParent());
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
