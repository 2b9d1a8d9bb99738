package paperbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.DeliveryLedger;
import paperbot.chat.Outboxes;
import paperbot.command.ChatCommand;
import paperbot.command.CommandRouter;
import paperbot.command.DigestCommand;
import paperbot.command.FeedbackCommand;
import paperbot.command.FollowCommand;
import paperbot.command.HelpCommand;
import paperbot.command.PaperCommand;
import paperbot.command.PapersCommand;
import paperbot.command.SavedCommand;
import paperbot.command.SimilarCommand;
import paperbot.command.TopicsCommand;
import paperbot.digest.DigestRunner;
import paperbot.digest.DigestSchedule;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.corpus.IndexSync;
import paperbot.recommender.corpus.PaperArchive;
import paperbot.recommender.digest.DigestPlanner;
import paperbot.recommender.digest.DigestStore;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.ingest.ArxivListingSource;
import paperbot.recommender.ingest.ArxivSource;
import paperbot.recommender.ingest.CorpusUpdater;
import paperbot.recommender.ingest.FileSource;
import paperbot.recommender.ingest.HfDailySource;
import paperbot.recommender.ingest.IndexStatus;
import paperbot.recommender.ingest.LiveSources;
import paperbot.recommender.ingest.PaperSource;
import paperbot.recommender.ingest.SeedIndexer;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.search.LucenePaperIndex;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcDeliveryClaims;
import paperbot.recommender.store.JdbcDigestStore;
import paperbot.recommender.store.JdbcPaperArchive;
import paperbot.recommender.store.JdbcProfileStore;
import paperbot.schedule.QuartzDigestSchedule;

/**
 * The composition root: builds every part of the running bot in one readable place, in dependency
 * order. Closing it closes what it opened.
 */
