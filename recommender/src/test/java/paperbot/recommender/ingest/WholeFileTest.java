package paperbot.recommender.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WholeFileTest {
  @Test
  void aFileIsReplacedWholeAndNothingIsLeftBeside(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("saved.bib");
    Files.writeString(file, "old");
    WholeFile.write(file, partial -> Files.writeString(partial, "new"));
    assertThat(file).hasContent("new");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aWriteCutShortLeavesTheEarlierFileAsItWas(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("papers.jsonl");
    Files.writeString(file, "all of it\n");
    assertThatThrownBy(() ->
            WholeFile.write(
                file,
                partial -> {
                  Files.writeString(partial, "half of");
                  throw new IOException("disk full");
                }))
        .hasMessage("disk full");
    assertThat(file).hasContent("all of it");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
