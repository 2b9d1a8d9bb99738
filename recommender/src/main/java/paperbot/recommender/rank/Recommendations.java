package paperbot.recommender.rank;

import java.util.List;

/**
 * A page of recommendations.
 *
 * @param items this page, best first
 * @param total how many papers qualified in all
 * @param offset where this page starts
 */
public record Recommendations(List<Recommendation> items, long total, int offset) {
  public Recommendations {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return offset + items.size() < total;
  }
}
