package paperbot.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import paperbot.app.TestBots;

/**
 * One in-process run of the {@code paperbot} command line, as the launcher runs it, with what it
 * printed.
 *
 * @param exitCode 0 ok, 1 failure, 2 usage error
 */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun of(String... args) {
    return with(Cli::run, args);
  }

  /** As {@link #of(String...)}, with this environment instead of an empty one. */
  public static CliRun of(Map<String, String> env, String... args) {
    return run(Cli::run, env, args);
  }

  /** A command line's entry point that takes the outside world and the arguments. */
  public interface EntryPoint {
    int run(CliContext context, String... args);
  }

  /** One in-process run of another entry point (the benchmark's) the same way. */
  public static CliRun with(EntryPoint entry, String... args) {
    return run(entry, Map.of(), args);
  }

  private static CliRun run(EntryPoint entry, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context =
        new CliContext(
            TestBots.REPO,
            new BufferedReader(new StringReader("")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            false,
            TestBots.CLOCK);
    int code = entry.run(context, args);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
