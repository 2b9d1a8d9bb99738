package paperbot.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import paperbot.digest.DigestRunner;

/**
 * The figures of one benchmark run, each beside its raw-Lucene baseline and the ratio, as Markdown.
 */
public final class BenchReport {
  /** The targets hold at a million papers; smaller runs show them for orientation only. */
  static final int TARGET_SCALE = 1_000_000;

  private static final long ONE_GIB = 1L << 30;

  /**
   * One measured figure.
   *
   * @param ratio paperbot divided by the baseline (for throughput: paperbot's share of the
   *     baseline)
   * @param met whether the target holds; null when the figure has no target
   */
  public record Row(
      String measure, String ours, String raw, double ratio, String target, Boolean met) {}

  private final Benchmark.Settings settings;
  private final long maxHeap;
  private final LocalDate day;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  BenchReport(Benchmark.Settings settings, long maxHeap, LocalDate day) {
    this.settings = settings;
    this.day = day;
    this.maxHeap = maxHeap;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** True when every figure with a target meets it. */
  public boolean targetsMet() {
    return rows.stream().allMatch(row -> row.met() == null || row.met());
  }

  void note(String note) {
    notes.add(note);
  }

  void ingest(
      double oursPerSecond,
      double rawPerSecond,
      int threads,
      double bulkPerSecond,
      long oursBytes,
      long rawBytes) {
    double share = oursPerSecond / rawPerSecond;
    rows.add(
        new Row(
            "ingest and index, 1 thread each",
            format("%,.0f papers/s", oursPerSecond),
            format("%,.0f papers/s", rawPerSecond),
            share,
            "≥ 0.5x of raw",
            share >= 0.5));
    if (threads > 1) {
      rows.add(
          new Row(
              format("ingest: paperbot's bulk load on %d threads, raw loop on 1", threads),
              format("%,.0f papers/s", bulkPerSecond),
              format("%,.0f papers/s", rawPerSecond),
              bulkPerSecond / rawPerSecond,
              "",
              null));
    }
    rows.add(
        new Row(
            "index size on disk",
            megabytes(oursBytes),
            megabytes(rawBytes),
            oursBytes / (double) rawBytes,
            "",
            null));
  }

  /**
   * The database copy of the papers (the index is rebuilt from it); the raw loop has nothing like
   * it.
   */
  void archive(double perSecond, double indexPerSecond) {
    rows.add(
        new Row(
            "database copy of the papers (the index can be rebuilt from it)",
            format("%,.0f papers/s", perSecond),
            "",
            Double.NaN,
            "",
            null));
    rows.add(
        new Row(
            "ingest and index with the database copy, 1 thread",
            format("%,.0f papers/s", 1 / (1 / perSecond + 1 / indexPerSecond)),
            "",
            Double.NaN,
            "",
            null));
  }

  void startUp(double oursMillis, double rawMillis) {
    rows.add(
        new Row(
            "start-up to ready on the existing index (median of 3)",
            format("%,.0f ms", oursMillis),
            format("%,.0f ms", rawMillis),
            oursMillis / rawMillis,
            "< 5 s",
            oursMillis < 5_000));
  }

  void search(Samples ours, Samples raw, Map<String, Samples[]> perQuery) {
    latency("/papers <query>", ours, raw, 2, 3);
    StringBuilder slowest =
        new StringBuilder("slowest queries against their baseline (p50, paperbot / raw): ");
    perQuery.entrySet().stream()
        .sorted(
            java.util.Comparator.comparingDouble((Map.Entry<String, Samples[]> e) ->
                -e.getValue()[0].percentileMillis(50) / e.getValue()[1].percentileMillis(50)))
        .limit(5)
        .forEach(e ->
            slowest.append(
                format(
                    "\"%s\" %.2f / %.2f ms; ",
                    e.getKey(),
                    e.getValue()[0].percentileMillis(50),
                    e.getValue()[1].percentileMillis(50))));
    notes.add(slowest.toString().replaceAll("; $", ""));
  }

  /** Slack's limit is absolute: every ack within 3 s, whatever the baseline. */
  void slackAcks(Samples ours, Samples raw) {
    rows.add(
        withinDeadline(
            format(
                "Slack ack, %d signed /papers with %d in flight, p99",
                ours.size(), SlackAckBench.IN_FLIGHT),
            ours,
            raw,
            99));
    rows.add(withinDeadline("Slack ack, slowest", ours, raw, 100));
  }

  /** A burst of signed commands sent at once: every ack within Slack's 3 s. */
  void slackBurst(Samples ours, Samples raw) {
    rows.add(
        withinDeadline(
            format("Slack ack, a burst of %d signed /papers at once, slowest", ours.size()),
            ours,
            raw,
            100));
  }

  /**
   * Discord's limit is absolute: every interaction answered or deferred within 3 s of its creation,
   * and none left unanswered.
   */
  void discordAcks(DiscordAckBench.Result result) {
    Samples ours = result.ours();
    Samples raw = result.raw();
    rows.add(
        withinDeadline(
            format(
                "Discord callback after creation, a burst of %d /papers, p99",
                DiscordAckBench.BURST),
            ours,
            raw,
            99));
    Row slowest = withinDeadline("", ours, raw, 100);
    rows.add(
        new Row(
            format(
                "Discord callback, slowest (%d of %d unanswered)",
                result.unanswered(), DiscordAckBench.BURST),
            slowest.ours(),
            slowest.raw(),
            slowest.ratio(),
            "≤ 3,000 ms, none unanswered",
            slowest.met() && result.unanswered() == 0));
  }

  /** A row for a platform's 3-second deadline at one percentile: met when ours is within it. */
  private static Row withinDeadline(String measure, Samples ours, Samples raw, int percentile) {
    double mine = ours.percentileMillis(percentile);
    double base = raw.percentileMillis(percentile);
    return new Row(measure, millis(mine), millis(base), mine / base, "≤ 3,000 ms", mine <= 3_000);
  }

  void personal(Samples ours, Samples raw) {
    latency("personal /papers", ours, raw, 3, 0);
  }

  private void latency(String what, Samples ours, Samples raw, double p50Target, double p99Target) {
    double p50 = ours.percentileMillis(50) / raw.percentileMillis(50);
    double p99 = ours.percentileMillis(99) / raw.percentileMillis(99);
    rows.add(
        new Row(
            what + " p50 (" + ours.size() + " samples)",
            millis(ours.percentileMillis(50)),
            millis(raw.percentileMillis(50)),
            p50,
            "≤ " + trim(p50Target) + "x",
            p50 <= p50Target));
    rows.add(
        new Row(
            what + " p99",
            millis(ours.percentileMillis(99)),
            millis(raw.percentileMillis(99)),
            p99,
            p99Target > 0 ? "≤ " + trim(p99Target) + "x" : "",
            p99Target > 0 ? p99 <= p99Target : null));
  }

  void digests(
      int count,
      double oursSeconds,
      double rawSeconds,
      Map<DigestRunner.Outcome, AtomicInteger> outcomes) {
    double ratio = oursSeconds / rawSeconds;
    rows.add(
        new Row(
            format("digest fan-out: %,d member digests, %d threads", count, settings.threads()),
            format("%.2f s", oursSeconds),
            format("%.2f s", rawSeconds),
            ratio,
            "≤ 2x",
            ratio <= 2));
    notes.add(
        format(
            "digest outcomes: %d posted, %d quiet (every digest claimed its day, planned, posted once and "
                + "recorded)",
            outcomes.get(DigestRunner.Outcome.POSTED).get(),
            outcomes.get(DigestRunner.Outcome.QUIET).get()));
  }

  /** Synced commits against the old H2 default, which never synced: the price of durability. */
  void commits(CommitRate.Rates rates) {
    rows.add(
        new Row(
            "commits/s, one command each, 1 thread (baseline: old H2 default, not synced)",
            format("%,.0f /s", rates.ours()),
            format("%,.0f /s", rates.baseline()),
            rates.ours() / rates.baseline(),
            "",
            null));
    rows.add(
        new Row(
            format("commits/s, one command each, %d threads (baseline as above)", rates.threads()),
            format("%,.0f /s", rates.oursParallel()),
            format("%,.0f /s", rates.baselineParallel()),
            rates.oursParallel() / rates.baselineParallel(),
            "",
            null));
    notes.add(
        "commits: each is one /topics add's transaction; paperbot's is on disk (SQLite WAL, fsync) before it "
            + "returns, the baseline's (H2 MVStore, the old default) only handed to the file system");
  }

  void heap(long peakBytes) {
    boolean capped = maxHeap <= ONE_GIB + ONE_GIB / 16;
    rows.add(
        new Row(
            "heap: peak of the heap pools / -Xmx",
            megabytes(peakBytes) + " / " + megabytes(maxHeap),
            "",
            0,
            "runs with -Xmx1g",
            capped ? Boolean.TRUE : null));
    if (!capped) {
      notes.add("the heap target was not checked: run with PAPERBOT_JAVA_OPTS=-Xmx1g");
    }
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        format(
            "# paperbot bench: %,d papers, %,d members%n%n",
            settings.papers(), settings.members()));
    md.append(
        format(
            "%s · %d CPUs · Java %s · -Xmx %s · %d measured rounds after %d warm-up · seed %d%n%n",
            day,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            megabytes(maxHeap),
            settings.rounds(),
            Math.max(1, settings.rounds() / 3),
            settings.seed()));
    md.append(
        "| measure | paperbot | raw Lucene (or the named baseline) | ratio | target | met |\n"
            + "|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append("| ")
          .append(row.measure())
          .append(" | ")
          .append(row.ours())
          .append(" | ")
          .append(row.raw())
          .append(" | ")
          .append(row.raw().isEmpty() ? "" : format("%.2fx", row.ratio()))
          .append(" | ")
          .append(row.target())
          .append(" | ")
          .append(row.met() == null ? "" : row.met() ? "yes" : "**no**")
          .append(" |\n");
    }
    md.append('\n');
    if (settings.papers() < TARGET_SCALE) {
      md.append(
          format(
              "Targets are set for %,d papers; at this size they are for orientation only.%n%n",
              TARGET_SCALE));
    }
    notes.forEach(note -> md.append("- ").append(note).append('\n'));
    return md.toString();
  }

  private static String millis(double value) {
    return format("%.2f ms", value);
  }

  private static String megabytes(long bytes) {
    return format("%,.0f MB", bytes / 1048576.0);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
