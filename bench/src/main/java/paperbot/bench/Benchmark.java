package paperbot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import paperbot.app.BotConfig;
import paperbot.app.Wiring;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;
import paperbot.digest.DigestRunner;
import paperbot.recommender.corpus.IndexSync;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.ingest.SeedCorpus;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.search.LucenePaperIndex;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcPaperArchive;

/**
 * paperbot's hot paths at scale, each beside a raw-Lucene baseline measured in the same run on the
 * same index: ingest, start-up, {@code /papers <query>}, personal {@code /papers}, and the digest
 * fan-out. Everything goes through paperbot's own code (the command core to a {@link Reply}, the
 * digest runner to an outbox), with no platform I/O. Ours and the baseline alternate, so a noisy
 * neighbour slows both.
 */
public final class Benchmark {
  /** The fixed query set: single words, abbreviations that expand, and multi-word queries. */
  static final List<String> QUERIES =
      List.of(
          "diffusion",
          "offline rl",
          "offline reinforcement learning",
          "rlhf reward model",
          "gflownet",
          "sim-to-real robot",
          "vla",
          "llm reasoning",
          "chain of thought",
          "behavior cloning",
          "diffusion policy",
          "mcts",
          "humanoid locomotion",
          "world model",
          "dpo",
          "grpo math reasoning",
          "multi-agent rl",
          "imitation learning from demonstrations",
          "vision language model",
          "reward hacking",
          "in-context learning",
          "mixture of experts",
          "model-based rl",
          "policy gradient",
          "transformer",
          "video generation",
          "test-time scaling",
          "tool use agents",
          "curriculum learning",
          "lora fine-tuning");

  /** How many members the personal /papers latency is sampled over. */
  static final int PERSONAL_MEMBERS = 100;

  private static final int BATCH = 5_000;
  private static final String WORKSPACE = "bench";
  private static final String MARKER = ".paperbot-bench";

  /**
   * @param papers corpus size
   * @param members synthetic members, each with a daily member digest
   * @param rounds measured passes over the query set and the sampled members
   * @param threads digest fan-out threads (as many as Quartz runs jobs on)
   * @param seed generator seed
   */
  public record Settings(int papers, int members, int rounds, int threads, long seed) {}

  private final BotConfig config;
  private final Settings settings;
  private final Path work;
  private final PrintStream progress;
  private final Clock clock;
  private final QueryExpander expander;