public final class Wiring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Wiring.class);

  private final Database database;
  private final PaperArchive archive;
  private final CorpusService corpus;
  private final IndexSync indexSync;
  private final Outboxes outboxes;
  private final DigestRunner digests;
  private final DigestStore digestStore;
  private final LiveSources sources;
  private final QuartzDigestSchedule scheduler;
  private final PaperSync paperSync;
  private final LucenePaperIndex index;
  private final ProfileStore profiles;
  private final CommandRouter router;
  private final IndexStatus indexStatus;
  private final DeliveryLedger deliveries;

  private Wiring(
      Database database,
      PaperArchive archive,
      CorpusService corpus,
      IndexSync indexSync,
      LucenePaperIndex index,
      ProfileStore profiles,
      CommandRouter router,
      IndexStatus indexStatus,
      Outboxes outboxes,
      DigestRunner digests,
      DigestStore digestStore,
      QuartzDigestSchedule scheduler,
      PaperSync paperSync,
      LiveSources sources,
      DeliveryLedger deliveries) {
    this.deliveries = deliveries;
    this.paperSync = paperSync;
    this.digestStore = digestStore;
    this.sources = sources;
    this.database = database;
    this.archive = archive;
    this.corpus = corpus;
    this.indexSync = indexSync;
    this.outboxes = outboxes;
    this.digests = digests;
    this.scheduler = scheduler;
    this.index = index;
    this.profiles = profiles;
    this.router = router;
    this.indexStatus = indexStatus;
  }

  /** Opens everything for command-line tools: no scheduler, so a tool never fires a digest. */
  public static Wiring open(BotConfig config, Clock clock) {
    return open(config, clock, false);
  }

  /**
   * Opens the index (re-indexing the seeds when they changed), the database and the command core;
   * with {@code schedule}, also Quartz, which fires digests (only the running bot does that).
   */
  public static Wiring open(BotConfig config, Clock clock, boolean schedule) {
    return open(config, clock, schedule, false);
  }

  /**
   * Opens for a tool that only reads ({@code search}, {@code stats}, {@code export}). Beside a
   * running bot, whose writer holds the index, it reads the index as the bot last committed it, and
   * leaves reconciling it with the database and indexing changed seeds to the bot.
   */
  public static Wiring openToRead(BotConfig config, Clock clock) {
    return open(config, clock, false, true);
  }

  private static Wiring open(
      BotConfig config, Clock clock, boolean schedule, boolean readBesideWriter) {
    // Storage first, then the recommender: the database keeps every paper, and the index is a view
    // of it.
    QueryExpander expander = QueryExpander.load(config.expansionsFile());
    // Before anything is opened: a restore cut short must not start as a fresh, empty database.
    DataBackup.requireNoUnfinishedRestore(config.dataDir());
    Database database = openDatabase(config);
    LucenePaperIndex index;
    JdbcPaperArchive archive = new JdbcPaperArchive(database.dataSource(), clock);
    Path indexDir = config.dataDir().resolve("index");
    boolean besideWriter = false;
    try {
      try {
        index = LucenePaperIndex.open(indexDir, expander, clock);
      } catch (LucenePaperIndex.InUse e) {
        if (!readBesideWriter) {
          throw e;
        }
        index = LucenePaperIndex.openReadOnly(indexDir, expander, clock);
        besideWriter = true;
      }
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    // Papers are written to the database first, then the index; the sync follows other processes'
    // writes and repairs an index a crash left behind.
    Lock indexWrites = new ReentrantLock();
    CorpusService corpus = new CorpusService(archive, index, indexWrites);
    IndexSync indexSync = new IndexSync(archive, index, clock, indexWrites);
    IndexStatus status;
    if (besideWriter) {
      status = new IndexStatus(index.size(), false, Duration.ZERO, List.of());
      log.info(
          "index opened to read beside the paperbot that writes it papers={}", status.papers());
    } else {
      status = ready(index, indexSync, corpus, database, config, clock);
    }
    log.info(
        "index ready papers={} rebuilt={} took_ms={}",
        status.papers(),
        status.rebuilt(),
        status.took().toMillis());

    // Profiles
    ProfileStore profiles = new JdbcProfileStore(database.dataSource(), clock);

    // Live sources
    BotConfig.SourceSettings fetch = config.sources();
    LiveSources sources =
        new LiveSources(paperSources(config, clock), new CorpusUpdater(corpus), clock);

    // Digests
    DigestStore digestStore = new JdbcDigestStore(database.dataSource(), clock);
    DigestPlanner planner =
        new DigestPlanner(
            index,
            new DigestPlanner.Settings(config.digest().halfLifeDays(), config.digest().minScore()),
            clock);
    Outboxes outboxes = new Outboxes();
    DigestRunner digests =
        new DigestRunner(
            digestStore,
            profiles,
            index,
            planner,
            outboxes,
            config.digest().misfireGrace(),
            config.digest().postQuietDays(),
            clock);
    QuartzDigestSchedule scheduler = null;
    PaperSync paperSync = null;
    DigestSchedule digestSchedule = NO_SCHEDULER;
    if (schedule) {
      try {
        scheduler =
            QuartzDigestSchedule.start(
                database.dataSource(),
                database.dialect(),
                digests,
                digestStore,
                config.digest().retryDelay(),
                config.digest().clusterCheckin(),
                clock);
        Map<String, String> crons = new LinkedHashMap<>();
        sources
            .all()
            .forEach(source ->
                crons.put(source.name(), fetch.cron(source.name(), source.defaultCron())));
        scheduler.scheduleRefreshes(sources, crons);
        digestSchedule = scheduler;
        paperSync = PaperSync.start(indexSync, config.sources().paperSync());
      } catch (Exception e) {
        if (scheduler != null) {
          scheduler.close();
        }
        database.close();
        index.close();
        throw new IllegalStateException("the digest scheduler did not start: " + e.getMessage(), e);
      }
    }

    // Command core
    PapersCommand papers = new PapersCommand(index, profiles);
    List<ChatCommand> others =
        List.of(
            new PaperCommand(index, sources, profiles, clock),
            new TopicsCommand(profiles, index, config.limits()),
            new FeedbackCommand(index, profiles),
            new SimilarCommand(index, profiles),
            new SavedCommand(index, profiles),
            new FollowCommand(profiles, config.limits()),
            new DigestCommand(
                digestStore,
                profiles,
                digestSchedule,
                digests,
                config.digest().defaultZone(),
                config.limits(),
                index));
    List<ChatCommand> listed = new ArrayList<>(others);
    listed.add(0, papers);
    HelpCommand help = new HelpCommand(listed);
    List<ChatCommand> routed = new ArrayList<>(others);
    routed.add(help);
    return new Wiring(
        database,
        archive,
        corpus,
        indexSync,
        index,
        profiles,
        new CommandRouter(papers, routed),
        status,
        outboxes,
        digests,
        digestStore,
        scheduler,
        paperSync,
        sources,
        // Platforms' repeated deliveries, remembered in the database every process shares
        new StoredDeliveryLedger(new JdbcDeliveryClaims(database.dataSource(), clock), clock));
  }

  /**
   * Brings the index into step with the database, then indexes the seeds if they changed; closes
   * both when that fails.
   */
  private static IndexStatus ready(
      LucenePaperIndex index,
      IndexSync indexSync,
      CorpusService corpus,
      Database database,
      BotConfig config,
      Clock clock) {
    try {
      long started = System.nanoTime();
      IndexSync.Reconciled reconciled = indexSync.reconcile();
      if (reconciled != IndexSync.Reconciled.IN_STEP) {
        log.info(
            "index reconciled with database action={} papers={} took_ms={}",
            reconciled,
            index.size(),
            (System.nanoTime() - started) / 1_000_000);
      }
      return SeedIndexer.ensureCurrent(corpus, config.seedsDir(), clock);
    } catch (RuntimeException e) {
      index.close();
      database.close();
      throw e;
    }
  }

  /**
   * The paper sources, one line each. A source's name is its {@code ingest --source} value, its
   * refresh job and the key of its settings ({@code sources.<name>.url} and {@code .cron}, {@code
   * PAPERBOT_<NAME>_URL} and {@code _CRON}). A new source is one line here.
   */
  public static List<PaperSource> paperSources(BotConfig config, Clock clock) {
    BotConfig.SourceSettings fetch = config.sources();
    return List.of(
        HfDailySource.paced(fetch.url(HfDailySource.NAME, HfDailySource.DEFAULT_URL)),
        ArxivListingSource.paced(
            fetch.url(ArxivListingSource.NAME, ArxivListingSource.DEFAULT_URL), fetch.categories()),
        ArxivSource.paced(fetch.url(ArxivSource.NAME, ArxivSource.DEFAULT_URL), fetch.categories()),
        new FileSource(clock));
  }

  /** Tools that do not schedule still answer /digest status; subscribing needs the running bot. */
  private static final DigestSchedule NO_SCHEDULER =
      new DigestSchedule() {
        @Override
        public void schedule(Subscription subscription) {
          throw new IllegalStateException("digests can only be scheduled by the running bot");
        }

        @Override
        public void unschedule(long subscriptionId) {
          // nothing scheduled in this process
        }

        @Override
        public Optional<Instant> nextRun(long subscriptionId) {
          return Optional.empty();
        }
      };

  /** Where platforms register their outbox for digests as they start. */
  public Outboxes outboxes() {
    return outboxes;
  }

  public DigestRunner digests() {
    return digests;
  }

  /** The paper sources (arXiv, its listing, Hugging Face, files) that feed this corpus. */
  public LiveSources sources() {
    return sources;
  }

  /** The database's copy of every paper: the source of truth the index is built from. */
  public PaperArchive paperArchive() {
    return archive;
  }

  /** Where papers are written: the database first, then the index. */
  public CorpusService corpus() {
    return corpus;
  }

  /** Keeps the index following the database (and rebuilds it from there). */
  public IndexSync indexSync() {
    return indexSync;
  }

  /** Digest subscriptions and the sent-log. */
  public DigestStore digestStore() {
    return digestStore;
  }

  /** The running scheduler, or null for tools opened without one. */
  QuartzDigestSchedule scheduler() {
    return scheduler;
  }

  /** H2's error code for a database file another process holds open. */
  static final int H2_IN_USE = 90020;

  /**
   * Opens the configured database; an embedded one that another paperbot holds open is refused with
   * the same advice the index gives, not the driver's own words.
   */
  private static Database openDatabase(BotConfig config) {
    try {
      return openConfiguredDatabase(config);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_IN_USE) {
          throw new IllegalStateException(
              "the database is in use by another paperbot process; stop it first, "
                  + "or give this command its own --data directory",
              e);
        }
      }
      throw e;
    }
  }

  private static Database openConfiguredDatabase(BotConfig config) {
    BotConfig.DatabaseSettings settings = config.database();
    if (settings.url().isEmpty()) {
      return Database.openDefault(config.dataDir());
    }
    // A JDBC URL may carry a password parameter; it never reaches the log.
    log.info(
        "database url={} user={}",
        settings.url().replaceAll("(?i)(password=)[^&;]*", "$1***"),
        settings.user());
    return Database.open(settings.url(), settings.user(), settings.password());
  }

  public ProfileStore profiles() {
    return profiles;
  }

  /** Which platform deliveries (Slack's retried events) were taken already, by any process. */
  public DeliveryLedger deliveries() {
    return deliveries;
  }

  public CommandRouter router() {
    return router;
  }

  public LucenePaperIndex index() {
    return index;
  }

  public IndexStatus indexStatus() {
    return indexStatus;
  }

  @Override
  public void close() {
    try (database;
        index) {
      if (scheduler != null) {
        scheduler.close(); // first: no digest may start while the index and database close
      }
      if (paperSync != null) {
        paperSync.close();
      }
    }
  }
}
