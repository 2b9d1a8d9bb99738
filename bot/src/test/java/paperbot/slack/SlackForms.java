package paperbot.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Slack request bodies as Slack sends them, for the adapter, load and clustered tests. */
public final class SlackForms {
  private SlackForms() {}

  /**
   * Now, as Bolt checks a request's timestamp: against the machine's wall clock, not paperbot's
   * injected clock, so signed test requests must carry wall-clock time (the one reason tests read
   * it).
   */
  public static long boltNow() {
    return System.currentTimeMillis() / 1000;
  }

  /** A request to paperbot's Slack endpoint, signed now. */
  public static HttpRequest signedNow(int port, String secret, String body) {
    return SignedSlackRequest.post(
        URI.create("http://127.0.0.1:" + port + SlackHttpServer.PATH), secret, body, boltNow());
  }

  /** A slash command's form body, in workspace T1, channel C1. */
  public static String command(String user, String command, String text, String responseUrl) {
    return form(
        "token",
        "x",
        "team_id",
        "T1",
        "team_domain",
        "test",
        "channel_id",
        "C1",
        "channel_name",
        "general",
        "user_id",
        user,
        "user_name",
        user,
        "command",
        command,
        "text",
        text,
        "response_url",
        responseUrl,
        "trigger_id",
        "1.2.3",
        "api_app_id",
        "A1");
  }

  /** A form-encoded body from name, value pairs. */
  public static String form(String... pairs) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }
}
