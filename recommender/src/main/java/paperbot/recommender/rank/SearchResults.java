package paperbot.recommender.rank;

import java.util.List;

/**
 * A page of ranked hits.
 *
 * @param hits this page's hits, best first
 * @param totalHits how many papers matched in all
 * @param offset the offset this page starts at
 * @param notice a short note for the user when the query had to be changed (e.g. cut to length), else null
 */
public record SearchResults(List<SearchHit> hits, long totalHits, int offset, String notice) {
  public SearchResults {
    hits = List.copyOf(hits);
  }

  public boolean hasMore() {
    return offset + hits.size() < totalHits;
  }
}
