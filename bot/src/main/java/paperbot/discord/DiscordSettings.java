package paperbot.discord;

import java.time.Duration;

/**
 * How to reach Discord. The token is a secret: {@link #toString()} never prints it.
 *
 * @param token bot token; empty when Discord is not configured
 * @param devGuild a guild id to register commands in instantly (development); empty registers them
 *     globally
 * @param apiUrl REST base URL, e.g. {@code https://discord.com/api/v10/}; another for tests
 * @param gatewayUrl gateway websocket URL; empty asks Discord (tests point it at a fake)
 * @param shards shard count; 1 runs a single connection, more run a ShardManager
 * @param inlineBudget how long a command may take before the reply is deferred; zero always defers
 */
public record DiscordSettings(
    String token,
    String devGuild,
    String apiUrl,
    String gatewayUrl,
    int shards,
    Duration inlineBudget) {

  public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";

  /** Discord allows 3 s before an interaction must be answered or deferred. */
  public static final Duration DEFAULT_INLINE_BUDGET = Duration.ofMillis(2000);

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
