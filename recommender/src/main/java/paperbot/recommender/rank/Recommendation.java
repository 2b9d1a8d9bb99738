package paperbot.recommender.rank;

import java.util.List;
import paperbot.recommender.corpus.Paper;

/**
 * A paper picked for a member, with the reasons it was picked.
 *
 * @param paper the paper
 * @param score final score
 * @param snippet about two lines of the abstract
 * @param topics the member's topics it matched, strongest weight first
 * @param authors followed authors among its authors
 * @param trending how much recency and upvotes added to the score
 * @param resembles the title of a paper the member liked that this one is most like, or null
 * @param partly the member's topics it matches some words of, when it matches none whole
 */
public record Recommendation(
    Paper paper,
    double score,
    String snippet,
    List<String> topics,
    List<String> authors,
    double trending,
    String resembles,
    List<String> partly) {
  public Recommendation {
    topics = List.copyOf(topics);
    authors = List.copyOf(authors);
    partly = List.copyOf(partly);
  }

  /** A recommendation that resembles no liked paper (digests, trending). */
  public Recommendation(
      Paper paper,
      double score,
      String snippet,
      List<String> topics,
      List<String> authors,
      double trending) {
    this(paper, score, snippet, topics, authors, trending, null, List.of());
  }
}
