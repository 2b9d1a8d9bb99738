package paperbot.recommender.digest;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.index.WordPairs;

/**
 * Tells whether a paper is about one of a member's topics: every word of the topic occurs in the
 * title or abstract, compared after the index's own analysis (so "policies" matches a "policy"
 * topic). Used to mention members in a channel digest, for the few papers of one post, so no index
 * query is needed.
 */
public final class TopicMatcher {
  private final Analyzer analyzer = new PaperAnalyzer();

  /** The member's strongest topic the paper is about, if any. */
  public Optional<String> strongestMatch(Paper paper, Map<String, Double> topics) {
    Set<String> words =
        terms(CleanText.of(paper.displayTitle()) + " " + CleanText.of(paper.abstractText()));
    return topics.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .filter(topic -> {
          Set<String> needed = terms(topic.getKey());
          return !needed.isEmpty() && words.containsAll(needed);
        })
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private Set<String> terms(String text) {
    return new HashSet<>(WordPairs.analyse(analyzer, PaperFields.ABSTRACT, text).terms());
  }
}
