package paperbot.recommender.ingest;

import java.util.List;

/**
 * What an ingest did.
 *
 * @param fetched distinct well-formed papers the source gave (a paper listed in two category feeds
 *     counts once)
 * @param added papers new to the corpus
 * @param updated papers already there (same id) whose metadata changed, e.g. upvotes or a new
 *     version
 * @param merged papers that joined an existing paper with the same title (a seed paper gaining its
 *     arXiv id)
 * @param rejected malformed entries skipped
 * @param brokenPages responses that broke off or failed part-way; what came before the break was
 *     kept
 * @param problems one line per rejected entry or broken page
 */
public record IngestSummary(
    int fetched,
    int added,
    int updated,
    int merged,
    int rejected,
    int brokenPages,
    List<String> problems) {
  public IngestSummary {
    problems = List.copyOf(problems);
  }

  /** True when a record or a page was refused: the ingest stored only part of what was asked. */
  public boolean refusedAny() {
    return rejected > 0 || brokenPages > 0;
  }

  /** Papers written to the corpus: new, changed and joined. */
  public int stored() {
    return added + updated + merged;
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
        + rejected
        + " broken_pages="
        + brokenPages;
  }
}
