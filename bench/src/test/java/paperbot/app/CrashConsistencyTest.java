package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import paperbot.bench.SyntheticCorpus;
import paperbot.chat.Platform;
import paperbot.console.ConsoleAdapter;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.ingest.JsonLinesFile;
import paperbot.recommender.ingest.SeedCorpus;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.search.LucenePaperIndex;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcPaperArchive;
import paperbot.recommender.store.JdbcProfileStore;

/**
 * paperbot in a child JVM pinned to one CPU, killed with SIGKILL at random instants (during
 * start-up, between commands, mid-command) while members add and remove topics and save papers
 * through the piped console, round after round on one data directory. After every kill the database
 * as it is on disk must hold every write the bot had acknowledged so far (a reply printed is an
 * acknowledgement); at the end the bot still answers from its index.
 *
 * <p>12 rounds in the suite; {@code -Dpaperbot.crash.rounds=80} for the full run, {@code
 * -Dpaperbot.crash.seed=N} to repeat a run's choices (its timing on a busy machine never repeats
 * exactly). See docs/reliability.md.
 */
final class CrashConsistencyTest {
  private static final long SEED = 20261123L;
  private static final int ROUNDS = Integer.getInteger("paperbot.crash.rounds", 12);
  private static final List<String> USERS = List.of("ana", "ben", "chen");

  /** Below the default limit of topics per member (PAPERBOT_MAX_TOPICS, 30). */
  private static final int MAX_TOPICS = 20;

  /** How long a round's commands run, at most, between the first reply and the kill. */
  private static final int WORK_MS = 3_000;

  /** Generous: a loaded two-core machine may stall a child for many seconds. */
  private static final int PATIENCE_S = 120;

  @TempDir Path data;

  /** Child logs and input files, outside the data directory. */
  @TempDir Path scratch;

  private ChildPaperbot start(String user) throws IOException {
    return ChildPaperbot.start(
        true,
        scratch.resolve("child.log"),
        Map.of(),
        "chat",
        "--data",
        data.toString(),
        "--user",
        user);
  }

  private ChildPaperbot run(String... args) throws IOException {
    return ChildPaperbot.start(scratch.resolve("child.log"), Map.of(), args);
  }

