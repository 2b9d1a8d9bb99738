package paperbot.recommender.rank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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

  /**
   * A word left out with a leading minus, as search engines take it ("diffusion -video"): a minus
   * at the start of the text or after a space, then a letter or digit ("sim-to-real" and "- video"
   * are not), or a quoted phrase ("video -\"world models\"", quotes kept).
   */
  private static final Pattern EXCLUDED =
      Pattern.compile(
          "(?<=^|\\s)-([\"\u201c\u201d][^\"\u201c\u201d]+[\"\u201c\u201d]|[\\p{L}\\p{N}]\\S*)");

  /**
   * A word every paper found must have, as Lucene takes a leading plus ("+diffusion"): at the start
   * of the text or after a space, then a letter or digit ("c++" and "+ x" are not). The word stays
   * in the query.
   */
  private static final Pattern MUST_HAVE =
      Pattern.compile("(?<=^|\\s)\\+([\\p{L}\\p{N}][^\\s\"\u201c\u201d]*)");

  /**
   * A phrase in quotes, which every paper found must have as it stands ("\"world models\""). Chat
   * apps and phones often turn straight quotes into curly ones, so both count.
   */
  private static final Pattern QUOTED =
      Pattern.compile("[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]");

  /** The phrase of a quoted left-out entry ("\"world models\""), or null for a word. */
  static String quotedPhrase(String excluded) {
    Matcher quoted = QUOTED.matcher(excluded);
    return quoted.matches() ? quoted.group(1) : null;
  }

  /** Most words left out, or phrases required; more than a few is not a query. */
  static final int MAX_LIMITS = 8;

  /**
   * A query's text without its left-out words ({@code searched}, quoted phrases and words with a
   * plus still in it), the words left out, the quoted phrases, and the words with a plus.
   */
  record Split(
      String searched, List<String> excluded, List<String> required, List<String> mustHave) {}

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

  /**
   * "NOT" in capitals before a word or a quoted phrase, as arXiv's and Google Scholar's search take
   * it ("diffusion NOT video"): the same as a minus. A lower-case "not" is a word of the query.
   */
  private static final Pattern NOT =
      Pattern.compile("(?<=^|\\s)NOT\\s+(?=[\"\u201c\u201d\\p{L}\\p{N}])");

  /**
   * The words to leave out ("-video"), the quoted phrases and the words with a plus, apart from the
   * rest of the query.
   */
  static Split split(String text) {
    String head =
        NOT.matcher(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text)
            .replaceAll("-");
    List<String> excluded = new ArrayList<>();
    Matcher minus = EXCLUDED.matcher(head);
    StringBuilder searched = new StringBuilder();
    while (minus.find()) {
      if (excluded.size() < MAX_LIMITS && !of(minus.group(1)).isEmpty()) {
        excluded.add(minus.group(1));
      }
      minus.appendReplacement(searched, " ");
    }
    minus.appendTail(searched);
    List<String> required = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(searched);
    while (quoted.find() && required.size() < MAX_LIMITS) {
      if (!of(quoted.group(1)).isEmpty()) {
        required.add(quoted.group(1));
      }
    }
    List<String> mustHave = new ArrayList<>();
    Matcher plus = MUST_HAVE.matcher(searched);
    while (plus.find() && mustHave.size() < MAX_LIMITS) {
      if (!of(plus.group(1)).isEmpty()) {
        mustHave.add(plus.group(1));
      }
    }
    return new Split(
        searched.toString(), List.copyOf(excluded), List.copyOf(required), List.copyOf(mustHave));
  }

  /**
   * Where these words stand in a text as typed: whole words, in any case, with any separators
   * between them ("rein-forcement" for "rein forcement").
   */
  static Pattern typed(List<String> words) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])"
            + String.join("[^\\p{L}\\p{N}]+", words.stream().map(Pattern::quote).toList())
            + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** What {@link #of} dropped of the text, told to the member; null when nothing. */
  static String cutNotice(String text) {
    if (SEPARATORS.split(text.strip()).length > MAX_WORDS) {
      return "That was a long query: I searched for its first " + MAX_WORDS + " words.";
    }
    return text.length() > MAX_CHARS
        ? "That was a long query: I searched for its first " + MAX_CHARS + " characters."
        : null;
  }
}
