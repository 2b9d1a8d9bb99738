package paperbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the real bot for tests: the repository's seeds and config, a throwaway data directory, a
 * fixed clock.
 */
public final class TestBots {
  /** Tests run in the module directory; the repository root is its parent. */
  public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

  private TestBots() {}

  public static BotConfig config(Path dataDir) {
    return config(dataDir, Map.of());
  }

  /**
   * With settings from these environment variables, e.g. a source pointed at a local fake. Nothing
   * reaches the network unless {@code env} says so (see {@link #offline}).
   */
  public static BotConfig config(Path dataDir, Map<String, String> env) {
    return BotConfig.load(REPO, offline(env)).withDataDir(dataDir);
  }

  /**
   * {@code env}, with every paper source it names no URL for pointed at a closed port of this
   * machine, and no scheduled refresh unless it names a cron. A test's bot running at the hour's
   * seventh minute fetched huggingface.co itself (and on a machine without a network logged an
   * error into a test that asserts none), and a pasted arXiv link of a paper the seeds lack was
   * fetched from arxiv.org: a test's outcome must not depend on the network.
   */
  public static Map<String, String> offline(Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    for (String source : List.of("HF", "LISTING", "ARXIV")) {
      all.put("PAPERBOT_" + source + "_CRON", "");
      all.put("PAPERBOT_" + source + "_URL", NO_SERVER);
    }
    all.putAll(env);
    return all;
  }

  /** A port nothing listens on (tcpmux, unassigned in practice): connections are refused. */
  private static final String NO_SERVER = "http://127.0.0.1:1/";

  public static Wiring open(Path dataDir) {
    return Wiring.open(config(dataDir), CLOCK);
  }

  /**
   * The text of the core's answer to a Discord command from a member who may manage the channel,
   * handed to the router as the adapter would.
   */
  static String onDiscord(
      Wiring wiring, String guild, String channel, String user, String command, String text) {
    return wiring
        .router()
        .handle(
            new paperbot.chat.ChatRequest(
                paperbot.chat.Platform.DISCORD, guild, channel, user, command, text, true))
        .text();
  }

  /** The channel digest stored for a Discord channel, if any. */
  static java.util.Optional<paperbot.recommender.digest.Subscription> discordChannelDigest(
      Wiring wiring, String guild, String channel) {
    return wiring
        .digestStore()
        .find(
            paperbot.chat.Platform.DISCORD.name(),
            guild,
            channel,
            paperbot.recommender.digest.Subscription.Kind.CHANNEL);
  }
}