  @Test
  void noAcknowledgedWriteIsLostToAKillAtAnyInstant() throws Exception {
    long seed = Long.getLong("paperbot.crash.seed", System.nanoTime());
    System.out.printf(
        "crash test: seed=%d rounds=%d one_cpu=%s (repeat with -Dpaperbot.crash.seed=%d)%n",
        seed, ROUNDS, ChildPaperbot.TASKSET.isPresent(), seed);
    Random random = new Random(seed);
    List<String> paperIds =
        SeedCorpus.load(TestBots.REPO.resolve("seeds"), TestBots.CLOCK).papers().stream()
            .map(Paper::id)
            .toList();
    AcknowledgedWrites acknowledged = new AcknowledgedWrites();
    long startUpNanos =
        TimeUnit.SECONDS.toNanos(8); // the first start indexes the seeds; measured from then on
    int startUpKills = 0;
    int midCommandKills = 0;
    List<String> lost = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String user = USERS.get(round % USERS.size());
      // A third of the kills land inside start-up (as long as the last one took: it varies with the
      // machine's
      // load); the others at a random instant of a stream of commands that starts with the first
      // reply.
      boolean inStartUp = random.nextInt(3) == 0;
      ChildPaperbot child = start(user);
      long started = System.nanoTime();
      long killAt =
          inStartUp
              ? started + (long) (random.nextDouble() * startUpNanos)
              : started + TimeUnit.SECONDS.toNanos(PATIENCE_S);
      boolean acknowledgedThisRound = false;
      for (int i = 0; ; i++) {
        int kind = random.nextInt(10);
        String removable = acknowledged.removable(user, random);
        boolean acked;
        // Removes keep each member below the topic limit (30), counting adds that were killed in
        // flight.
        if (removable != null && (kind < 2 || acknowledged.possibleTopics(user) >= MAX_TOPICS)) {
          acknowledged.sentRemove(user, removable);
          child.send("/topics remove " + removable);
          acked =
              child.awaitAnyUntil(
                  List.of(
                      "Removed topic *" + removable + "*", "You have no topic *" + removable + "*"),
                  killAt);
          if (acked) {
            acknowledged.removed(user, removable);
          }
        } else if (kind < 4) {
          String paper = paperIds.get(random.nextInt(paperIds.size()));
          child.send("/save " + paper);
          // A paper saved in an earlier round is acknowledged as already saved.
          acked = child.awaitAnyUntil(List.of("Saved *", " is already saved."), killAt);
          if (acked) {
            acknowledged.saved(user, paper);
          }
        } else {
          String topic =
              "crash r" + round + " c" + i; // no trailing number: that would be read as the weight
          acknowledged.sentAdd(user, topic);
          child.send("/topics add " + topic);
          acked = child.awaitUntil("Added topic *" + topic + "*", killAt);
          if (acked) {
            acknowledged.added(user, topic);
          }
        }
        if (!acked) {
          assertThat(inStartUp || acknowledgedThisRound)
              .as(
                  "round %d: a reply within %d s; the child's log ends:%n%s",
                  round, PATIENCE_S, logTail() + threadDump(child))
              .isTrue();
          break; // the kill is due, with this command in flight
        }
        if (!acknowledgedThisRound) {
          acknowledgedThisRound = true;
          startUpNanos = System.nanoTime() - started;
          if (!inStartUp) {
            killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(WORK_MS));
          }
        }
      }
      child.kill();
      if (acknowledgedThisRound) {
        midCommandKills++;
      } else {
        startUpKills++;
      }
      lost.addAll(violationsOnDisk(acknowledged));
      System.out.printf(
          "crash test: round %d/%d killed %s, acknowledged so far %d, lost %d%n",
          round + 1,
          ROUNDS,
          acknowledgedThisRound ? "with a command in flight" : "before the first reply",
          acknowledged.acknowledged(),
          lost.size());
      assertThat(lost)
          .as("round %d (seed %d): every acknowledged write is on disk after the kill", round, seed)
          .isEmpty();
    }
    System.out.printf(
        "crash test: seed=%d rounds=%d kills=%d (before the first reply %d, with a command in flight %d)"
            + " acknowledged=%d lost=%d%n",
        seed,
        ROUNDS,
        ROUNDS,
        startUpKills,
        midCommandKills,
        acknowledged.acknowledged(),
        lost.size());
    assertThat(acknowledged.acknowledged())
        .as("the bot acknowledged writes at all")
        .isGreaterThan(ROUNDS / 2);

    // The last kill may have landed anywhere: the bot starts on what is there, lists what it was
    // told, and searches.
    ChildPaperbot child = start(USERS.get(0));
    try {
      child.send("/papers diffusion policy");
      assertThat(child.await("Papers for \"diffusion policy\"", PATIENCE_S))
          .as("the index opens and answers")
          .isTrue();
    } finally {
      child.kill();
    }
  }

  /**
   * The child's threads, to see what a silent child waits for (jstack beside the java that runs
   * this test).
   */
  private static String threadDump(ChildPaperbot child) throws IOException, InterruptedException {
    Path jstack =
        Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jstack");
    long pid =
        child
            .process()
            .children()
            .findFirst()
            .map(ProcessHandle::pid)
            .orElse(child.process().pid());
    Process dump =
        new ProcessBuilder(jstack.toString(), String.valueOf(pid))
            .redirectErrorStream(true)
            .start();
    String threads =
        new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    dump.waitFor(60, TimeUnit.SECONDS);
    return "\nthreads of " + pid + ":\n" + threads;
  }

  private String logTail() throws IOException {
    List<String> lines = Files.readAllLines(scratch.resolve("child.log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** Reads each member's profile straight from the database file, as a restart finds it. */
  private List<String> violationsOnDisk(AcknowledgedWrites acknowledged) throws Exception {
    Path file = data.resolve(Database.FILE_NAME);
    if (!Files.exists(file)) {
      assertThat(acknowledged.acknowledged())
          .as("acknowledged writes, yet no database file")
          .isZero();
      return List.of();
    }
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(Database.defaultUrl(data));
    try (Connection c = dataSource.getConnection();
        ResultSet tables = c.getMetaData().getTables(null, null, "member_topic", null)) {
      if (!tables.next()) {
        assertThat(acknowledged.acknowledged()).as("acknowledged writes, yet no tables").isZero();
        return List.of();
      }
    }
    JdbcProfileStore profiles = new JdbcProfileStore(dataSource, TestBots.CLOCK);
    List<String> problems = new ArrayList<>();
    for (String user : acknowledged.users()) {
      problems.addAll(
          acknowledged.violations(
              user,
              profiles.load(
                  new MemberKey(Platform.CONSOLE.name(), ConsoleAdapter.WORKSPACE, user))));
    }
    return problems;
  }

  @Test
  void anIngestKilledMidwayLeavesAnIndexThatOpensAndARerunCompletes() throws Exception {
    Clock clock = TestBots.CLOCK;
    SyntheticCorpus corpus =
        new SyntheticCorpus(
            SeedCorpus.load(TestBots.REPO.resolve("seeds"), clock).papers(),
            7,
            LocalDate.now(clock));
    List<Paper> papers = new ArrayList<>();
    // 2,000 papers: the synthetic titles repeat, so many are title merges, and each merge commits
    // on its own (index
    // and synced database), which makes a larger run take minutes on a loaded machine.
    for (int i = 0; i < 2_000; i++) {
      papers.add(corpus.paper(i));
    }
    Path file = scratch.resolve("papers.jsonl");
    JsonLinesFile.write(file, papers);
    String last = papers.get(papers.size() - 1).title();

    ChildPaperbot ingest =
        run("ingest", "--source", "file", file.toString(), "--data", data.toString());
    Thread.sleep(2_000 + new Random(SEED).nextInt(3_000)); // start-up takes about 2 s: mid-ingest
    ingest.kill();

    ChildPaperbot after = start("reader");
    try {
      after.send("/papers diffusion policy");
      assertThat(after.await("Papers for \"diffusion policy\"", 60))
          .as("the index opens after the kill")
          .isTrue();
    } finally {
      after.kill();
    }
    assertIndexMatchesDatabase();

    ChildPaperbot rerun =
        run("ingest", "--source", "file", file.toString(), "--data", data.toString());
    // A bound only against a hang, never a timing: title merges commit one by one (index and
    // database, each with
    // its fsyncs), and a loaded machine is slow.
    boolean finished = rerun.process().waitFor(30, TimeUnit.MINUTES);
    assertThat(finished)
        .as("the rerun finishes; the log ends:%n%s", finished ? "" : logTail() + threadDump(rerun))
        .isTrue();
    assertThat(rerun.process().exitValue()).isZero();

    assertIndexMatchesDatabase();
    ChildPaperbot done = start("reader");
    try {
      done.send("/paper " + SyntheticCorpus.id(papers.size() - 1));
      assertThat(done.await(last.substring(0, Math.min(40, last.length())), 60))
          .as("the last paper is in")
          .isTrue();
    } finally {
      done.kill();
    }
  }

  /**
   * Every paper in the database is in the index, and the other way round (both read as they are on
   * disk).
   */
  private void assertIndexMatchesDatabase() {
    try (Database database = Database.openDefault(data);
        LucenePaperIndex index =
            LucenePaperIndex.open(data.resolve("index"), QueryExpander.none(), TestBots.CLOCK)) {
      Set<String> archived = new HashSet<>();
      new JdbcPaperArchive(database.dataSource(), TestBots.CLOCK)
          .forEachBatch(1_000, batch -> batch.forEach(paper -> archived.add(paper.id())));
      Set<String> indexed = new HashSet<>();
      index.forEachBatch(1_000, batch -> batch.forEach(paper -> indexed.add(paper.id())));
      Set<String> onlyIndexed = new HashSet<>(indexed);
      onlyIndexed.removeAll(archived);
      Set<String> onlyArchived = new HashSet<>(archived);
      onlyArchived.removeAll(indexed);
      // The difference, not two lists of thousands of ids: what a failure needs to be understood.
      assertThat(onlyIndexed)
          .as("papers in the index and not in the database (%d indexed)", indexed.size())
          .isEmpty();
      assertThat(onlyArchived)
          .as("papers in the database and not in the index (%d archived)", archived.size())
          .isEmpty();
    }
  }
}
