package paperbot.slack;

import java.time.Duration;

/**
 * How to reach Slack. Tokens and the signing secret are secrets: {@link #toString()} never prints
 * them.
 *
 * @param botToken {@code xoxb-...}; empty when Slack is not configured
 * @param signingSecret verifies that requests come from Slack
 * @param appToken {@code xapp-...} for Socket Mode; empty for HTTP mode
 * @param port HTTP port for {@code /slack/events}
 * @param apiUrl base URL of the Web API, e.g. {@code https://slack.com/api/}; another for tests and
 *     proxies
 * @param inlineBudget how long a command may take before paperbot acks and answers through the
 *     response_url; zero always answers through the response_url
 */
public record SlackSettings(
    String botToken,
    String signingSecret,
    String appToken,
    int port,
    String apiUrl,
    Duration inlineBudget) {

  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Slack wants an ack within 3 s; answering inline until 2 s leaves room for the network. */
  public static final Duration DEFAULT_INLINE_BUDGET = Duration.ofMillis(2000);

  public boolean enabled() {
    return !botToken.isBlank();
  }

  public boolean socketMode() {
    return !appToken.isBlank();
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken="
        + mask(botToken)
        + ", signingSecret="
        + mask(signingSecret)
        + ", appToken="
        + mask(appToken)
        + ", port="
        + port
        + ", apiUrl="
        + apiUrl
        + ", inlineBudget="
        + inlineBudget
        + "]";
  }

  private static String mask(String secret) {
    return secret.isEmpty() ? "" : "***";
  }
}
