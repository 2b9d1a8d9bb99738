package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;

/**
 * Search-engine syntax researchers bring from arXiv or Lucene: field prefixes ({@code ti:world
 * models}, {@code au:levine}), wildcards ({@code polic*}, {@code diff*sion}, {@code rob?t}) and
 * operators ({@link QueryOperators}: {@code "diffusion policy"~3}, {@code robot~}, {@code
 * diffusion^3}, {@code +diffusion}, {@code AND}), and a phrase in any quote marks ({@link
 * QuoteMarks}: {@code 'diffusion policy'}, {@code «diffusion policy»}). Read as words, "ti" would
 * be searched for and "polic" would match nothing. Every search already looks in titles, abstracts
 * and authors and finds a word's other forms, so a prefix is taken out, a word with a wildcard is
 * read as the word papers use most that fits ({@link WildcardWords}: "polic*" as "policy",
 * "diff*sion" as "diffusion"), and the member is told.
 */
final class SearchSyntax {
  /** arXiv's field prefixes and their spelled-out forms, before a term. */
  private static final Pattern FIELD =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{N}_.-])(?:ti|title|abs|abstract|au|author|authors|all):(?=\\S)");

  static final String FIELD_NOTICE =
      "Fields such as ti: or au: aren't needed: every search looks in titles, abstracts and"
          + " authors.";

  /**
   * The query without the syntax, what the member is told of it (null when nothing), and what its
   * operators ask beyond the words ({@link QueryOperators}).
   */
  record Read(String query, String notice, SearchMarks marks) {}

  private SearchSyntax() {}

  static Read of(String query, IndexSearcher searcher, Analyzer analyzer) throws IOException {
    List<String> notices = new ArrayList<>();
    String read = QuoteMarks.paired(query);
    if (FIELD.matcher(read).find()) {
      read = FIELD.matcher(read).replaceAll("");
      notices.add(FIELD_NOTICE);
    }
    List<String> fitted = new ArrayList<>();
    List<String> unfitted = new ArrayList<>();
    List<String> tooFew = new ArrayList<>();
    StringBuilder out = new StringBuilder(read.length());
    // Words read in one pass without a pattern: a 200,000-letter word with stars costs one read.
    for (int i = 0; i < read.length(); ) {
      if (!wordPart(read.charAt(i))) {
        out.append(read.charAt(i++));
        continue;
      }
      int end = i;
      while (end < read.length() && wordPart(read.charAt(end))) {
        end++;
      }
      int wordEnd = end;
      while (wordEnd > i && read.charAt(wordEnd - 1) == '?') {
        wordEnd--; // a question mark that ends a word asks; it is no wildcard
      }
      String typed = read.substring(i, wordEnd);
      String word = typed;
      if (hasWildcard(typed)) {
        word = wordFor(typed, searcher, analyzer);
        if (word != null) {
          fitted.add(shown(typed) + " as \u201c" + word + "\u201d");
        } else {
          (tooShort(typed) ? tooFew : unfitted).add(shown(typed));
          word = typed.replace("*", "").replace("?", "");
        }
      }
      out.append(word).append(read, wordEnd, end);
      i = end;
    }
    if (!fitted.isEmpty() || !unfitted.isEmpty() || !tooFew.isEmpty()) {
      read = out.toString();
      notices.add(wildcardNotice(fitted, unfitted, tooFew));
    }
    // After the wildcards, so "polic*^2" weighs "policy".
    QueryOperators.Read operators = QueryOperators.of(read);
    if (operators.notice() != null) {
      notices.add(operators.notice());
    }
    return new Read(
        operators.query(),
        notices.isEmpty() ? null : String.join("\n", notices),
        operators.marks());
  }

  /**
   * "I read polic* as “policy”: the word papers use most that fits.", then the words nothing fits
   * and those with too few letters to fit, each searched for without their wildcards.
   */
  private static String wildcardNotice(
      List<String> fitted, List<String> unfitted, List<String> tooFew) {
    String read =
        fitted.isEmpty()
            ? ""
            : "I read "
                + String.join(", ", fitted)
                + (fitted.size() == 1
                    ? ": the word papers use most that fits. "
                    : ": the words papers use most that fit. ");
    if (!unfitted.isEmpty()) {
      read += "No word papers use fits " + String.join(", ", unfitted) + lettersSearched(unfitted);
    }
    if (!tooFew.isEmpty()) {
      read +=
          String.join(", ", tooFew)
              + (tooFew.size() == 1 ? " has" : " have")
              + " too few letters before a wildcard"
              + lettersSearched(tooFew);
    }
    return read + "Type whole words; each also finds its other forms (policy, policies).";
  }

  private static String lettersSearched(List<String> words) {
    return words.size() == 1
        ? ", so I searched for its letters. "
        : ", so I searched for their letters. ";
  }

  /** Too few letters before the first wildcard to start from ("ab*", "*former"). */
  private static boolean tooShort(String typed) {
    int first = firstWildcard(typed);
    boolean trailing = typed.substring(first).chars().allMatch(c -> c == '*');
    return first < (trailing ? WildcardWords.MIN_PREFIX : WildcardWords.MIN_INNER_PREFIX);
  }

  private static int firstWildcard(String typed) {
    int first = 0;
    while (!WildcardPattern.wildcard(typed.charAt(first))) {
      first++;
    }
    return first;
  }

  /**
   * The word searched for a word typed with wildcards: a start before stars completed ("polic*" as
   * "policy"), a wildcard inside matched ("diff*sion" as "diffusion"); null when no word papers use
   * fits.
   */
  private static String wordFor(String typed, IndexSearcher searcher, Analyzer analyzer)
      throws IOException {
    int first = firstWildcard(typed);
    if (first == 0 || typed.length() > WildcardWords.MAX_PATTERN) {
      return null; // nothing to start from ("*former"), or no word
    }
    if (typed.substring(first).chars().allMatch(c -> c == '*')) {
      return WildcardWords.completed(searcher, analyzer, typed.substring(0, first));
    }
    return WildcardWords.fitting(searcher, analyzer, WildcardPattern.of(typed));
  }

  /** A typed word as the notice echoes it: a hostile 200,000-letter word is cut. */
  private static String shown(String typed) {
    return typed.length() <= WildcardWords.MAX_PATTERN
        ? typed
        : typed.substring(0, WildcardWords.MAX_PATTERN) + "\u2026";
  }

  private static boolean wordPart(char c) {
    return Character.isLetterOrDigit(c) || WildcardPattern.wildcard(c);
  }

  private static boolean hasWildcard(String word) {
    return word.indexOf('*') >= 0 || word.indexOf('?') >= 0;
  }
}
