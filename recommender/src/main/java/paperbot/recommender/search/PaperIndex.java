package paperbot.recommender.search;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.rank.DigestQuery;
import paperbot.recommender.rank.ProfileQuery;
import paperbot.recommender.rank.Recommendations;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.rank.SearchResults;

/**
 * The searchable store of papers. Implementations are safe for concurrent searches while updates
 * run. I/O failures surface as {@link UncheckedIOException}.
 */
public interface PaperIndex extends AutoCloseable {

  /**
   * Ranked papers for what a user typed. Never throws for any user text; odd input gives a notice
   * or no hits.
   */
  SearchResults search(SearchRequest request);

  /**
   * The text with each word no paper has replaced by the nearest word papers use ("difusion polcy"
   * to "diffusion policy"), as search, the feed and digests read it; empty when no word needed it.
   */
  Optional<String> spellingFixed(String text);

  /**
   * The people papers list under a name typed in parts, surname apart ("Levine", "Sergey" or "S."),
   * each spelled as most of their papers list them, most papers first; empty when no paper lists
   * such an author (and from an index that cannot tell).
   */
  default List<String> authorsNamed(String given, String surname) {
    return List.of();
  }

  /** Personal recommendations for a member's profile. */
  Recommendations recommend(ProfileQuery query);

  /** A digest's papers: see {@link DigestQuery}. */
  Recommendations digest(DigestQuery query);

  /** The most recent and most upvoted papers, for members with no profile yet. */
  default Recommendations trending(int limit) {
    return trending(0, limit);
  }

  /**
   * A page of {@link #trending(int)}: {@code limit} papers from {@code offset} in trending order,
   * as a member with no profile pages through them.
   */
  Recommendations trending(int offset, int limit);

  /** Papers most like the given one (by its distinctive terms), the paper itself excluded. */
  SearchResults moreLikeThis(String id, int limit);

  /**
   * As {@link #moreLikeThis(String, int)}, ranked with a member's stored like model ({@code
   * learned}, see {@link #likeTerms}) beside the paper's own words.
   */
  default SearchResults moreLikeThis(String id, int limit, Map<String, Double> learned) {
    return moreLikeThis(id, limit);
  }

  /**
   * What liking (or disliking) this paper teaches a member's model: its most distinctive words and
   * word pairs, readable, with their tf-idf weights (unit length over the whole paper); empty for
   * an unknown id (and from an index that cannot tell, so such a like teaches nothing).
   */
  default Map<String, Double> likeTerms(String id) {
    return Map.of();
  }

  /** The paper with this id (or one of its former ids), if indexed. */
  Optional<Paper> get(String id);

  /** Number of papers indexed. */
  long size();

  @Override
  void close();
}
