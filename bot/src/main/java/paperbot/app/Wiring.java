package paperbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
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
  private final WriterProcessLock writerLock;

  private Wiring(
      WriterProcessLock writerLock,
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
    this.writerLock = writerLock;
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
   * leaves reconciling it with the database and indexing changed seeds to the bot. With no bot
   * running it brings the index up to date itself, then lets go of the index's writer before it
   * reads: a bot started meanwhile waits only for that, not for the whole command.
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
    // A second process that writes is refused before it migrates or opens anything.
    WriterProcessLock writerLock = readBesideWriter ? null : obtainWriterLock(config);
    // The index before the database: a paperbot too old to take the writer lock shows by holding
    // the index's writer, and is refused before the database is migrated under it.
    Path indexDir = config.dataDir().resolve("index");
    LucenePaperIndex index;
    // Held by a reading tool while it holds the index's writer (see ReadingToolLock).
    DataDirectoryLock catchingUp = null;
    boolean besideWriter = false;
    try {
      if (readBesideWriter) {
        catchingUp = ReadingToolLock.tryObtain(config.dataDir()).orElse(null);
        index = catchingUp == null ? null : openUnlessInUse(indexDir, expander, clock);
        if (index == null) {
          // Another process has the index's writer (the bot, another tool bringing it up to date)
          closeQuietly(catchingUp, null);
          catchingUp = null;
          index = LucenePaperIndex.openReadOnly(indexDir, expander, clock);
          besideWriter = true;
        }
      } else {
        index = openWaitingForReadingTool(indexDir, config.dataDir(), expander, clock);
      }
    } catch (RuntimeException e) {
      closeQuietly(catchingUp, e);
      closeQuietly(writerLock, e);
      throw e;
    }
    Database database;
    try {
      database = openDatabase(config);
    } catch (RuntimeException e) {
      index.close();
      closeQuietly(catchingUp, e);
      closeQuietly(writerLock, e);
      throw e;
    }
    JdbcPaperArchive archive = new JdbcPaperArchive(database.dataSource(), clock);
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
      try {
        status = ready(index, indexSync, corpus, database, config, clock);
      } catch (RuntimeException e) {
        closeQuietly(catchingUp, e);
        closeQuietly(writerLock, e);
        throw e;
      }
      if (readBesideWriter) {
        // Up to date: the writer goes, so that a bot starting now need not wait for this command.
        index.close();
        closeQuietly(catchingUp, null); // last: the writer is no longer this tool's
        try {
          index = LucenePaperIndex.openReadOnly(indexDir, expander, clock);
        } catch (RuntimeException e) {
          database.close();
          throw e;
        }
        corpus = new CorpusService(archive, index, indexWrites);
        indexSync = new IndexSync(archive, index, clock, indexWrites);
      }
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
        closeQuietly(writerLock, e);
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
            new FollowCommand(profiles, index, config.limits()),
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
        writerLock,
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
   * The data directory's writer lock; another paperbot writing it is refused in the usual words.
   */
  private static WriterProcessLock obtainWriterLock(BotConfig config) {
    try {
      return WriterProcessLock.obtain(config.dataDir());
    } catch (WriterProcessLock.Held e) {
      throw new IllegalStateException(
          "the data directory "
              + config.dataDir()
              + " is in use by another paperbot process; stop it first, "
              + "or give this command its own --data directory",
          e);
    }
  }

  /**
   * The index with its writer, for a process that holds the data directory's writer lock: waits for
   * a reading tool that holds the writer, refuses at once beside an old paperbot (see {@link
   * ReadingToolLock#awaitIndexWriter}).
   */
  private static LucenePaperIndex openWaitingForReadingTool(
      Path indexDir, Path dataDir, QueryExpander expander, Clock clock) {
    try {
      return ReadingToolLock.awaitIndexWriter(
          dataDir,
          indexDir,
          new ReadingToolLock.IndexWriterAttempt<>() {
            @Override
            public LucenePaperIndex tryTake() {
              return openUnlessInUse(indexDir, expander, clock);
            }

            @Override
            public LucenePaperIndex take() {
              return LucenePaperIndex.open(indexDir, expander, clock);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the attempts throw none: opening the index is unchecked
    }
  }

  /** The index with its writer; null when another process holds the writer. */
  private static LucenePaperIndex openUnlessInUse(
      Path indexDir, QueryExpander expander, Clock clock) {
    try {
      return LucenePaperIndex.open(indexDir, expander, clock);
    } catch (LucenePaperIndex.InUse e) {
      return null;
    }
  }

  /**
   * Releases a lock (none when null); after a failed open, keeps the failure as the one reported.
   */
  private static void closeQuietly(AutoCloseable lock, Exception failure) {
    if (lock == null) {
      return;
    }
    try {
      lock.close();
    } catch (Exception e) {
      if (failure == null) {
        log.warn("data directory lock release failed error={}", e.toString());
      } else {
        failure.addSuppressed(e);
      }
    }
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
    try {
      try (database;
          index) {
        if (scheduler != null) {
          scheduler.close(); // first: no digest may start while the index and database close
        }
        if (paperSync != null) {
          paperSync.close();
        }
      }
    } finally {
      if (writerLock != null) {
        writerLock.close(); // last: the next writer may start once everything here is closed
      }
    }
  }
}
