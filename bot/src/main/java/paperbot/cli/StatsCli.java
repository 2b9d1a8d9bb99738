package paperbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import paperbot.app.BotConfig;
import paperbot.recommender.ingest.CorpusLoad;
import paperbot.recommender.ingest.FileReport;
import paperbot.recommender.ingest.SeedCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperbot stats [--json]}: what the seed files hold, file by file, and how many papers they
 * merge into.
 */
@Command(
    name = "stats",
    description = "Print records read per seed file, distinct papers and merges.")
final class StatsCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  private final CliContext context;

  StatsCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    BotConfig config = context.config(common);
    CorpusLoad load = SeedCorpus.load(config.seedsDir(), context.clock());
    context.out().println(json ? toJson(load) : toText(load));
    return 0;
  }

  static String toJson(CorpusLoad load) throws Exception {
    List<Map<String, Object>> files = new ArrayList<>();
    for (FileReport report : load.files()) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("file", report.file());
      file.put("layout", report.layout());
      file.put("records", report.records());
      file.put("errors", report.errors());
      files.add(file);
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("files", files);
    stats.put("records", totalRecords(load));
    stats.put("distinctPapers", load.papers().size());
    stats.put("merges", load.merges());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(stats);
  }

  private static String toText(CorpusLoad load) {
    StringBuilder text = new StringBuilder();
    for (FileReport report : load.files()) {
      text.append(
          String.format(
              "%-28s %-16s %4d records%s%n",
              report.file(),
              report.layout(),
              report.records(),
              report.errors().isEmpty() ? "" : ", " + report.errors().size() + " errors"));
      report.errors().forEach(error -> text.append("    ").append(error).append('\n'));
    }
    text.append(
        String.format(
            "%d records, %d distinct papers, %d merged%n",
            totalRecords(load), load.papers().size(), load.merges()));
    return text.toString().stripTrailing();
  }

  private static int totalRecords(CorpusLoad load) {
    return load.files().stream().mapToInt(FileReport::records).sum();
  }
}
