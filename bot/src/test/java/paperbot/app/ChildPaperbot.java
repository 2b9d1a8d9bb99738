package paperbot.app;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * paperbot's command line in a child JVM (this test run's classpath): its stdin, its stdout lines,
 * a SIGKILL.
 */
record ChildPaperbot(Process process, PrintStream in, BlockingQueue<String> lines) {

  /**
   * Starts {@code paperbot args...}; stderr is appended to {@code log}; {@code env} adds to a clean
   * environment.
   */
  static ChildPaperbot start(Path log, Map<String, String> env, String... args) throws IOException {
    return start(false, log, env, args);
  }

  /**
   * As above; {@code oneCpu} pins the child to CPU 0 with {@code taskset} where it exists, so its
   * threads (the database's, the JIT's, the garbage collector's) interleave as on a one-core
   * machine, where timing bugs show.
   */
  static ChildPaperbot start(boolean oneCpu, Path log, Map<String, String> env, String... args)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    if (oneCpu && TASKSET.isPresent()) {
      command.addAll(List.of(TASKSET.get().toString(), "-c", "0"));
    }
    command.addAll(
        List.of(
            java,
            "-Xmx384m",
            "--enable-native-access=ALL-UNNAMED",
            "-Dpaperbot.home=" + TestBots.REPO,
            "-cp",
            System.getProperty("java.class.path"),
            "paperbot.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(name ->
            name.startsWith("SLACK_")
                || name.startsWith("DISCORD_")
                || name.startsWith("PAPERBOT_"));
    builder.environment().putAll(TestBots.offline(env));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException closed) {
                // the child died: tests kill children on purpose
              }
            },
            "child-stdout");
    reader.setDaemon(true);
    reader.start();
    return new ChildPaperbot(
        process, new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8), lines);
  }

  /** The taskset program on the PATH, if this machine has one. */
  static final Optional<Path> TASKSET =
      Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
          .filter(dir -> !dir.isEmpty())
          .map(dir -> Path.of(dir, "taskset"))
          .filter(Files::isExecutable)
          .findFirst();

  void send(String command) {
    in.println(command);
    in.flush();
  }

  /** Collects output until it contains every text (or time runs out); returns what it read. */
  String awaitAll(List<String> texts, int seconds) throws InterruptedException {
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!texts.stream().allMatch(text -> seen.indexOf(text) >= 0)) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        break;
      }
      seen.append(line).append('\n');
    }
    return seen.toString();
  }

  /**
   * Waits until {@code deadline} ({@link System#nanoTime()}) for a line containing the text; false
   * when none came by then. Lines read are consumed.
   */
  boolean awaitUntil(String text, long deadline) throws InterruptedException {
    return awaitAnyUntil(List.of(text), deadline);
  }

  /** As {@link #awaitUntil}, for a line containing any of the texts. */
  boolean awaitAnyUntil(List<String> texts, long deadline) throws InterruptedException {
    for (String line;
        (line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))
            != null; ) {
      for (String text : texts) {
        if (line.contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Waits for a line containing the text; false when the child said nothing like it in time. */
  boolean await(String text, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (String line;
        (line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))
            != null; ) {
      if (line.contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** SIGKILL: no shutdown hook, no commit on the way out. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
