package paperbot.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.bridge.SLF4JBridgeHandler;
import paperbot.cli.Cli;
import paperbot.cli.CliContext;

/**
 * Entry point of the {@code ./paperbot} launcher: sets up logging, then hands the arguments to the
 * CLI.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Lucene logs through java.util.logging; route it into the same quiet, structured log.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    CliContext context =
        new CliContext(
            BotConfig.defaultHome(),
            in,
            out,
            err,
            System.getenv(),
            Terminal.isInteractive(),
            Clock.systemUTC());
    System.exit(Cli.run(context, args));
  }
}
