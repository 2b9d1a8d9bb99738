package paperbot.recommender.rank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits user text into plain lower-case words. Everything that is not a letter or digit separates
 * words, so Lucene syntax, quotes, emoji and control characters never reach a query parser: there
 * is none.
 */
final class QueryWords {
  /** Longest input read; beyond it nobody is typing a query. */
  static final int MAX_CHARS = 500;

  /**
   * Most words used; a query longer than this is a pasted abstract, and its tail adds cost, not
   * precision.
   */
  static final int MAX_WORDS = 32;

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private QueryWords() {}

  /**
   * The words of a text, at most {@link #MAX_WORDS}.
   *
   * @param text raw user text (any length, any characters)
   */
  static List<String> of(String text) {
    String head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    String folded = Normalizer.normalize(head, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : SEPARATORS.split(folded)) {
      if (!word.isEmpty() && words.size() < MAX_WORDS) {
        words.add(word);
      }
    }
    return words;
  }

  /** True when {@link #of} had to drop part of the text. */
  static boolean wasCut(String text) {
    if (text.length() > MAX_CHARS) {
      return true;
    }
    return SEPARATORS.split(text.strip()).length > MAX_WORDS;
  }
}
