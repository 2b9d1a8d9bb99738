package paperbot.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import paperbot.digest.Outboxes;
import paperbot.recommender.digest.DigestPlanner;
import paperbot.recommender.digest.DigestStore;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.index.IndexStatus;
import paperbot.recommender.index.LucenePaperIndex;
import paperbot.recommender.index.SeedIndexer;
import paperbot.recommender.ingest.CorpusUpdater;
import paperbot.recommender.ingest.LiveSources;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.store.Database;
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

  private Wiring(
      Database database,
      LucenePaperIndex index,
      ProfileStore profiles,
      CommandRouter router,
      IndexStatus indexStatus,
      Outboxes outboxes,
      DigestRunner digests,
      DigestStore digestStore,
      QuartzDigestSchedule scheduler,
      PaperSync paperSync,
      LiveSources sources) {
    this.paperSync = paperSync;
    this.digestStore = digestStore;
    this.sources = sources;
    this.database = database;
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
    // Storage first, then the recommender: the index keeps a copy of its papers in the database.
    QueryExpander expander = QueryExpander.load(config.expansionsFile());
    Database database = openDatabase(config);
    LucenePaperIndex index;
    try {
      // The database keeps every paper too, written before the index commits: the index can be
      // rebuilt from it.
      index =
          LucenePaperIndex.open(
              config.dataDir().resolve("index"),
              expander,
              clock,
              new JdbcPaperArchive(database.dataSource(), clock));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    IndexStatus status;
    try {
      long started = System.nanoTime();
      LucenePaperIndex.Reconciled reconciled = index.reconcileWithArchive();
      if (reconciled != LucenePaperIndex.Reconciled.IN_STEP) {
        log.info(
            "index reconciled with database action={} papers={} took_ms={}",
            reconciled,
            index.size(),
            (System.nanoTime() - started) / 1_000_000);
      }
      status = SeedIndexer.ensureCurrent(index, config.seedsDir(), clock);
    } catch (RuntimeException e) {
      index.close();
      database.close();
      throw e;
    }
    log.info(
        "index ready papers={} rebuilt={} took_ms={}",
        status.papers(),
        status.rebuilt(),
        status.took().toMillis());

    // Profiles
    ProfileStore profiles = new JdbcProfileStore(database.dataSource(), clock);

    // Live sources
    LiveSources sources =
        new LiveSources(config.sources().fetch(), new CorpusUpdater(index), clock);

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
        scheduler.scheduleRefreshes(
            sources, config.sources().hfCron(), config.sources().arxivCron());
        digestSchedule = scheduler;
        paperSync = PaperSync.start(index, config.sources().paperSync());
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
            new PaperCommand(index),
            new TopicsCommand(profiles, config.limits()),
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
                config.limits()));
    List<ChatCommand> listed = new ArrayList<>(others);
    listed.add(0, papers);
    HelpCommand help = new HelpCommand(listed);
    List<ChatCommand> routed = new ArrayList<>(others);
    routed.add(help);
    return new Wiring(
        database,
        index,
        profiles,
        new CommandRouter(papers, routed),
        status,
        outboxes,
        digests,
        digestStore,
        scheduler,
        paperSync,
        sources);
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

  /** arXiv, Hugging Face and file ingest into this corpus. */
  public LiveSources sources() {
    return sources;
  }

  /** Digest subscriptions and the sent-log. */
  public DigestStore digestStore() {
    return digestStore;
  }

  /** The running scheduler, or null for tools opened without one. */
  QuartzDigestSchedule scheduler() {
    return scheduler;
  }

  private static Database openDatabase(BotConfig config) {
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
