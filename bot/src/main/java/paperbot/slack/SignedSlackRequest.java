package paperbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * A form-encoded request to paperbot's Slack endpoint, signed the way Slack signs its requests (v0
 * HMAC of the timestamp and the body), for the bench and the tests that drive the real Bolt app.
 * Bolt checks the timestamp against the wall clock, so callers pass the real time.
 */
public final class SignedSlackRequest {
  private SignedSlackRequest() {}

  public static HttpRequest post(
      URI endpoint, String signingSecret, String body, long epochSeconds) {
    String ts = String.valueOf(epochSeconds);
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
        .header(
            SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
            new SlackSignature.Generator(signingSecret).generate(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
