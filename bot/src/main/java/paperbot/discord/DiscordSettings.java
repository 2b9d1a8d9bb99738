package paperbot.discord;

import java.time.Duration;

/**
 * How to reach Discord. The token is a secret: {@link #toString()} never prints it.
 *
 * @param token bot token; empty when Discord is not configured
 * @param devGuild a guild id to register commands in instantly (development); empty registers them
 *     globally
 * @param apiUrl REST base URL, e.g. {@code https://discord.com/api/v10/}; another for tests
 * @param gatewayUrl gateway websocket URL (a proxy's); empty asks the API's {@code GET
 *     /gateway/bot}, so pointing {@code apiUrl} at a local Discord moves the gateway there too
 * @param shards shard count; 1 runs a single connection, more run a ShardManager
 * @param inlineBudget how long after an interaction's creation (its snowflake time) the bot may
 *     work on the reply before it defers; zero always defers
 */
public record DiscordSettings(
    String token,
    String devGuild,
    String apiUrl,
    String gatewayUrl,
    int shards,
    Duration inlineBudget) {

  public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";

  /**
   * Discord allows 3 s from an interaction's creation until its answer or deferral arrives; the
   * deferral is sent at 1.5 s, which leaves the rest for the gateway's delivery, the REST round
   * trip and a busy machine's scheduling.
   */
  public static final Duration DEFAULT_INLINE_BUDGET = Duration.ofMillis(1500);

  public boolean enabled() {
    return !token.isBlank();
  }

  @Override
  public String toString() {
    return "DiscordSettings[token="
        + (token.isEmpty() ? "" : "***")
        + ", devGuild="
        + devGuild
        + ", apiUrl="
        + apiUrl
        + ", gatewayUrl="
        + gatewayUrl
        + ", shards="
        + shards
        + ", inlineBudget="
        + inlineBudget
        + "]";
  }
}
