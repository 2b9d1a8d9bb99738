package paperbot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand accepts; they override config and environment. */
public final class CommonOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (index, database). Default: ./data")
  Path dataDir;

  @Option(
      names = "--seeds",
      paramLabel = "DIR",
      description = "Seed corpus directory. Default: ./seeds")
  Path seedsDir;
}
