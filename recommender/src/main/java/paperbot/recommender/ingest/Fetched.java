package paperbot.recommender.ingest;

import java.util.List;
import paperbot.recommender.corpus.Paper;

/**
 * What one fetch from a source gave.
 *
 * @param papers well-formed papers, as one-source papers
 * @param rejected entries that were malformed and skipped
 * @param problems one line per rejected entry or broken page, for the log and the summary
 */
public record Fetched(List<Paper> papers, int rejected, List<String> problems) {
  public Fetched {
    papers = List.copyOf(papers);
    problems = List.copyOf(problems);
  }
}
