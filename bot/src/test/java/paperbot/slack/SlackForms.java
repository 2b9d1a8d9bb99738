package paperbot.slack;

import com.slack.api.app_backend.SlackSignature;
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

  /**
   * A message shortcut's payload as Slack sends it (type {@code message_action}, form-encoded as
   * {@code payload}): used by {@code user} in workspace T1, channel C1, on the message given as
   * JSON (its {@code text}, {@code blocks}, {@code attachments}, as conversations.history shows
   * it).
   */
  public static String messageShortcut(
      String callbackId, String user, String messageJson, String responseUrl) {
    return form("payload", messageShortcutPayload(callbackId, user, messageJson, responseUrl));
  }

  /** The JSON of a message shortcut's payload, as a Socket Mode envelope carries it. */
  public static String messageShortcutPayload(
      String callbackId, String user, String messageJson, String responseUrl) {
    return """
    {"type":"message_action","token":"x","action_ts":"1700000500.000100",
     "team":{"id":"T1","domain":"test"},"user":{"id":"%s","name":"%s","team_id":"T1"},
     "channel":{"id":"C1","name":"general"},"is_enterprise_install":false,"enterprise":null,
     "callback_id":"%s","trigger_id":"1700000500.1.abcdef","response_url":"%s",
     "message_ts":"1700000400.000200","message":%s}\
    """
        .formatted(user, user, callbackId, responseUrl, messageJson);
  }

  /** A message a member typed, as Slack gives it: links in angle brackets, {@code &} escaped. */
  public static String typedMessage(String author, String mrkdwnText) {
    return """
    {"type":"message","user":"%s","ts":"1700000400.000200","team":"T1","text":"%s"}\
    """
        .formatted(author, mrkdwnText.replace("\"", "\\\""));
  }

  /** A link_shared Events API callback for one arXiv paper, in workspace T1, channel C9. */
  public static String linkShared(String eventId, String messageTs, String arxivId) {
    return ("{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
            + "\"event_id\":\"%s\",\"event_time\":1700000000,\"event\":{\"type\":\"link_shared\","
            + "\"channel\":\"C9\",\"is_bot_user_member\":true,\"user\":\"U8\",\"message_ts\":\"%s\","
            + "\"source\":\"conversations_history\",\"links\":[{\"domain\":\"arxiv.org\","
            + "\"url\":\"https://arxiv.org/abs/%s\"}],\"event_ts\":\"%s\"}}")
        .formatted(eventId, messageTs, arxivId, messageTs);
  }

  /** An Events API callback as Slack first sends it: JSON, signed now. */
  public static HttpRequest event(int port, String secret, String body) {
    return eventRequest(port, secret, body).build();
  }

  /**
   * An Events API callback as Slack sends it again when it thinks the first delivery failed: signed
   * anew, with the retry number (1 to 3) and Slack's reason in headers.
   */
  public static HttpRequest retriedEvent(
      int port, String secret, String body, int number, String reason) {
    return eventRequest(port, secret, body)
        .header("X-Slack-Retry-Num", String.valueOf(number))
        .header("X-Slack-Retry-Reason", reason)
        .build();
  }

  private static HttpRequest.Builder eventRequest(int port, String secret, String body) {
    String ts = String.valueOf(boltNow());
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SlackHttpServer.PATH))
        .header("Content-Type", "application/json")
        .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
        .header(
            SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
            new SlackSignature.Generator(secret).generate(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body));
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
