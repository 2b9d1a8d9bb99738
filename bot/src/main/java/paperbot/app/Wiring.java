package paperbot.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.command.ChatCommand;
import paperbot.command.CommandRouter;
import paperbot.command.FeedbackCommand;
import paperbot.command.FollowCommand;
import paperbot.command.SavedCommand;
import paperbot.command.SimilarCommand;
import paperbot.command.TopicsCommand;
import paperbot.command.HelpCommand;
import paperbot.command.PaperCommand;
import paperbot.command.PapersCommand;
import paperbot.recommender.index.IndexStatus;
import paperbot.recommender.index.LucenePaperIndex;
import paperbot.recommender.index.SeedIndexer;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcProfileStore;

/**
 * The composition root: builds every part of the running bot in one readable place, in dependency order.
 * Closing it closes what it opened.
 */
public final class Wiring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Wiring.class);

  private final Database database;
  private final LucenePaperIndex index;
  private final ProfileStore profiles;
  private final CommandRouter router;
  private final IndexStatus indexStatus;

  private Wiring(Database database, LucenePaperIndex index, ProfileStore profiles, CommandRouter router,
      IndexStatus indexStatus) {
    this.database = database;
    this.index = index;
    this.profiles = profiles;
    this.router = router;
    this.indexStatus = indexStatus;
  }

  /** Opens the index (re-indexing the seeds when they changed) and builds the command core. */
  public static Wiring open(BotConfig config, Clock clock) {
    // Recommender
    QueryExpander expander = QueryExpander.load(config.expansionsFile());
    LucenePaperIndex index = LucenePaperIndex.open(config.dataDir().resolve("index"), expander, clock);
    IndexStatus status;
    try {
      status = SeedIndexer.ensureCurrent(index, config.seedsDir(), clock);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    log.info("index ready papers={} rebuilt={} took_ms={}", status.papers(), status.rebuilt(), status.took().toMillis());

    // Storage
    Database database;
    try {
      database = openDatabase(config);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    ProfileStore profiles = new JdbcProfileStore(database.dataSource(), clock);

    // Command core
    PapersCommand papers = new PapersCommand(index, profiles);
    List<ChatCommand> others = List.of(
        new PaperCommand(index),
        new TopicsCommand(profiles, config.limits()),
        new FeedbackCommand(index, profiles),
        new SimilarCommand(index),
        new SavedCommand(index, profiles),
        new FollowCommand(profiles, config.limits()));
    List<ChatCommand> listed = new ArrayList<>(others);
    listed.add(0, papers);
    HelpCommand help = new HelpCommand(listed);
    List<ChatCommand> routed = new ArrayList<>(others);
    routed.add(help);
    return new Wiring(database, index, profiles, new CommandRouter(papers, routed), status);
  }

  private static Database openDatabase(BotConfig config) {
    BotConfig.DatabaseSettings settings = config.database();
    if (settings.url().isEmpty()) {
      return Database.open(Database.defaultUrl(config.dataDir()), null, null);
    }
    // A JDBC URL may carry a password parameter; it never reaches the log.
    log.info("database url={} user={}", settings.url().replaceAll("(?i)(password=)[^&;]*", "$1***"), settings.user());
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
    try (database; index) {
      // closes the index, then the database
    }
  }
}
