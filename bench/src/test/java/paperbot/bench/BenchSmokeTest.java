package paperbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.cli.CliRun;

/**
 * A small run of {@code paperbot bench} (10,000 papers), so the benchmark cannot rot. It checks
 * that every stage ran through paperbot's code and produced figures, never how fast they were:
 * timings belong in the report, not here.
 */
final class BenchSmokeTest {
  @TempDir Path dir;

  @Test
  void smallRunMeasuresEveryStageBesideItsBaseline() throws Exception {
    Path work = dir.resolve("work");
    Path report = dir.resolve("docs/report.md");
    CliRun run =
        CliRun.with(
            BenchCli::run,
            "--papers",
            "10000",
            "--members",
            "60",
            "--rounds",
            "2",
            "--work",
            work.toString(),
            "--report",
            report.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String markdown = Files.readString(report);
    assertThat(run.out()).isEqualTo(markdown);
    assertThat(markdown).contains("# paperbot bench: 10,000 papers, 60 members");
    for (String measure :
        List.of(
            "ingest and index, 1 thread each",
            "index size on disk",
            "start-up to ready",
            "/papers <query> p50",
            "/papers <query> p99",
            "personal /papers p50",
            "personal /papers p99",
            "digest fan-out: 60 member digests, 2 threads",
            "commits/s, one command each, 1 thread",
            "commits/s, one command each, 2 threads",
            "Slack ack, 600 signed /papers with 32 in flight, p99",
            "Slack ack, slowest")) {
      Matcher row =
          Pattern.compile(
                  "\\| "
                      + Pattern.quote(measure)
                      + "[^|]*\\| ([^|]+) \\| ([^|]+) \\| ([0-9.]+)x \\|")
              .matcher(markdown);
      assertThat(row.find()).as("row for " + measure + " in\n" + markdown).isTrue();
      assertThat(Double.parseDouble(row.group(3))).as(measure + " ratio").isPositive().isFinite();
    }
    // Every member digest was claimed, planned and posted exactly once.
    Matcher outcomes =
        Pattern.compile("digest outcomes: (\\d+) posted, (\\d+) quiet").matcher(markdown);
    assertThat(outcomes.find()).isTrue();
    assertThat(Integer.parseInt(outcomes.group(1)) + Integer.parseInt(outcomes.group(2)))
        .isEqualTo(60);
    // Samples: 30 queries x 2 rounds, and 60 sampled members x 2 rounds.
    assertThat(markdown)
        .contains("/papers <query> p50 (60 samples)")
        .contains("personal /papers p50 (120 samples)");
    assertThat(run.err()).contains("ingest paperbot").contains("start-up to ready");
    assertThat(Files.exists(work.resolve("report.md"))).isTrue();
  }

  @Test
  void refusesADirectoryItDidNotMakeAndBadSizes() throws Exception {
    Path precious = dir.resolve("precious");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("thesis.tex"), "do not delete");

    CliRun refused =
        CliRun.with(
            BenchCli::run, "--papers", "1000", "--members", "5", "--work", precious.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("not made by paperbot bench");
    assertThat(Files.readString(precious.resolve("thesis.tex"))).isEqualTo("do not delete");

    CliRun tooSmall =
        CliRun.with(BenchCli::run, "--papers", "10", "--work", dir.resolve("w").toString());
    assertThat(tooSmall.exitCode()).isEqualTo(2);
    assertThat(tooSmall.err()).contains("--papers must be 1000-5000000");
  }
}
