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
 * @param matched why it matched, strongest first
 */
public record SearchHit(Paper paper, double score, String snippet, List<Match> matched) {
  public SearchHit {
    matched = List.copyOf(matched);
  }

  /**
   * The one-line reason, e.g. {@code matched: diffusion policy (title), imitation learning
   * (abstract)}.
   */
  public String whyLine() {
    if (matched.isEmpty()) {
      return "";
    }
    return matched.stream().map(Match::toString).collect(Collectors.joining(", ", "matched: ", ""));
  }
}
