package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The manifest an admin installs declares exactly the slash commands the adapter handles. */
final class SlackManifestTest {

  @Test
  void manifestCommandsMatchTheAdapter() throws Exception {
    String manifest = Files.readString(Path.of("..", "config", "slack-app-manifest.yml"));
    Matcher m = Pattern.compile("- command: (/\\S+)").matcher(manifest);
    List<String> declared = new ArrayList<>();
    while (m.find()) {
      declared.add(m.group(1));
    }
    assertThat(declared).containsExactlyInAnyOrderElementsOf(SlackAdapter.COMMANDS);
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
