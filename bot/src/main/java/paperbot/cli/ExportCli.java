package paperbot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import paperbot.app.Wiring;
import paperbot.recommender.ingest.JsonLinesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code paperbot export FILE}: every paper as JSON Lines, readable by {@code paperbot ingest
 * --source file}.
 */
@Command(name = "export", description = "Write every paper to a JSON Lines file.")
final class ExportCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Parameters(paramLabel = "FILE", description = "Output file, e.g. papers.jsonl")
  Path file;

  private final CliContext context;

  ExportCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Wiring wiring = Wiring.open(context.config(common), context.clock())) {
      int count = JsonLinesFile.write(file, wiring.index().all());
      context.out().println("exported " + count + " papers to " + file);
    }
    return 0;
  }
}
