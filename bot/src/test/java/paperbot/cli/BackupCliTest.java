package paperbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.app.TestBots;
import paperbot.app.Wiring;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.profile.MemberKey;

/** {@code paperbot backup} and {@code restore} on a real data directory: what was backed up comes back, exactly. */
final class BackupCliTest {
  private static final MemberKey ANA = new MemberKey("CONSOLE", "local", "ana");

  @TempDir Path data;
  @TempDir Path backups;

  private record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context = new CliContext(TestBots.REPO, new BufferedReader(new StringReader("")),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), false, TestBots.CLOCK);
    int code = Cli.run(context, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aRestoreBringsBackTheProfilesAndThePapersOfTheBackup() throws Exception {
    long papers;
    try (Wiring wiring = TestBots.open(data)) {
      wiring.profiles().addTopic(ANA, "world models", 2);
      papers = wiring.index().size();
    }
    Path backup = backups.resolve("monday");
    Run backedUp = run("backup", "--data", data.toString(), backup.toString());
    assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
    assertThat(backedUp.out()).contains("backed up the index").contains("the database");

    try (Wiring wiring = TestBots.open(data)) {
      wiring.profiles().removeTopic(ANA, "world models");
      wiring.profiles().addTopic(ANA, "after the backup", 1);
      wiring.index().upsert(List.of(new Paper("2611.99999", "A Paper Added After The Backup", List.of(), "Words.",
          List.of("Ana Li"), false, 1, null, false, 0, List.of(), null, List.of(),
          List.of(new SourceRecord("test", 0, "file")))));
      assertThat(wiring.index().size()).isEqualTo(papers + 1);
    }

    Run restored = run("restore", "--data", data.toString(), backup.toString());
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    try (Wiring wiring = TestBots.open(data)) {
      assertThat(wiring.profiles().load(ANA).topics()).containsOnlyKeys("world models");
      assertThat(wiring.index().size()).isEqualTo(papers);
      assertThat(wiring.index().get("2611.99999")).isEmpty();
    }
  }

  @Test
  void aRunningBotIsNotBackedUpUnderItsFeetAndBadTargetsAreRefused() throws Exception {
    try (Wiring running = TestBots.open(data)) {
      Run refused = run("backup", "--data", data.toString(), backups.resolve("b").toString());
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err()).contains("in use by a running paperbot; stop it first");
    }
    Files.writeString(backups.resolve("notes.txt"), "mine");
    Run notEmpty = run("backup", "--data", data.toString(), backups.toString());
    assertThat(notEmpty.exitCode()).isEqualTo(1);
    assertThat(notEmpty.err()).contains("is not empty");
    Run notABackup = run("restore", "--data", data.toString(), backups.toString());
    assertThat(notABackup.exitCode()).isEqualTo(1);
    assertThat(notABackup.err()).contains("is not a paperbot backup");
    assertThat(Files.readString(backups.resolve("notes.txt"))).isEqualTo("mine");
  }
}
