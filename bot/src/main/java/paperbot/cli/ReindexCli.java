package paperbot.cli;

import java.util.concurrent.Callable;
import paperbot.app.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code paperbot reindex}: rebuilds the search index from the papers in the database. The bot does
 * this itself at start-up when the two differ; this forces it (after a change to the analysis, or
 * to be sure).
 */
@Command(
    name = "reindex",
    description = "Rebuild the search index from the papers kept in the database.")
final class ReindexCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  private final CliContext context;

  ReindexCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Wiring wiring = Wiring.open(context.config(common), context.clock())) {
      long started = System.nanoTime();
      long papers = wiring.indexSync().rebuild();
      context
          .out()
          .printf(
              "reindexed %,d papers from the database in %.1f s%n",
              papers, (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }
}
