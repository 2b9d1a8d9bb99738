package paperbot.recommender.rank;

import java.util.List;

/**
 * A page of recommendations.
 *
 * @param items this page, best first
 * @param total how many papers qualified in all, or at least (see {@code totalIsLowerBound})
 * @param totalIsLowerBound true when counting stopped early and more papers qualified than {@code
 *     total}
 * @param offset where this page starts
 */
public record Recommendations(
    List<Recommendation> items, long total, boolean totalIsLowerBound, int offset) {
  public Recommendations {
    items = List.copyOf(items);
  }

  /** Recommendations with an exact count. */
  public Recommendations(List<Recommendation> items, long total, int offset) {
    this(items, total, false, offset);
  }

  public boolean hasMore() {
    return offset + items.size() < total || totalIsLowerBound;
  }

  /** The count for people: "42", or "1,000+" when counting stopped early. */
  public String totalText() {
    return TotalText.of(total, totalIsLowerBound);
  }
}
