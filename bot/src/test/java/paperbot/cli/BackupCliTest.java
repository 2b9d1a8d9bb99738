package paperbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.app.LogCapture;
import paperbot.app.TestBots;
import paperbot.app.Wiring;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.profile.MemberKey;

/**
 * {@code paperbot backup} and {@code restore} on a real data directory: what was backed up comes
 * back, exactly.
 */
final class BackupCliTest {
  private static final MemberKey ANA = new MemberKey("CONSOLE", "local", "ana");

  @TempDir Path data;
  @TempDir Path backups;

  @Test
  void aRestoreBringsBackTheProfilesAndThePapersOfTheBackup() throws Exception {
    long papers;
    try (Wiring wiring = TestBots.open(data)) {
      wiring.profiles().addTopic(ANA, "world models", 2);
      papers = wiring.index().size();
    }
    Path backup = backups.resolve("monday");
    CliRun backedUp = CliRun.of("backup", "--data", data.toString(), backup.toString());
    assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
    assertThat(backedUp.out()).contains("backed up the index").contains("the database");

    try (Wiring wiring = TestBots.open(data)) {
      wiring.profiles().removeTopic(ANA, "world models");
      wiring.profiles().addTopic(ANA, "after the backup", 1);
      wiring
          .corpus()
          .upsert(
              List.of(
                  new Paper(
                      "2611.99999",
                      "A Paper Added After The Backup",
                      List.of(),
                      "Words.",
                      List.of("Ana Li"),
                      false,
                      1,
                      null,
                      false,
                      0,
                      List.of(),
                      null,
                      List.of(),
                      List.of(new SourceRecord("test", 0, "file")))));
      assertThat(wiring.index().size()).isEqualTo(papers + 1);
    }

    CliRun restored = CliRun.of("restore", "--data", data.toString(), backup.toString());
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    try (Wiring wiring = TestBots.open(data)) {
      assertThat(wiring.profiles().load(ANA).topics()).containsOnlyKeys("world models");
      assertThat(wiring.index().size()).isEqualTo(papers);
      assertThat(wiring.index().get("2611.99999")).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("try") // the running bot is only held open, as a live process would be
  void aRunningBotIsNotBackedUpUnderItsFeetAndBadTargetsAreRefused() throws Exception {
    try (Wiring running = TestBots.open(data)) {
      CliRun refused =
          CliRun.of("backup", "--data", data.toString(), backups.resolve("b").toString());
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err()).contains("in use by a running paperbot; stop it first");
    }
    Files.writeString(backups.resolve("notes.txt"), "mine");
    CliRun notEmpty = CliRun.of("backup", "--data", data.toString(), backups.toString());
    assertThat(notEmpty.exitCode()).isEqualTo(1);
    assertThat(notEmpty.err()).contains("is not empty");
    CliRun notABackup = CliRun.of("restore", "--data", data.toString(), backups.toString());
    assertThat(notABackup.exitCode()).isEqualTo(1);
    assertThat(notABackup.err()).contains("is not a paperbot backup");
    assertThat(Files.readString(backups.resolve("notes.txt"))).isEqualTo("mine");
    CliRun nothing =
        CliRun.of(
            "backup",
            "--data",
            backups.resolve("never-started").toString(),
            backups.resolve("c").toString());
    assertThat(nothing.exitCode()).isEqualTo(1);
    assertThat(nothing.err()).contains("has no index yet");
  }

  /**
   * With no bot running, a tool that only reads (a search, an export) holds the index's writer for
   * a moment to bring the index up to date. A backup or restore started then waits for it, as the
   * bot, {@code ingest} and {@code reindex} wait, and then runs: it stopped at once before, saying
   * a paperbot was running.
   */
  @Test
  void aBackupAndARestoreStartedBesideAReadingToolWaitForItAndRun() throws Exception {
    TestBots.open(data).close();
    Path backup = backups.resolve("monday");
    CliRun backedUp = besideAReadingTool("backup", backup);
    assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
    assertThat(backedUp.out()).contains("backed up the index");
    CliRun restored = besideAReadingTool("restore", backup);
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    assertThat(restored.out()).startsWith("restored the index and the database");
  }

  /**
   * Runs {@code paperbot COMMAND DIR} while the locks are held as a reading tool holds them (its
   * own lock, then the index's writer), and lets go of them once the command says it waits.
   */
  @SuppressWarnings("try") // the tool's locks are only held
  private CliRun besideAReadingTool(String command, Path dir) throws Exception {
    try (LogCapture logs = LogCapture.start();
        FSDirectory dataDir = FSDirectory.open(data);
        FSDirectory index = FSDirectory.open(data.resolve("index"));
        ExecutorService running = Executors.newSingleThreadExecutor()) {
      Future<CliRun> run;
      try (Lock readingTool = dataDir.obtainLock(READING_TOOL_LOCK);
          Lock heldByTheTool = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
        run = running.submit(() -> CliRun.of(command, "--data", data.toString(), dir.toString()));
        for (long polls = 0; !saysItWaits(logs); polls++) {
          assertThat(run.isDone()).as(command + " gave up instead of waiting").isFalse();
          assertThat(polls).as(command + " never said it waits").isLessThan(6_000);
          Thread.sleep(10);
        }
      }
      return run.get(2, TimeUnit.MINUTES);
    }
  }

  /**
   * Another writer holds the data directory's lock (a running bot), or the index's writer without
   * the reading tools' lock (a paperbot too old to take the data directory's lock): a backup or a
   * restore is refused at once, without waiting.
   */
  @Test
  @SuppressWarnings("try") // the other writers' locks are only held
  void besideAnotherWriterABackupAndARestoreAreRefusedAtOnce() throws Exception {
    TestBots.open(data).close();
    Path backup = backups.resolve("monday");
    assertThat(CliRun.of("backup", "--data", data.toString(), backup.toString()).exitCode())
        .isZero();
    try (LogCapture logs = LogCapture.start()) {
      try (Wiring running = TestBots.open(data)) {
        CliRun refused = CliRun.of("restore", "--data", data.toString(), backup.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("in use by a running paperbot; stop it first");
      }
      try (FSDirectory index = FSDirectory.open(data.resolve("index"));
          Lock heldByAnOldBot = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
        for (String command : List.of("backup", "restore")) {
          Path dir = command.equals("backup") ? backups.resolve("tuesday") : backup;
          CliRun refused = CliRun.of(command, "--data", data.toString(), dir.toString());
          assertThat(refused.exitCode()).as(command).isEqualTo(1);
          assertThat(refused.err()).contains("in use by a running paperbot; stop it first");
        }
      }
      assertThat(saysItWaits(logs)).as("waited for a reading tool that is not there").isFalse();
    }
  }

  private static boolean saysItWaits(LogCapture logs) {
    return logs.lines().stream().anyMatch(line -> line.contains("waiting for it"));
  }

  /** The lock a reading tool holds while it holds the index's writer (ReadingToolLock). */
  private static final String READING_TOOL_LOCK = "reading-tool.lock";

  /**
   * A restore deletes the live database before it renames the backup's copy into place; a kill
   * between the two left no database, and the next start silently made a new, empty one (every
   * profile and digest gone, the index restored). Found by killing {@code paperbot restore} at
   * random; a kill during its index copy left an index the next start could not open.
   */
  @Test
  void aRestoreCutShortIsRefusedAtTheNextStartUntilARestoreFinishesIt() throws Exception {
    try (Wiring wiring = TestBots.open(data)) {
      wiring.profiles().addTopic(ANA, "world models", 2);
    }
    Path good = backups.resolve("good");
    assertThat(CliRun.of("backup", "--data", data.toString(), good.toString()).exitCode()).isZero();
    // An older paperbot's H2 backup whose zip holds no database stops the restore after it has
    // replaced the index and deleted the live database: where a kill left it.
    Path cutShort = Files.createDirectories(backups.resolve("h2").resolve("index"));
    try (Stream<Path> files = Files.list(good.resolve("index"))) {
      for (Path file : files.toList()) {
        Files.copy(file, cutShort.resolve(file.getFileName()));
      }
    }
    Path h2 = cutShort.getParent();
    Files.copy(good.resolve("paperbot-backup.txt"), h2.resolve("paperbot-backup.txt"));
    Files.writeString(h2.resolve("paperbot-db.zip"), "not a zip");

    CliRun cut = CliRun.of("restore", "--data", data.toString(), h2.toString());
    assertThat(cut.exitCode()).isEqualTo(1);
    assertThat(data.resolve("paperbot.db")).doesNotExist();

    assertThatThrownBy(() -> TestBots.open(data).close())
        .hasMessageContaining("a restore from " + h2 + " was cut short")
        .hasMessageContaining("paperbot restore " + h2);
    assertThat(data.resolve("paperbot.db")).as("no empty database made").doesNotExist();
    CliRun search = CliRun.of("search", "--data", data.toString(), "world models");
    assertThat(search.exitCode()).isEqualTo(1);
    assertThat(search.err()).contains("was cut short");

    CliRun finished = CliRun.of("restore", "--data", data.toString(), good.toString());
    assertThat(finished.exitCode()).as(finished.err()).isZero();
    try (Wiring wiring = TestBots.open(data)) {
      assertThat(wiring.profiles().load(ANA).topics()).containsOnlyKeys("world models");
    }
  }

  /**
   * A copy that fails halfway (here an index file of the commit has gone missing) leaves nothing:
   * no target that looks like a backup, and no partial directory beside it.
   */
  @Test
  void aBackupThatFailsHalfwayLeavesNoTargetAndNothingBesideIt() throws Exception {
    TestBots.open(data).close();
    Path index = data.resolve("index");
    List<String> order;
    try (FSDirectory directory = FSDirectory.open(index)) {
      order = List.copyOf(SegmentInfos.readLatestCommit(directory).files(true));
    }
    // The last file the backup copies that reading the commit does not need itself.
    String missing =
        order.reversed().stream()
            .filter(file -> !file.startsWith("segments") && !file.endsWith(".si"))
            .findFirst()
            .orElseThrow();
    assertThat(order.indexOf(missing)).as("files are copied before it").isPositive();
    Files.delete(index.resolve(missing));

    Path target = backups.resolve("monday");
    CliRun failed = CliRun.of("backup", "--data", data.toString(), target.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains(missing);
    try (Stream<Path> left = Files.list(backups)) {
      assertThat(left).as("no target, no partial directory").isEmpty();
    }
  }

  @Test
  void aBackupGoesIntoAnEmptyDirectoryMadeForItButNotIntoAFile() throws Exception {
    TestBots.open(data).close();
    Path made = Files.createDirectory(backups.resolve("tuesday"));
    CliRun backedUp = CliRun.of("backup", "--data", data.toString(), made.toString());
    assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
    assertThat(made.resolve("paperbot-backup.txt")).exists();
    assertThat(made.resolve("index")).isDirectory();
    assertThat(made.resolve("partial.lock")).doesNotExist();

    Path file = Files.writeString(backups.resolve("notes.txt"), "mine");
    CliRun intoAFile = CliRun.of("backup", "--data", data.toString(), file.toString());
    assertThat(intoAFile.exitCode()).isEqualTo(1);
    assertThat(intoAFile.err()).contains(file + " is a file; back up into a new directory");
    assertThat(file).hasContent("mine");
  }

  /**
   * What is beside the target under its {@code .partial} name is removed only when a dead backup
   * left it: an empty one (killed before its lock file), not one whose lock a live backup holds,
   * and not a directory paperbot did not make.
   */
  @Test
  void onlyADeadBackupsLeftoverIsRemoved() throws Exception {
    TestBots.open(data).close();
    Path empty = Files.createDirectory(backups.resolve("friday.partial"));
    CliRun afterEmpty =
        CliRun.of("backup", "--data", data.toString(), backups.resolve("friday").toString());
    assertThat(afterEmpty.exitCode()).as(afterEmpty.err()).isZero();
    assertThat(afterEmpty.out()).startsWith("removed an unfinished backup");
    assertThat(empty).doesNotExist();

    Path busy = Files.createDirectories(backups.resolve("saturday.partial").resolve("index"));
    Files.writeString(busy.resolve("_0.cfs"), "being written");
    try (FileChannel lock =
            FileChannel.open(
                busy.resolveSibling("partial.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      CliRun running =
          CliRun.of("backup", "--data", data.toString(), backups.resolve("saturday").toString());
      assertThat(running.exitCode()).isEqualTo(1);
      assertThat(running.err())
          .contains("another backup into " + backups.resolve("saturday") + " is running");
      assertThat(held.isValid()).isTrue();
    }
    assertThat(busy.resolve("_0.cfs")).hasContent("being written");

    Path mine = Files.createDirectory(backups.resolve("sunday.partial"));
    Files.writeString(mine.resolve("notes.txt"), "mine");
    CliRun inTheWay =
        CliRun.of("backup", "--data", data.toString(), backups.resolve("sunday").toString());
    assertThat(inTheWay.exitCode()).isEqualTo(1);
    assertThat(inTheWay.err())
        .contains(mine + " is in the way and is not an unfinished paperbot backup");
    assertThat(mine.resolve("notes.txt")).hasContent("mine");
    assertThat(backups.resolve("sunday")).doesNotExist();
  }

  /**
   * Dated targets differ from run to run, so a killed backup's leftover has another name than the
   * next backup's target: it is removed all the same, unless a running backup holds it.
   */
  @Test
  void aKilledBackupIntoAnotherTargetOfTheFolderIsRemovedByTheNext() throws Exception {
    TestBots.open(data).close();
    Path killed = Files.createDirectories(backups.resolve("2026-11-30.partial").resolve("index"));
    Files.writeString(killed.resolve("_0.cfs"), "half written");
    Files.writeString(killed.resolveSibling("partial.lock"), "");
    Path busy = Files.createDirectories(backups.resolve("2026-11-29.partial"));
    Path unrelated = Files.createDirectories(backups.resolve("thesis.partial"));
    try (FileChannel lock =
            FileChannel.open(
                busy.resolve("partial.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      CliRun next =
          CliRun.of("backup", "--data", data.toString(), backups.resolve("2026-12-01").toString());
      assertThat(next.exitCode()).as(next.err()).isZero();
      assertThat(next.out())
          .contains(
              "removed an unfinished backup that a killed run left in " + killed.getParent() + "\n")
          .doesNotContain(busy.toString())
          .doesNotContain(unrelated.toString());
      assertThat(held.isValid()).isTrue();
    }
    assertThat(killed.getParent()).doesNotExist();
    assertThat(busy.resolve("partial.lock")).exists();
    assertThat(unrelated).exists();
    assertThat(backups.resolve("2026-12-01").resolve("paperbot-backup.txt")).exists();
  }
}
