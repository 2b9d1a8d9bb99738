package paperbot.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import paperbot.app.BotConfig;

/**
 * What a subcommand may touch of the outside world, passed in so tests can run the CLI in-process.
 *
 * @param home the paperbot directory, against which config and relative paths resolve
 * @param in standard input
 * @param out standard output (results)
 * @param err standard error (progress and problems)
 * @param env environment variables
 * @param terminal true when standard input is an interactive terminal
 * @param clock the time source
 */
public record CliContext(
    Path home,
    BufferedReader in,
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    boolean terminal,
    Clock clock) {

  /** Settings from the paperbot home, the environment and the common options. */
  public BotConfig config(CommonOptions options) {
    BotConfig config = BotConfig.load(home, env);
    if (options.dataDir != null) {
      config = config.withDataDir(options.dataDir);
    }
    if (options.seedsDir != null) {
      config = config.withSeedsDir(options.seedsDir);
    }
    return config;
  }
}
