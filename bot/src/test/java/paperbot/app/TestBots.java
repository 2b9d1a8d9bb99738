package paperbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    return BotConfig.load(REPO, Map.of()).withDataDir(dataDir);
  }

  public static Wiring open(Path dataDir) {
    return Wiring.open(config(dataDir), CLOCK);
  }
}
