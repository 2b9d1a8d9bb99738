package paperbot.recommender.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The repository's seed files and a fixed clock, for tests. */
final class Seeds {
  static final Path DIR = Path.of("..", "seeds").toAbsolutePath().normalize();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

  private Seeds() {}

  static Path file(String prefix) {
    try (var files = Files.list(DIR)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SeedCorpus.FileRead read(String prefix) {
    return SeedCorpus.readFile(file(prefix), CLOCK);
  }
}
