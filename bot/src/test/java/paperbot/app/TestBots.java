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
   * With settings from these environment variables, e.g. a source pointed at a local fake. No
   * source is refreshed on its schedule unless {@code env} names a cron: a test's bot running at
   * the hour's seventh minute fetched huggingface.co itself, and on a machine without a network
   * logged an error into a test that asserts none.
   */
  public static BotConfig config(Path dataDir, Map<String, String> env) {
    return BotConfig.load(REPO, withoutScheduledRefreshes(env)).withDataDir(dataDir);
  }

  /** {@code env}, with an empty cron (no scheduled refresh) for every source it names none for. */
  static Map<String, String> withoutScheduledRefreshes(Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    for (String source : List.of("HF", "LISTING", "ARXIV")) {
      all.put("PAPERBOT_" + source + "_CRON", "");
    }
    all.putAll(env);
    return all;
  }

  public static Wiring open(Path dataDir) {
    return Wiring.open(config(dataDir), CLOCK);
  }
}