  /**
   * @param config paperbot's settings; the bench uses only its seeds and expansions, and its own
   *     data under work
   */
  public Benchmark(
      BotConfig config, Settings settings, Path work, PrintStream progress, Clock clock) {
    this.work = work.toAbsolutePath().normalize();
    this.config = config.forBenchmark(this.work.resolve("data"));
    this.settings = settings;
    this.progress = progress;
    // One instant for the whole run, so the synthetic corpus and the ranking's recency agree
    // throughout.
    this.clock = Clock.fixed(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    this.expander = QueryExpander.load(this.config.expansionsFile());
  }

  public BenchReport run() throws Exception {
    resetPeakHeap();
    clearWorkDirectory();
    BenchReport report =
        new BenchReport(settings, Runtime.getRuntime().maxMemory(), LocalDate.now(clock));
    LocalDate today = LocalDate.now(clock);
    SyntheticCorpus corpus =
        new SyntheticCorpus(
            SeedCorpus.load(config.seedsDir(), clock).papers(), settings.seed(), today);
    SyntheticMembers members = new SyntheticMembers(settings.seed(), settings.papers());
    report.note(
        "corpus material: " + corpus.material() + " from " + config.seedsDir().getFileName());

    ingest(corpus, report);
    setUpMembers(members);
    startUp(report);
    try (Wiring wiring = Wiring.open(config, clock, false);
        FSDirectory directory = FSDirectory.open(indexDir());
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher raw = new IndexSearcher(reader);
      search(wiring, raw, report);
      personal(wiring, raw, members, report);
      digests(wiring, raw, members, today, report);
      progress.printf(
          "commits: %,d single-command commits on paperbot's database and on the old H2 default...%n",
          CommitRate.COMMITS);
      report.commits(
          CommitRate.measure(
              wiring.profiles(), work.resolve("h2-baseline"), clock, settings.threads()));
      progress.println(
          "slack acks: "
              + SlackAckBench.COMMANDS
              + " signed /papers, "
              + SlackAckBench.IN_FLIGHT
              + " in flight");
      Samples[] acks = new SlackAckBench(wiring.router(), wiring.deliveries()).run();
      report.slackAcks(acks[0], acks[1]);
      report.slackBurst(acks[2], acks[3]);
      progress.println(
          "discord callbacks: a burst of "
              + DiscordAckBench.BURST
              + " /papers interactions on the loopback Discord");
      report.discordAcks(new DiscordAckBench(wiring.router()).run());
    }
    report.heap(peakHeapBytes());
    Files.writeString(work.resolve("report.md"), report.markdown());
    return report;
  }

  // ---- ingest
  // -------------------------------------------------------------------------------------------------

  private void ingest(SyntheticCorpus corpus, BenchReport report) throws IOException {
    Path rawDir = work.resolve("raw-index");
    long rawNanos;
    try (RawLucene.Writer writer = new RawLucene.Writer(rawDir)) {
      rawNanos = load(corpus, "raw Lucene", writer::add, writer::commit);
    }
    long rawBytes = sizeOf(rawDir);
    deleteRecursively(rawDir);
    // Like for like first: paperbot on one thread (into a scratch index when its bulk load uses
    // more).
    int threads = LucenePaperIndex.BulkLoad.DEFAULT_THREADS;
    Path scratch = work.resolve("one-thread-index");
    long oneThread = paperbotLoad(corpus, threads == 1 ? indexDir() : scratch, 1);
    long bulk = oneThread;
    if (threads > 1) {
      deleteRecursively(scratch);
      bulk = paperbotLoad(corpus, indexDir(), threads);
    }
    report.ingest(
        settings.papers() / (oneThread / 1e9),
        settings.papers() / (rawNanos / 1e9),
        threads,
        settings.papers() / (bulk / 1e9),
        sizeOf(indexDir()),
        rawBytes);
    report.archive(
        settings.papers() / (archiveLoad() / 1e9), settings.papers() / (oneThread / 1e9));
  }

  /**
   * Copies the indexed papers into the database, as the bot does for an index without its copy, and
   * returns the nanoseconds it took. The bulk load above is the index alone; live ingest writes
   * both.
   */
  private long archiveLoad() {
    try (Database database = Database.openDefault(config.dataDir())) {
      LucenePaperIndex index = LucenePaperIndex.open(indexDir(), expander, clock);
      try {
        progress.printf("database copy of %,d papers...%n", index.size());
        long began = System.nanoTime();
        new IndexSync(new JdbcPaperArchive(database.dataSource(), clock), index, clock).reconcile();
        return System.nanoTime() - began;
      } finally {
        index.close();
      }
    }
  }

  /**
   * paperbot's own bulk load on {@code threads} threads; returns the nanoseconds spent indexing.
   */
  private long paperbotLoad(SyntheticCorpus corpus, Path dir, int threads) throws IOException {
    LucenePaperIndex index = LucenePaperIndex.open(dir, expander, clock);
    try (LucenePaperIndex.BulkLoad load = index.startBulkLoad(threads)) {
      // The seed fingerprint marks this index current, so the bot opens it as it is instead of
      // re-ingesting seeds.
      return load(
          corpus,
          "paperbot/" + threads,
          load::add,
          () -> load.commit(SeedCorpus.fingerprint(config.seedsDir())));
    } finally {
      index.close();
    }
  }

  private interface BatchSink {
    void add(List<Paper> batch) throws IOException;
  }

  private interface Commit {
    void run() throws IOException;
  }

  /** Feeds the corpus in batches; only the indexing is timed, not making the papers. */
  private long load(SyntheticCorpus corpus, String who, BatchSink sink, Commit commit)
      throws IOException {
    long timed = 0;
    int reported = 0;
    for (int start = 0; start < settings.papers(); start += BATCH) {
      List<Paper> batch = new ArrayList<>(BATCH);
      for (int i = start; i < Math.min(settings.papers(), start + BATCH); i++) {
        batch.add(corpus.paper(i));
      }
      long began = System.nanoTime();
      sink.add(batch);
      timed += System.nanoTime() - began;
      int done = start + batch.size();
      if (done * 10L / settings.papers() > reported) {
        reported = (int) (done * 10L / settings.papers());
        progress.printf(
            "ingest %-10s %,d/%,d papers (%,.0f papers/s)%n",
            who, done, settings.papers(), done / (timed / 1e9));
      }
    }
    long began = System.nanoTime();
    commit.run();
    return timed + System.nanoTime() - began;
  }

  // ---- members and their digests
  // ------------------------------------------------------------------------------

  private void setUpMembers(SyntheticMembers members) throws Exception {
    // The first start after the subscriptions exist schedules their triggers; it is set-up, not
    // start-up.
    LocalTime at =
        LocalTime.now(clock)
            .minusHours(2)
            .truncatedTo(ChronoUnit.MINUTES); // never fires during the run
    try (Wiring wiring = Wiring.open(config, clock, false)) {
      ProfileStore profiles = wiring.profiles();
      AtomicInteger done = new AtomicInteger();
      parallel(
          settings.members(),
          settings.threads(),
          j -> {
            SyntheticMembers.Member member = members.member(j);
            MemberKey key = new MemberKey(Platform.CONSOLE.name(), WORKSPACE, member.user());
            member.topics().forEach((topic, weight) -> profiles.addTopic(key, topic, weight));
            member.mutes().forEach(mute -> profiles.mute(key, mute));
            profiles.markSeen(key, member.seen());
            for (String liked : member.liked()) {
              profiles.recordFeedback(key, liked, Feedback.LIKE, wiring.index().likeTerms(liked));
            }
            wiring
                .digestStore()
                .save(
                    new Subscription(
                        0,
                        Platform.CONSOLE.name(),
                        WORKSPACE,
                        member.user(),
                        Subscription.Kind.MEMBER,
                        member.user(),
                        at,
                        ZoneOffset.UTC,
                        EnumSet.allOf(DayOfWeek.class),
                        List.of(),
                        5,
                        null));
            int count = done.incrementAndGet();
            if (count % Math.max(1, settings.members() / 5) == 0) {
              progress.printf(
                  "members %,d/%,d profiles and digest subscriptions stored%n",
                  count, settings.members());
            }
          });
    }
    try (Wiring scheduled = Wiring.open(config, clock, true)) {
      progress.printf(
          "members %,d digest triggers scheduled%n", scheduled.digestStore().all().size());
    }
  }

  // ---- start-up
  // -----------------------------------------------------------------------------------------------

  private void startUp(BenchReport report) throws IOException {
    Samples ours = new Samples();
    Samples raw = new Samples();
    for (int run = 0; run < 3; run++) {
      long began = System.nanoTime();
      try (Wiring wiring = Wiring.open(config, clock, true)) {
        requireCards(wiring.router().handle(searchRequest("diffusion")), "diffusion");
        ours.add(System.nanoTime() - began);
      }
      began = System.nanoTime();
      try (FSDirectory directory = FSDirectory.open(indexDir());
          DirectoryReader reader = DirectoryReader.open(directory)) {
        new IndexSearcher(reader).search(RawLucene.words(expander, "diffusion"), 10);
        raw.add(System.nanoTime() - began);
      }
    }
    report.startUp(ours.percentileMillis(50), raw.percentileMillis(50));
    progress.printf(
        "start-up to ready: %.0f ms (raw Lucene reader %.0f ms)%n",
        ours.percentileMillis(50), raw.percentileMillis(50));
  }

  // ---- /papers <query>
  // ----------------------------------------------------------------------------------------

  private void search(Wiring wiring, IndexSearcher raw, BenchReport report) throws IOException {
    Samples ours = new Samples();
    Samples baseline = new Samples();
    Map<String, Samples[]> perQuery = new java.util.LinkedHashMap<>();
    QUERIES.forEach(query -> perQuery.put(query, new Samples[] {new Samples(), new Samples()}));
    Random order = new Random(settings.seed());
    List<String> queries = new ArrayList<>(QUERIES);
    for (int round = -warmUpRounds(); round < settings.rounds(); round++) {
      Collections.shuffle(queries, order);
      for (int q = 0; q < queries.size(); q++) {
        String query = queries.get(q);
        boolean oursFirst = (round + q) % 2 == 0;
        for (int turn = 0; turn < 2; turn++) {
          long began = System.nanoTime();
          if (oursFirst == (turn == 0)) {
            Reply reply = wiring.router().handle(searchRequest(query));
            record(round, ours, began);
            record(round, perQuery.get(query)[0], began);
            requireCards(reply, query);
          } else {
            raw.search(RawLucene.words(expander, query), 10);
            record(round, baseline, began);
            record(round, perQuery.get(query)[1], began);
          }
        }
      }
      progressRound("/papers <query>", round);
    }
    report.search(ours, baseline, perQuery);
  }

  private static ChatRequest searchRequest(String query) {
    return new ChatRequest(
        Platform.CONSOLE, WORKSPACE, "bench-channel", "searcher", "papers", query);
  }

  // ---- personal /papers
  // ---------------------------------------------------------------------------------------

  private void personal(
      Wiring wiring, IndexSearcher raw, SyntheticMembers members, BenchReport report)
      throws IOException {
    Samples ours = new Samples();
    Samples baseline = new Samples();
    Random order = new Random(settings.seed());
    List<Integer> sampled = new ArrayList<>();
    for (int j = 0; j < Math.min(PERSONAL_MEMBERS, settings.members()); j++) {
      sampled.add(j);
    }
    for (int round = -warmUpRounds(); round < settings.rounds(); round++) {
      Collections.shuffle(sampled, order);
      for (int s = 0; s < sampled.size(); s++) {
        SyntheticMembers.Member member = members.member(sampled.get(s));
        boolean oursFirst = (round + s) % 2 == 0;
        for (int turn = 0; turn < 2; turn++) {
          long began = System.nanoTime();
          if (oursFirst == (turn == 0)) {
            Reply reply =
                wiring
                    .router()
                    .handle(
                        new ChatRequest(
                            Platform.CONSOLE,
                            WORKSPACE,
                            "bench-channel",
                            member.user(),
                            "papers",
                            ""));
            record(round, ours, began);
            if (reply.text().startsWith("You have no topics")) {
              throw new IllegalStateException("member " + member.user() + " lost their profile");
            }
          } else {
            raw.search(RawLucene.profile(expander, member.topics()), 10);
            record(round, baseline, began);
          }
        }
      }
      progressRound("personal /papers", round);
    }
    report.personal(ours, baseline);
  }

  // ---- digest fan-out
  // -----------------------------------------------------------------------------------------

  private void digests(
      Wiring wiring,
      IndexSearcher raw,
      SyntheticMembers members,
      LocalDate today,
      BenchReport report)
      throws Exception {
    Map<DigestRunner.Outcome, AtomicInteger> outcomes = new EnumMap<>(DigestRunner.Outcome.class);
    for (DigestRunner.Outcome outcome : DigestRunner.Outcome.values()) {
      outcomes.put(outcome, new AtomicInteger());
    }
    AtomicInteger posted = new AtomicInteger();
    wiring
        .outboxes()
        .register(
            Platform.CONSOLE,
            (workspace, destination, toMember, reply, key) -> {
              posted.incrementAndGet();
              return PostResult.POSTED;
            });
    List<Subscription> subscriptions = wiring.digestStore().all();
    // Warm-up composes without claiming or recording, so the measured run still posts every digest
    // once.
    parallel(
        Math.min(200, subscriptions.size()),
        settings.threads(),
        i -> wiring.digests().compose(subscriptions.get(i)));
    Query window =
        LongField.newRangeQuery(
            PaperFields.PUBLISHED, today.minusDays(1).toEpochDay(), Long.MAX_VALUE);
    // The raw loop runs before and after ours and the mean counts, so a noisy neighbour slows both.
    Timed rawDigests =
        () ->
            parallel(
                settings.members(),
                settings.threads(),
                j ->
                    raw.search(
                        new BooleanQuery.Builder()
                            .add(
                                RawLucene.profile(expander, members.member(j).topics()), Occur.MUST)
                            .add(window, Occur.FILTER)
                            .build(),
                        10));
    long rawBefore = timed(rawDigests);
    long ours =
        timed(() ->
            parallel(
                subscriptions.size(),
                settings.threads(),
                i ->
                    outcomes
                        .get(wiring.digests().run(subscriptions.get(i), true))
                        .incrementAndGet()));
    long rawAfter = timed(rawDigests);
    int delivered =
        outcomes.get(DigestRunner.Outcome.POSTED).get()
            + outcomes.get(DigestRunner.Outcome.QUIET).get();
    if (delivered != subscriptions.size() || posted.get() != delivered) {
      throw new IllegalStateException(
          "digest fan-out incomplete: " + outcomes + ", outbox received " + posted);
    }
    report.digests(subscriptions.size(), ours / 1e9, (rawBefore + rawAfter) / 2e9, outcomes);
    progress.printf(
        "digests %,d member digests in %.1f s (raw Lucene %.1f s)%n",
        subscriptions.size(), ours / 1e9, (rawBefore + rawAfter) / 2e9);
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------------------

  private int warmUpRounds() {
    return Math.max(1, settings.rounds() / 3);
  }

  private static void record(int round, Samples samples, long began) {
    long took = System.nanoTime() - began;
    if (round >= 0) {
      samples.add(took);
    }
  }

  private void progressRound(String what, int round) {
    if (round == settings.rounds() - 1 || round == -1) {
      progress.printf("%s %s done%n", what, round < 0 ? "warm-up" : settings.rounds() + " rounds");
    }
  }

  private static void requireCards(Reply reply, String query) {
    if (reply.cards().isEmpty()) {
      throw new IllegalStateException("/papers " + query + " found nothing: " + reply.text());
    }
  }

  private interface Task {
    void run(int i) throws Exception;
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static long timed(Timed work) throws Exception {
    long began = System.nanoTime();
    work.run();
    return System.nanoTime() - began;
  }

  /** Runs tasks 0..count-1 on a fixed number of threads; the first failure is thrown. */
  private static void parallel(int count, int threads, Task task) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(() -> {
              for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                task.run(i);
              }
              return null;
            }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Empties the work directory of an earlier run; refuses a directory the bench did not make. */
  private void clearWorkDirectory() throws IOException {
    Path marker = work.resolve(MARKER);
    if (Files.isDirectory(work) && !Files.exists(marker)) {
      try (Stream<Path> entries = Files.list(work)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(
              work
                  + " is not empty and was not made by paperbot bench; "
                  + "choose another --work directory");
        }
      }
    }
    deleteRecursively(work);
    Files.createDirectories(work);
    Files.writeString(marker, "made by paperbot bench; deleted at the start of every run\n");
  }

  private Path indexDir() {
    return config.dataDir().resolve("index");
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap the run needed at once. */
  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
