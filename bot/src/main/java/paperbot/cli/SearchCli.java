package paperbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import paperbot.app.Wiring;
import paperbot.chat.UserText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.rank.SearchHit;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.rank.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperbot search [--json] [--limit N] QUERY}: ranked papers on standard output, for people
 * or scripts.
 */
@Command(name = "search", description = "Search the corpus and print ranked papers.")
final class SearchCli implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--json", description = "Print a JSON array instead of text.")
  boolean json;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "How many results (1-1000). Default: 10")
  int limit = 10;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Search words.")
  List<String> words;

  private final CliContext context;

  SearchCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 1000) {
      context.err().println("--limit must be between 1 and 1000");
      return 2;
    }
    // A word with one minus is left out of the search (-video); two make an option, and one the
    // command lacks is a typo (--jsno), not a word to leave out.
    for (String word : words) {
      if (word.startsWith("--") && word.length() > 2) {
        context
            .err()
            .println(
                "Unknown option: '"
                    + word
                    + "' (paperbot search --help lists them); a word to leave out takes one"
                    + " minus: -video");
        return 2;
      }
    }
    if (UserText.normalise(String.join(" ", words)).isEmpty()) {
      context.err().println("paperbot search: give words to search for, e.g. diffusion policy");
      return 2;
    }
    try (Wiring wiring = Wiring.openToRead(context.config(common), context.clock())) {
      SearchResults results =
          wiring.index().search(SearchRequest.firstPage(String.join(" ", words), limit));
      if (results.notice() != null) {
        context.err().println(results.notice());
      }
      context.out().println(json ? toJson(results.hits()) : toText(results.hits()));
    }
    return 0;
  }

  /** The documented JSON shape; field names are part of the CLI's contract. */
  static String toJson(List<SearchHit> hits) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SearchHit hit : hits) {
      Paper paper = hit.paper();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", paper.id());
      row.put("title", paper.displayTitle());
      row.put("abstract", paper.abstractText());
      row.put("authors", paper.authors());
      row.put("authorCount", paper.authorCount());
      row.put("published", paper.published() == null ? null : paper.published().toString());
      row.put("yearInferred", paper.yearInferred());
      row.put("upvotes", paper.upvotes());
      row.put("score", hit.score());
      row.put("matched", hit.matched());
      // After every match, when few papers match: listed as related to the best matches.
      row.put("related", hit.related());
      rows.add(row);
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
  }

  private static String toText(List<SearchHit> hits) {
    if (hits.isEmpty()) {
      return "no matches";
    }
    StringBuilder text = new StringBuilder();
    int rank = 1;
    for (SearchHit hit : hits) {
      text.append(
          String.format(
              "%2d. %-12s %6.2f  %s%n",
              rank++, hit.paper().id(), hit.score(), hit.paper().displayTitle()));
      if (!hit.whyLine().isEmpty()) {
        text.append("                        ").append(hit.whyLine()).append('\n');
      }
    }
    return text.toString().stripTrailing();
  }
}
