package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.List;
import paperbot.recommender.corpus.Paper;

/**
 * What one fetch from a source gave.
 *
 * @param papers well-formed papers, as one-source papers
 * @param rejected entries that were malformed and skipped
 * @param brokenPages pages (responses) that broke off or failed part-way: truncated, malformed, an
 *     error the service sent instead of papers, or a request given up on after earlier pages came
 * @param problems one line per rejected entry or broken page, for the log and the summary
 */
public record Fetched(List<Paper> papers, int rejected, int brokenPages, List<String> problems) {
  public Fetched {
    papers = List.copyOf(papers);
    problems = List.copyOf(problems);
  }

  /** A fetch whose pages all arrived whole. */
  public Fetched(List<Paper> papers, int rejected, List<String> problems) {
    this(papers, rejected, 0, problems);
  }

  static Fetched empty() {
    return new Fetched(List.of(), 0, 0, List.of());
  }

  /** One broken page and nothing else: a request given up on after earlier ones were kept. */
  static Fetched brokenPage(String problem) {
    return new Fetched(List.of(), 0, 1, List.of(problem));
  }

  /** Both fetches together, in order. */
  Fetched and(Fetched more) {
    List<Paper> allPapers = new ArrayList<>(papers);
    allPapers.addAll(more.papers());
    List<String> allProblems = new ArrayList<>(problems);
    allProblems.addAll(more.problems());
    return new Fetched(
        allPapers, rejected + more.rejected(), brokenPages + more.brokenPages(), allProblems);
  }
}
