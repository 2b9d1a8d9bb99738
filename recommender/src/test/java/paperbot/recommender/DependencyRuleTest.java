package paperbot.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The recommender knows nothing of chat: no import of the bot, of a chat SDK or of the scheduler.
 * (The Maven module boundary already stops the bot; this also stops a chat SDK added to this
 * module's pom.)
 */
final class DependencyRuleTest {
  private static final List<String> FORBIDDEN =
      List.of(
          "import paperbot.command",
          "import paperbot.app",
          "import paperbot.cli",
          "import paperbot.console",
          "import paperbot.slack",
          "import paperbot.discord",
          "import paperbot.schedule",
          "import com.slack.",
          "import net.dv8tion.",
          "import org.quartz.");

  @Test
  void recommenderSourcesImportNoChatOrSchedulingCode() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> violations =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(DependencyRuleTest::forbiddenImports)
              .toList();
      assertThat(violations).isEmpty();
    }
  }

  private static Stream<String> forbiddenImports(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> FORBIDDEN.stream().anyMatch(line::startsWith))
          .map(line -> file + ": " + line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
