package paperbot.recommender.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FsyncTest {
  @Test
  void aFileIsSyncedAsItIsAndAMissingOneIsNotMade(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("copy.cfs"), "bytes");
    Fsync.file(file);
    assertThat(file).hasContent("bytes");
    Path typo = dir.resolve("cpoy.cfs");
    assertThatThrownBy(() -> Fsync.file(typo)).isInstanceOf(NoSuchFileException.class);
    assertThat(typo).doesNotExist();
  }

  @Test
  void aDirectoryIsSyncedWhereThePlatformAllowsIt(@TempDir Path dir) throws IOException {
    Fsync.directory(dir); // Linux and macOS flush it; elsewhere nothing is thrown
    assertThat(dir).isEmptyDirectory();
  }
}
