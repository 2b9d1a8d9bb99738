package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.bench.SyntheticCorpus;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.ingest.JsonLinesFile;
import paperbot.recommender.ingest.SeedCorpus;

/**
 * paperbot in a child JVM, killed with SIGKILL at random points while members change their profiles: after each
 * restart on the same data directory, every change it had acknowledged is there and the index still answers.
 */
final class CrashConsistencyTest {
  private static final long SEED = 20261123L;

  @TempDir Path data;
  /** Child logs and input files, outside the data directory. */
  @TempDir Path scratch;

  /** A running child: its stdin and the lines of its stdout. */
  private record Child(Process process, PrintStream in, BlockingQueue<String> lines) {
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

    /** Waits for a line containing the text; false when the child said nothing like it in time. */
    boolean await(String text, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      for (String line; (line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null; ) {
        if (line.contains(text)) {
          return true;
        }
      }
      return false;
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no commit on the way out
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Child start(String user) throws IOException {
    return run("chat", "--data", data.toString(), "--user", user);
  }

  /** paperbot's command line in a child JVM. */
  private Child run(String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-Dpaperbot.home=" + TestBots.REPO,
        "-cp", System.getProperty("java.class.path"), "paperbot.app.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("DISCORD_")
        || name.startsWith("PAPERBOT_"));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(scratch.resolve("child.log").toFile()));
    Process process = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException closed) {
        // the child died: that is the point of this test
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
    return new Child(process, new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8), lines);
  }

  @Test
  void everyAcknowledgedChangeSurvivesAKillAndTheIndexStillAnswers() throws Exception {
    Random random = new Random(SEED);
    List<String> users = new ArrayList<>();
    List<List<String>> acknowledged = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      String user = "crash" + round;
      users.add(user);
      List<String> topics = new ArrayList<>();
      acknowledged.add(topics);
      Child child = start(user);
      int changes = 3 + random.nextInt(6);
      for (int i = 0; i < changes; i++) {
        String topic = "crash topic " + (char) ('a' + round) + " " + (char) ('a' + i);
        child.send("/topics add " + topic);
        assertThat(child.await("Added topic *" + topic + "*", 60)).as("ack for " + topic).isTrue();
        topics.add(topic);
      }
      // More work in flight, unacknowledged, then the kill at a random moment.
      child.send("/topics add crash topic in flight");
      child.send("/papers diffusion policy");
      Thread.sleep(random.nextInt(300));
      child.kill();
    }

    for (int round = 0; round < users.size(); round++) {
      Child child = start(users.get(round));
      try {
        child.send("/topics list");
        String listed = child.awaitAll(acknowledged.get(round), 60);
        for (String topic : acknowledged.get(round)) {
          assertThat(listed).as(users.get(round) + " still has " + topic).contains(topic);
        }
        child.send("/papers diffusion policy");
        assertThat(child.await("Papers for \"diffusion policy\"", 60)).as("the index opens and answers").isTrue();
      } finally {
        child.kill();
      }
    }
  }

  @Test
  void anIngestKilledMidwayLeavesAnIndexThatOpensAndARerunCompletes() throws Exception {
    Clock clock = TestBots.CLOCK;
    SyntheticCorpus corpus = new SyntheticCorpus(SeedCorpus.load(TestBots.REPO.resolve("seeds"), clock).papers(), 7,
        LocalDate.now(clock));
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 8_000; i++) {
      papers.add(corpus.paper(i));
    }
    Path file = scratch.resolve("papers.jsonl");
    JsonLinesFile.write(file, papers);
    String last = papers.get(papers.size() - 1).title();

    Child ingest = run("ingest", "--source", "file", file.toString(), "--data", data.toString());
    Thread.sleep(2_000 + new Random(SEED).nextInt(3_000)); // start-up takes about 2 s: mid-ingest
    ingest.kill();

    Child after = start("reader");
    try {
      after.send("/papers diffusion policy");
      assertThat(after.await("Papers for \"diffusion policy\"", 60)).as("the index opens after the kill").isTrue();
    } finally {
      after.kill();
    }

    Child rerun = run("ingest", "--source", "file", file.toString(), "--data", data.toString());
    assertThat(rerun.process().waitFor(180, TimeUnit.SECONDS)).as("the rerun finishes").isTrue();
    assertThat(rerun.process().exitValue()).isZero();

    Child done = start("reader");
    try {
      done.send("/paper " + SyntheticCorpus.id(papers.size() - 1));
      assertThat(done.await(last.substring(0, Math.min(40, last.length())), 60)).as("the last paper is in").isTrue();
    } finally {
      done.kill();
    }
  }

}
