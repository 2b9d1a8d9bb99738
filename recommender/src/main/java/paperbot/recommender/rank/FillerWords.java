package paperbot.recommender.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import paperbot.recommender.index.PaperFields;

/**
 * Words every abstract uses ("propose", "results", "its"): as a paper's distinctive words they
 * would teach a profile nothing, and a why-line naming them would tell a researcher nothing.
 */
public final class FillerWords {
  private static final List<String> WORDS =
      List.of(
          "other",
          "key",
          "also",
          "based",
          "approach",
          "approaches",
          "method",
          "methods",
          "paper",
          "propose",
          "proposed",
          "result",
          "results",
          "show",
          "shows",
          "new",
          "novel",
          "scenario",
          "scenarios",
          "using",
          "use",
          "work",
          "works",
          "however",
          "existing",
          "significantly",
          "various",
          "different",
          "including",
          "across",
          "further",
          "well",
          "effective",
          "effectively",
          "demonstrate",
          "performance",
          "framework",
          "task",
          "tasks",
          "state",
          "art",
          "challenge",
          "challenges",
          "enable",
          "enables",
          "address",
          "via",
          "often",
          "many",
          "require",
          "requires",
          "find",
          "help",
          "able",
          "each",
          "promising",
          "impressive",
          "contribution",
          "contributions",
          "field",
          "first",
          "two",
          "one",
          "make",
          "however",
          "thus",
          "while",
          "from",
          "our",
          "we",
          "us",
          "can",
          "which",
          "has",
          "have",
          "more",
          "than",
          "both",
          "when",
          "where",
          "how",
          "what",
          "over",
          "only",
          "without",
          "within",
          "through",
          "its",
          "all",
          "hope",
          "believe",
          "aim",
          "aims",
          "present",
          "presents",
          "introduce",
          "introduces",
          "provide",
          "provides",
          "achieve",
          "achieves",
          "achieving",
          "outperform",
          "outperforms",
          "outperforming",
          "extensive",
          "publicly",
          "available",
          "https",
          "github",
          "com",
          "leverage",
          "leverages",
          "recent",
          "recently",
          "remarkable",
          "superior",
          "crucial",
          "widely");

  private FillerWords() {}

  /** The words as {@code analyzer} indexes them (their stems). */
  public static Set<String> stems(Analyzer analyzer) {
    Set<String> stems = new HashSet<>();
    for (String word : WORDS) {
      try {
        stems.addAll(PaperText.analyse(analyzer, PaperFields.ABSTRACT, List.of(word)).terms());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Set.copyOf(stems);
  }
}
