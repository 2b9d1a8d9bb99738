package paperbot.app;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.command.CommandRouter;
import paperbot.command.HelpCommand;
import paperbot.command.PaperCommand;
import paperbot.command.PapersCommand;
import paperbot.recommender.index.IndexStatus;
import paperbot.recommender.index.LucenePaperIndex;
import paperbot.recommender.index.SeedIndexer;
import paperbot.recommender.rank.QueryExpander;

/**
 * The composition root: builds every part of the running bot in one readable place, in dependency order.
 * Closing it closes what it opened.
 */
public final class Wiring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Wiring.class);

  private final LucenePaperIndex index;
  private final CommandRouter router;
  private final IndexStatus indexStatus;

  private Wiring(LucenePaperIndex index, CommandRouter router, IndexStatus indexStatus) {
    this.index = index;
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

    // Command core
    PapersCommand papers = new PapersCommand(index);
    PaperCommand paper = new PaperCommand(index);
    HelpCommand help = new HelpCommand(List.of(papers, paper));
    CommandRouter router = new CommandRouter(papers, List.of(paper, help));
    return new Wiring(index, router, status);
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
    index.close();
  }
}
