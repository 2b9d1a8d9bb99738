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

  private static final Pattern SHORTCUT =
      Pattern.compile(
          "(?m)^    - name: (.+)\\n      type: (.+)\\n      callback_id: (.+)\\n      description: (.+)$");

  @Test
  void manifestShortcutsAreTheOnesTheAdapterHandles() throws Exception {
    String manifest = Files.readString(Path.of("..", "config", "slack-app-manifest.yml"));
    Matcher block = Pattern.compile("(?m)^  shortcuts:\\n((?:    .*\\n)+)").matcher(manifest);
    assertThat(block.find()).as("the manifest has features.shortcuts").isTrue();
    Map<String, String> callbacks = new LinkedHashMap<>();
    Matcher shortcut = SHORTCUT.matcher(block.group(1));
    while (shortcut.find()) {
      assertThat(shortcut.group(2)).as(shortcut.group(1)).isEqualTo("message");
      // Slack's manifest schema: callback_id at most 255 characters, description at most 150.
      assertThat(shortcut.group(3)).hasSizeLessThanOrEqualTo(255);
      assertThat(shortcut.group(4)).hasSizeLessThanOrEqualTo(150);
      callbacks.put(shortcut.group(1), shortcut.group(3));
    }
    // The names Discord shows for the same commands on a message, and the ids Bolt routes.
    assertThat(callbacks)
        .containsExactly(
            Map.entry("Save paper", SlackAdapter.SAVE_PAPER),
            Map.entry("Paper card", SlackAdapter.PAPER_CARD));
    // Shortcuts arrive at the interactivity URL and need the commands scope.
    assertThat(manifest).contains("interactivity:\n    is_enabled: true", "      - commands\n");
  }
}
