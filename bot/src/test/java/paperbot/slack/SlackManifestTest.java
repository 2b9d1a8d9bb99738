package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.CommandSpec;

/**
 * The manifest an admin installs declares exactly the slash commands the core declares, with the
 * same descriptions and usage hints: the commands are declared once, in their classes, and the
 * shipped manifest is checked against them.
 */
final class SlackManifestTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();

  /** One {@code slash_commands} entry: its lines up to the next entry or section. */
  private static final Pattern ENTRY =
      Pattern.compile("(?m)^    - command: (/\\S+)\\n((?:      .*\\n)+)");

  @Test
  void manifestCommandsMatchTheCommandDeclarations() throws Exception {
    String manifest = Files.readString(Path.of("..", "config", "slack-app-manifest.yml"));
    Map<String, String> declared = new LinkedHashMap<>();
    Matcher m = ENTRY.matcher(manifest);
    while (m.find()) {
      declared.put(m.group(1), m.group(2));
    }
    assertThat(declared.keySet())
        .containsExactlyInAnyOrderElementsOf(
            bot.router().specs().stream().map(spec -> "/" + spec.name()).toList());
    for (CommandSpec spec : bot.router().specs()) {
      String entry = declared.get("/" + spec.name());
      assertThat(entry)
          .as("/%s", spec.name())
          .contains("description: " + spec.description() + "\n")
          .contains("url: https://paperbot.example.org" + SlackHttpServer.PATH + "\n")
          .contains("should_escape: false\n");
      if (spec.usage().isEmpty()) {
        assertThat(entry).as("/%s", spec.name()).doesNotContain("usage_hint");
      } else {
        assertThat(entry).as("/%s", spec.name()).contains("usage_hint: \"" + spec.usage() + "\"\n");
      }
    }
    assertThat(manifest)
        .contains(
            "request_url: https://paperbot.example.org" + SlackHttpServer.PATH,
            "commands",
            "chat:write",
            "channels:history",
            "im:history",
            "im:write");
  }
}
