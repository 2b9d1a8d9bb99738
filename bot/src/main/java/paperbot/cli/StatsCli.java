package paperbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import paperbot.app.BotConfig;
import paperbot.app.Wiring;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.ingest.CorpusLoad;
import paperbot.recommender.ingest.FileReport;
import paperbot.recommender.ingest.SeedCorpus;
import paperbot.recommender.ingest.SeedLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperbot stats [--json]}: the whole corpus (papers in the database and in the index, and
 * by source), and what the seed files hold, file by file, and how many papers they merge into.
 */
@Command(
    name = "stats",
    description =
        "Print the corpus (papers in the database and index, by source), and records read per"
            + " seed file, distinct seed papers and merges.")
final class StatsCli implements Callable<Integer> {
  /** Seed-layout records are counted together as "seeds"; live sources under their own name. */
  private static final Set<String> SEED_LAYOUTS = new HashSet<>();

  static {
    Arrays.stream(SeedLayout.values()).map(SeedLayout::label).forEach(SEED_LAYOUTS::add);
  }

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  private final CliContext context;

  StatsCli(CliContext context) {
    this.context = context;
  }

  /**
   * The corpus as it is stored.
   *
   * @param inDatabase papers in the database (the source of truth)
   * @param inIndex papers in the search index (the same number once it has caught up)
   * @param bySource papers per source; a paper from several sources counts once under each
   */
  record Corpus(long inDatabase, long inIndex, Map<String, Integer> bySource) {}

  @Override
  public Integer call() throws Exception {
    BotConfig config = context.config(common);
    Corpus corpus;
    try (Wiring wiring = Wiring.openToRead(config, context.clock())) {
      Map<String, Integer> bySource = new TreeMap<>();
      wiring.paperArchive().forEachBatch(1000, batch -> batch.forEach(p -> count(p, bySource)));
      corpus = new Corpus(wiring.paperArchive().count(), wiring.index().size(), bySource);
    }
    CorpusLoad load = SeedCorpus.load(config.seedsDir(), context.clock());
    context.out().println(json ? toJson(corpus, load) : toText(corpus, load));
    return 0;
  }

  private static void count(Paper paper, Map<String, Integer> bySource) {
    Set<String> names = new HashSet<>();
    for (SourceRecord record : paper.sources()) {
      if (!PaperDocuments.FORMER_ID.equals(record.layout())) {
        names.add(SEED_LAYOUTS.contains(record.layout()) ? "seeds" : record.source());
      }
    }
    names.forEach(name -> bySource.merge(name, 1, Integer::sum));
  }

  static String toJson(Corpus corpus, CorpusLoad load) throws Exception {
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
    Map<String, Object> whole = new LinkedHashMap<>();
    whole.put("papersInDatabase", corpus.inDatabase());
    whole.put("papersInIndex", corpus.inIndex());
    whole.put("papersBySource", corpus.bySource());
    stats.put("corpus", whole);
    // The seed files, as read from disk: what the corpus started from.
    stats.put("files", files);
    stats.put("records", totalRecords(load));
    stats.put("distinctPapers", load.papers().size());
    stats.put("merges", load.merges());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(stats);
  }

  private static String toText(Corpus corpus, CorpusLoad load) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "corpus: %d papers in the database, %d in the index%n",
            corpus.inDatabase(), corpus.inIndex()));
    corpus
        .bySource()
        .forEach((source, n) -> text.append(String.format("  %-26s %6d papers%n", source, n)));
    text.append("seed files:\n");
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
