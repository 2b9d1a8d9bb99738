package paperbot.recommender.rank;

/**
 * A free-text search as a user typed it.
 *
 * @param query raw user text; may be empty, hostile or very long: the ranker makes it safe
 * @param offset how many ranked hits to skip (paging)
 * @param limit how many hits to return
 */
public record SearchRequest(String query, int offset, int limit) {
  public SearchRequest {
    query = query == null ? "" : query;
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
  }

  public static SearchRequest firstPage(String query, int limit) {
    return new SearchRequest(query, 0, limit);
  }
}
