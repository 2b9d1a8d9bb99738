package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.cli.CliRun;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.store.Database;

/**
 * {@code paperbot backup} in a child process, killed with SIGKILL halfway: nothing in paperbot is
 * hooked. The test holds the SQLite database's lock, so the child copies the index and then waits
 * for the database; that is where it dies. Before, the target held the index by then, and a killed
 * backup left a target that the next backup refused until it was deleted by hand.
 */
final class BackupKilledTest {
  private static final MemberKey ANA = new MemberKey("CONSOLE", "local", "ana");

  @TempDir Path data;
  @TempDir Path backups;

  @Test
  void aKilledBackupLeavesNoTargetAndTheNextBackupClearsWhatItLeft() throws Exception {
    try (Wiring wiring = TestBots.open(data)) {
      wiring.profiles().addTopic(ANA, "world models", 2);
    }
    int indexFiles;
    try (FSDirectory index = FSDirectory.open(data.resolve("index"))) {
      indexFiles = SegmentInfos.readLatestCommit(index).files(true).size();
    }
    Path target = backups.resolve("monday");
    Path partial = backups.resolve("monday.partial");

    try (Connection holder =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
        Statement statement = holder.createStatement()) {
      // Exclusive locking mode: the lock is on the file, so another process cannot even read.
      statement.execute("PRAGMA locking_mode=EXCLUSIVE");
      statement.execute("BEGIN EXCLUSIVE");
      ChildPaperbot child =
          ChildPaperbot.start(
              backups.resolve("child.log"),
              Map.of(),
              "backup",
              "--data",
              data.toString(),
              target.toString());
      try {
        // Either place: an older paperbot copied straight into the target.
        assertThat(
                awaitFiles(List.of(partial.resolve("index"), target.resolve("index")), indexFiles))
            .as("the child copied the index")
            .isTrue();
        assertThat(child.process().isAlive()).as("waiting for the database").isTrue();
        assertThat(target).as("not there until complete").doesNotExist();
      } finally {
        child.kill();
      }
      statement.execute("ROLLBACK");
    }
    assertThat(target).doesNotExist();
    assertThat(partial.resolve(WholeDirectory.LOCK_FILE)).exists();

    CliRun refused = CliRun.of("restore", "--data", data.toString(), partial.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains(partial + " is an unfinished backup")
        .contains("restore a finished one");
    assertThat(data.resolve(DataBackup.RESTORE_UNFINISHED)).doesNotExist();

    CliRun next = CliRun.of("backup", "--data", data.toString(), target.toString());
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out())
        .startsWith("removed an unfinished backup that a killed run left in " + partial + "\n")
        .contains("backed up the index");
    assertThat(partial).doesNotExist();
    assertThat(target.resolve(DataBackup.MANIFEST)).exists();
    assertThat(target.resolve(WholeDirectory.LOCK_FILE)).doesNotExist();

    try (Wiring wiring = TestBots.open(data)) {
      wiring.profiles().removeTopic(ANA, "world models");
    }
    CliRun restored = CliRun.of("restore", "--data", data.toString(), target.toString());
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    try (Wiring wiring = TestBots.open(data)) {
      assertThat(wiring.profiles().load(ANA).topics()).containsOnlyKeys("world models");
    }
  }

  /** A bounded poll, generous for a busy machine: true once one of the dirs holds the files. */
  private static boolean awaitFiles(List<Path> dirs, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.list(dir)) {
            if (files.count() >= count) {
              return true;
            }
          }
        }
      }
      Thread.sleep(20);
    }
    return false;
  }
}
