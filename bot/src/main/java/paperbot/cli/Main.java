package paperbot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.bridge.SLF4JBridgeHandler;
import paperbot.app.BotConfig;

/**
 * Entry point of the {@code ./paperbot} launcher: sets up logging, then hands the arguments to the
 * CLI.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(systemContext(), args));
  }

  /**
   * The real outside world: logging routed, UTF-8 standard streams, the environment, the system
   * clock. The benchmark's entry point starts from the same.
   */
  public static CliContext systemContext() {
    // Lucene logs through java.util.logging; route it into the same quiet, structured log.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return new CliContext(
        BotConfig.defaultHome(),
        in,
        out,
        err,
        System.getenv(),
        Terminal.isInteractive(),
        Clock.systemUTC());
  }
}
