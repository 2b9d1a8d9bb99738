package paperbot.recommender.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds British into American spelling (behaviour → behavior, optimisation → optimization) and
 * spells out π, before stemming. It runs on both the indexed text and the query, so a consistent
 * over-folding ("precise" → "precize") is harmless: both sides agree.
 */
final class SpellingFilter extends TokenFilter {
  private static final CharArrayMap<String> WORDS =
      new CharArrayMap<>(
          Map.of(
              "π",
              "pi",
              "behaviour",
              "behavior",
              "behaviours",
              "behaviors",
              "behavioural",
              "behavioral",
              "modelling",
              "modeling",
              "colour",
              "color",
              "neighbour",
              "neighbor",
              "neighbours",
              "neighbors",
              "analyse",
              "analyze"),
          false);

  /** British suffix, American suffix; only words longer than {@link #MIN_SUFFIXED} are folded. */
  private static final String[][] SUFFIXES = {
    {"isation", "ization"},
    {"isations", "izations"},
    {"ising", "izing"},
    {"ised", "ized"},
    {"ise", "ize"},
    {"ises", "izes"}
  };

  private static final int MIN_SUFFIXED = 6;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  SpellingFilter(TokenStream input) {
    super(input);
  }

  /**
   * Reads the term in place: this runs for every word of every paper, so it allocates nothing for
   * most words.
   */
  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    String mapped = WORDS.get(buffer, 0, length);
    if (mapped != null) {
      term.setEmpty().append(mapped);
    } else if (length > MIN_SUFFIXED) {
      for (String[] suffix : SUFFIXES) {
        if (endsWith(buffer, length, suffix[0])) {
          term.setLength(length - suffix[0].length()).append(suffix[1]);
          break;
        }
      }
    }
    return true;
  }

  private static boolean endsWith(char[] buffer, int length, String suffix) {
    int start = length - suffix.length();
    if (start < 0) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (buffer[start + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
