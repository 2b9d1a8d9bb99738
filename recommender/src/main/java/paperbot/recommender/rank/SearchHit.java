package paperbot.recommender.rank;

import java.util.List;
import java.util.stream.Collectors;
import paperbot.recommender.corpus.Paper;

/**
 * One ranked result.
 *
 * @param paper the paper
 * @param score the final ranking score (text relevance plus priors)
 * @param snippet a short plain-text passage of the abstract around the best match (about two lines)
 * @param matched why it matched, strongest first; for a related paper, the words it shares with the
 *     best matches
 * @param related true for a paper listed after every match as related to the best of them ({@link
 *     RelatedPapers})
 */
public record SearchHit(
    Paper paper, double score, String snippet, List<Match> matched, boolean related) {
  public SearchHit {
    matched = List.copyOf(matched);
  }

  /** A paper that matched the query. */
  public SearchHit(Paper paper, double score, String snippet, List<Match> matched) {
    this(paper, score, snippet, matched, false);
  }

  /**
   * The one-line reason, e.g. {@code matched: diffusion policy (title), imitation learning
   * (abstract)}.
   */
  public String whyLine() {
    if (matched.isEmpty()) {
      return "";
    }
    return matched.stream()
        .map(Match::toString)
        .collect(Collectors.joining(", ", related ? "related: " : "matched: ", ""));
  }
}
