package paperbot.recommender.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds British into American spelling (behaviour → behavior, optimisation → optimization) and spells out π, before
 * stemming. It runs on both the indexed text and the query, so a consistent over-folding ("precise" → "precize")
 * is harmless: both sides agree.
 */
final class SpellingFilter extends TokenFilter {
  private static final Map<String, String> WORDS = Map.of(
      "π", "pi", "behaviour", "behavior", "behaviours", "behaviors", "behavioural", "behavioral",
      "modelling", "modeling", "colour", "color", "neighbour", "neighbor", "neighbours", "neighbors",
      "analyse", "analyze");

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  SpellingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String word = term.toString();
    String folded = fold(word);
    if (!folded.equals(word)) {
      term.setEmpty().append(folded);
    }
    return true;
  }

  static String fold(String word) {
    String mapped = WORDS.get(word);
    if (mapped != null) {
      return mapped;
    }
    if (word.length() > 6) {
      for (String[] suffix : new String[][] {{"isation", "ization"}, {"isations", "izations"}, {"ising", "izing"},
          {"ised", "ized"}, {"ise", "ize"}, {"ises", "izes"}}) {
        if (word.endsWith(suffix[0])) {
          return word.substring(0, word.length() - suffix[0].length()) + suffix[1];
        }
      }
    }
    return word;
  }
}
