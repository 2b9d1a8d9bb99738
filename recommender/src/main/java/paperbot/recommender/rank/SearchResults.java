package paperbot.recommender.rank;

import java.util.List;

/**
 * A page of ranked hits.
 *
 * @param hits this page's hits, best first
 * @param totalHits how many papers matched in all, or at least (see {@code totalIsLowerBound})
 * @param totalIsLowerBound true when counting stopped early and more papers matched than {@code
 *     totalHits}
 * @param offset the offset this page starts at
 * @param notice a short note for the user when the query had to be changed (e.g. cut to length),
 *     else null
 */
public record SearchResults(
    List<SearchHit> hits, long totalHits, boolean totalIsLowerBound, int offset, String notice) {
  public SearchResults {
    hits = List.copyOf(hits);
  }

  /** Results with an exact count. */
  public SearchResults(List<SearchHit> hits, long totalHits, int offset, String notice) {
    this(hits, totalHits, false, offset, notice);
  }

  public boolean hasMore() {
    return offset + hits.size() < totalHits || totalIsLowerBound;
  }

  /** The notice of a query with no word to search for (only stop words or punctuation). */
  public static final String NOTHING_TO_SEARCH =
      "Type a few words to search for, e.g. /papers diffusion policy or /papers offline rl.";

  /** The notice of a query whose every word is left out ({@code -diffusion}, {@code NOT video}). */
  public static final String ONLY_LEFT_OUT =
      "Every word of that query is left out (a minus or NOT leaves papers out, it finds none): add"
          + " what to look for, e.g. /papers video -diffusion.";

  /** The count for people: "42", or "1,000+" when counting stopped early. */
  public String totalText() {
    return TotalText.of(totalHits, totalIsLowerBound);
  }
}
