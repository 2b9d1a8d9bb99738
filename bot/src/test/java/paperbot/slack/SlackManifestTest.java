package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.CommandSpec;

/**
 * The manifest an admin installs declares exactly the slash commands the core declares, with the
 * same descriptions and usage hints. The commands are declared once, in their classes; when one is
 * added or changed, this test fails with the {@code slash_commands} block to paste.
 */
final class SlackManifestTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();

  private static final Pattern SLASH_COMMANDS =
      Pattern.compile("(?m)^  slash_commands:\\n((?:    .*\\n)+)");

  @Test
  void manifestCommandsAreTheCommandDeclarations() throws Exception {
    String manifest = Files.readString(Path.of("..", "config", "slack-app-manifest.yml"));
    Matcher block = SLASH_COMMANDS.matcher(manifest);
    assertThat(block.find()).as("the manifest has features.slash_commands").isTrue();
    StringBuilder expected = new StringBuilder();
    for (CommandSpec spec : bot.router().specs()) {
      expected
          .append("    - command: /")
          .append(spec.name())
          .append("\n      url: https://paperbot.example.org")
          .append(SlackHttpServer.PATH)
          .append("\n      description: ")
          .append(spec.description())
          .append('\n');
      if (!spec.usage().isEmpty()) {
        expected.append("      usage_hint: \"").append(spec.usage()).append("\"\n");
      }
      expected.append("      should_escape: false\n");
    }
    assertThat(block.group(1)).isEqualTo(expected.toString());
    assertThat(manifest)
        .contains(
            "request_url: https://paperbot.example.org" + SlackHttpServer.PATH,
            "commands",
            "chat:write",
            "channels:history",
            "im:history",
            "im:write",
            "files:write",
            "links:read",
            "links:write",
            "bot_events:\n      - link_shared",
            "unfurl_domains:\n    - arxiv.org\n    - alphaxiv.org\n    - huggingface.co\n");
  }
}
