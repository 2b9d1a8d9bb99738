package paperbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file snapshots: compares rendered output with {@code src/test/resources/snapshots/<name>}.
 * The file is rewritten only when the build is run with {@code -DupdateSnapshots=true}, never on
 * its own.
 */
public final class Snapshots {
  private static final Path DIR = Path.of("src", "test", "resources", "snapshots");

  private Snapshots() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("updateSnapshots")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("snapshot %s missing: run with -DupdateSnapshots=true to create it", file)
          .exists();
      assertThat(actual)
          .as("snapshot %s (update with -DupdateSnapshots=true)", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
