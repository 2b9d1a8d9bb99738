package paperbot.recommender.ingest;

import java.util.List;

/**
 * What an ingest did.
 *
 * @param fetched well-formed papers the source gave
 * @param added papers new to the corpus
 * @param updated papers already there (same id) whose metadata changed, e.g. upvotes or a new
 *     version
 * @param merged papers that joined an existing paper with the same title (a seed paper gaining its
 *     arXiv id)
 * @param rejected malformed entries skipped
 * @param problems one line per rejected entry or broken page
 */
public record IngestSummary(
    int fetched, int added, int updated, int merged, int rejected, List<String> problems) {
  public IngestSummary {
    problems = List.copyOf(problems);
  }

  /** One line for people and logs. */
  public String line() {
    return "fetched="
        + fetched
        + " new="
        + added
        + " updated="
        + updated
        + " merged="
        + merged
        + " rejected="
        + rejected;
  }
}
