package paperbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import paperbot.command.CommandRouter;

/**
 * One real bot per test class: the seed corpus indexed into a throwaway data directory with its own
 * SQLite database. Register as {@code @RegisterExtension static final SeedBotExtension bot = new
 * SeedBotExtension();}.
 */
public final class SeedBotExtension implements BeforeAllCallback, AfterAllCallback {
  private final boolean scheduled;
  private Path data;
  private Wiring wiring;

  /** A bot without the scheduler (it cannot subscribe digests). */
  public SeedBotExtension() {
    this(false);
  }

  /**
   * @param scheduled true to run Quartz too, so /digest subscribe works
   */
  public SeedBotExtension(boolean scheduled) {
    this.scheduled = scheduled;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    data = Files.createTempDirectory("paperbot-test");
    wiring = Wiring.open(TestBots.config(data), TestBots.CLOCK, scheduled);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    wiring.close();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(SeedBotExtension::delete);
    }
  }

  public CommandRouter router() {
    return wiring.router();
  }

  /** The bot's parts, for a test that builds its own router over them. */
  public Wiring wiring() {
    return wiring;
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
