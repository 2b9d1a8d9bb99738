package paperbot.recommender.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lucene's and Elasticsearch's query operators, as researchers paste them: a phrase's words near
 * each other ({@code "diffusion policy"~3}), a fuzzy word ({@code robot~}, {@code transformer~1}),
 * a weighed word or phrase ({@code diffusion^3}), a required word ({@code +diffusion}), {@code
 * AND}, {@code OR}, {@code &&}, {@code ||} and a left-out group ({@code -(video OR audio)}, {@code
 * NOT (…)}). Read as words, "~2" searched for "2" and {@code -(video OR audio)} searched for video.
 * A letter raised to a number ({@code l^2}) is maths, read as the word papers write ("l2").
 *
 * <p>The marks are taken out of the text and what they ask is kept apart ({@link SearchMarks}); a
 * required word keeps its {@code +} for {@link QueryWords#split}, which reads it as it reads a
 * minus. The text is read in one pass, without a pattern, and at most {@link #MAX_MARKS} marks are
 * read: any text costs its length.
 */
final class QueryOperators {
  /** Most words apart a phrase's words are read as near; more is anywhere in the field. */
  static final int MAX_SLOP = 20;

  /** A slop longer than any title or abstract: the phrase's words anywhere in the field. */
  static final int ANYWHERE = 100_000;

  /** A weight above this would leave the other words no say at all. */
  static final float MAX_WEIGHT = 10f;

  /** Below this a word might as well be left out, which a minus says. */
  static final float MIN_WEIGHT = 0.1f;

  /** Marks read; more is pasted noise, dropped unread. */
  static final int MAX_MARKS = QueryWords.MAX_WORDS;

  /** Longest number read as a number; longer is absurdly large (or small). */
  private static final int MAX_NUMBER = 24;

  /** Most digits of a power ("x^10") or after a letter ("l2^2"); more is no maths anyone writes. */
  private static final int MAX_POWER_DIGITS = 3;

  /** The text without the marks, what the member is told of them (null when nothing), the marks. */
  record Read(String query, String notice, SearchMarks marks) {}

  /** The words or phrase a mark follows, as shown, and whether it is left out ("-video^2"). */
  private record Unit(String shown, List<String> words, boolean phrase, boolean excluded) {}

  private final String text;
  private final StringBuilder out;
  private int tokenStart;
  private int quotes;
  private int openAt;
  private int negated;
  private int marks;
  private final Map<String, Float> weights = new HashMap<>();
  private final Map<List<String>, Integer> slops = new HashMap<>();
  private final List<String> near = new ArrayList<>();
  private final List<String> asTyped = new ArrayList<>();
  private final List<String> noNumber = new ArrayList<>();
  private final List<String> anywhere = new ArrayList<>();
  private final List<String> fuzzy = new ArrayList<>();
  private final List<String> weighed = new ArrayList<>();
  private final List<String> unweighed = new ArrayList<>();
  private final List<String> powers = new ArrayList<>();

  private QueryOperators(String text) {
    this.text = text;
    this.out = new StringBuilder(text.length());
  }

  static Read of(String text) {
    return new QueryOperators(text).read();
  }

  private Read read() {
    for (int i = 0; i < text.length(); ) {
      i = next(i);
    }
    String query = out.toString();
    List<String> notices = new ArrayList<>();
    QueryWords.Split split = QueryWords.split(query);
    addNotices(notices, split.mustHave(), weighsNothing(split.searched()));
    return new Read(
        query,
        notices.isEmpty() ? null : String.join("\n", notices),
        weights.isEmpty() && slops.isEmpty() ? SearchMarks.NONE : new SearchMarks(weights, slops));
  }

  /** Reads what starts at {@code i}; returns where the next thing starts. */
  private int next(int i) {
    char c = text.charAt(i);
    if (c == '~' || c == '^') {
      return mark(i);
    }
    if (quote(c)) {
      if (quotes % 2 == 0 && negated > 0 && out.length() == tokenStart) {
        out.append('-'); // a phrase in a left-out group is left out
      }
      quotes++;
      if (quotes % 2 == 1) {
        openAt = out.length();
      }
      return append(c, i + 1);
    }
    if (Character.isWhitespace(c) || quotes % 2 == 1) {
      // Inside quotes everything is the phrase's: "research AND development" stays as typed.
      out.append(c);
      if (Character.isWhitespace(c)) {
        tokenStart = out.length();
      }
      return i + 1;
    }
    if (text.startsWith("&&", i)) {
      return append(' ', i + 2);
    }
    if (text.startsWith("||", i)) {
      // As "OR": each side is a subject of its own (QuerySubjects).
      out.append(negated > 0 ? " " : " OR ");
      tokenStart = out.length();
      return i + 2;
    }
    boolean tokenStarts = out.length() == tokenStart;
    if (tokenStarts && word(i, "AND")) {
      // What both sides have ranks first already: AND is the words side by side.
      return append(' ', i + 3);
    }
    if (tokenStarts && negated > 0 && word(i, "OR")) {
      return append(' ', i + 2);
    }
    if (c == '(') {
      return open(i);
    }
    if (c == ')') {
      if (negated > 0) {
        negated--;
        return append(' ', i + 1);
      }
      return append(c, i + 1);
    }
    if (tokenStarts && negated > 0 && Character.isLetterOrDigit(c)) {
      out.append('-');
    }
    out.append(c);
    return i + 1;
  }

  /** Appends {@code c}, after which a new word starts. */
  private int append(char c, int next) {
    out.append(c);
    tokenStart = out.length();
    return next;
  }

  /**
   * A parenthesis: after a minus or {@code NOT} it opens a left-out group, each of whose words and
   * phrases is left out ("-(video OR audio)" as "-video -audio", as Lucene reads it).
   */
  private int open(int i) {
    if (negated > 0) {
      negated++;
      return append(' ', i + 1);
    }
    if (out.length() - tokenStart == 1 && out.charAt(tokenStart) == '-') {
      out.setLength(tokenStart);
      negated = 1;
      return append(' ', i + 1);
    }
    int end = out.length();
    while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    if (end >= 3
        && out.substring(end - 3, end).equals("NOT")
        && (end == 3 || Character.isWhitespace(out.charAt(end - 4)))) {
      out.setLength(end - 3);
      negated = 1;
      return append(' ', i + 1);
    }
    return append('(', i + 1);
  }

  /** True when {@code word} in capitals stands alone at {@code i}: "AND", not "ANDROID". */
  private boolean word(int i, String word) {
    int end = i + word.length();
    if (!text.startsWith(word, i)) {
      return false;
    }
    if (end == text.length()) {
      return true;
    }
    char after = text.charAt(end);
    return Character.isWhitespace(after) || after == '(' || after == ')' || quote(after);
  }

  /**
   * A {@code ~} or {@code ^} and what follows it up to a space or a sign (a number, or junk such as
   * "abc"), read for the word or phrase before it; a mark after nothing separates words, and what
   * follows it is read as typed.
   */
  private int mark(int i) {
    char mark = text.charAt(i);
    int end = operandEnd(i + 1);
    if (mark == '^' && power(text.substring(i + 1, end))) {
      return end;
    }
    if (marks >= MAX_MARKS) {
      return end;
    }
    Unit unit = unit();
    if (unit == null && closedPhrase()) {
      return end; // a phrase of no words ("\"\"~2"): nothing to be near, nothing to weigh
    }
    if (unit == null) {
      return append(' ', i + 1); // a separator, as it always was: "+^2" is no "+2"
    }
    marks++;
    String operand = text.substring(i + 1, end);
    double value = value(operand);
    String typed = unit.shown() + mark + cut(operand);
    if (mark == '~' && unit.phrase() && unit.words().size() > 1) {
      slop(unit, typed, value);
    } else if (mark == '~') {
      if (!unit.excluded()) {
        once(fuzzy, typed + " as " + quoted(unit.words()));
      }
    } else if (!unit.excluded()) {
      weigh(unit, typed, value);
    }
    return end;
  }

  /**
   * True when the word read so far is a letter, or a letter and digits, and {@code exponent} a
   * number: "l^2", "L^1", "x^2", "l2^2" are maths, not a weight (a letter weighs nothing a search
   * can use). A letter and a whole power are read as the word papers write, which the analyzer
   * keeps as one ("L2 regularization" is "l2"); otherwise the power is left out ("l2^2", a squared
   * norm, is "l2").
   */
  private boolean power(String exponent) {
    int start = tokenStart;
    while (start < out.length() && (out.charAt(start) == '-' || out.charAt(start) == '+')) {
      start++;
    }
    int length = out.length() - start;
    if (length < 1
        || length > MAX_POWER_DIGITS + 1
        || !Character.isLetter(out.charAt(start))
        || !allDigits(out, start + 1)
        || !number(exponent)) {
      return false;
    }
    String typed = out.substring(start) + "^" + cut(exponent);
    if (length == 1 && exponent.length() <= MAX_POWER_DIGITS && allDigits(exponent, 0)) {
      out.append(exponent);
    }
    if (marks < MAX_MARKS && out.charAt(tokenStart) != '-') {
      marks++;
      once(powers, typed + " as " + quoted(QueryWords.of(out.substring(start))));
    }
    return true;
  }

  /** True when the text holds only ASCII digits from {@code from} on. */
  private static boolean allDigits(CharSequence text, int from) {
    for (int k = from; k < text.length(); k++) {
      if (text.charAt(k) < '0' || text.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  private void slop(Unit unit, String typed, double value) {
    if (!(value >= 0)) {
      once(noNumber, typed);
    } else if (value < 1) {
      once(asTyped, typed);
    } else if (value > MAX_SLOP) {
      once(anywhere, typed);
      slops.put(unit.words(), ANYWHERE);
    } else {
      int slop = (int) value;
      once(
          near,
          typed + " as its words up to " + slop + (slop == 1 ? " word" : " words") + " apart");
      slops.merge(unit.words(), slop, Math::max);
    }
  }

  private void weigh(Unit unit, String typed, double value) {
    if (!(value > 0)) {
      once(unweighed, typed);
      return;
    }
    float weight = (float) Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, value));
    String said = value > MAX_WEIGHT ? " (the most)" : value < MIN_WEIGHT ? " (the least)" : "";
    once(weighed, quoted(unit.words()) + " \u00d7" + shown(weight) + said);
    for (String word : unit.words()) {
      weights.merge(word, weight, Math::max);
    }
  }

  /**
   * The phrase a mark follows when the text read so far ends with one, else the word it follows;
   * null when it follows no word (a space, an opening quote, only signs).
   */
  private Unit unit() {
    int end = out.length();
    if (end == 0) {
      return null;
    }
    if (closedPhrase()) {
      List<String> words = QueryWords.of(out.substring(openAt + 1, end - 1));
      boolean excluded =
          openAt > 0
              && out.charAt(openAt - 1) == '-'
              && (openAt == 1 || Character.isWhitespace(out.charAt(openAt - 2)));
      return words.isEmpty()
          ? null
          : new Unit(cut(out.substring(openAt, end)), words, true, excluded);
    }
    if (tokenStart >= end) {
      return null;
    }
    String token = out.substring(tokenStart, end);
    List<String> words = QueryWords.of(token);
    return words.isEmpty() ? null : new Unit(cut(token), words, false, token.startsWith("-"));
  }

  /** True when the text read so far ends with a phrase's closing quote. */
  private boolean closedPhrase() {
    return out.length() > 0 && quote(out.charAt(out.length() - 1)) && quotes > 0 && quotes % 2 == 0;
  }

  /**
   * Where what follows a mark ends: letters, digits and dots, a sign first or after an exponent's
   * "e" ("2", "0.8", "-1", "1e-9", "abc"); {@code start} when a space or a sign follows it.
   */
  private int operandEnd(int start) {
    int k = start;
    while (k < text.length()) {
      char c = text.charAt(k);
      boolean sign =
          (c == '-' || c == '+')
              && (k == start || text.charAt(k - 1) == 'e' || text.charAt(k - 1) == 'E');
      if (!(Character.isLetterOrDigit(c) || c == '.' || sign)) {
        break;
      }
      k++;
    }
    return k;
  }

  /**
   * A mark's number; NaN for none or for junk, and an endless one for a number too long to be
   * meant.
   */
  private static double value(String operand) {
    if (!number(operand)) {
      return Double.NaN;
    }
    if (operand.length() > MAX_NUMBER) {
      return operand.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(operand);
  }

  /** Whether the text is a decimal number: a sign, digits, a fraction, an exponent. */
  private static boolean number(String text) {
    int k = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    int whole = digits(text, k);
    int end = whole;
    boolean any = whole > k;
    if (end < text.length() && text.charAt(end) == '.') {
      int fraction = digits(text, end + 1);
      any |= fraction > end + 1;
      end = fraction;
    }
    if (any && end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
      int e = end + 1;
      if (e < text.length() && (text.charAt(e) == '-' || text.charAt(e) == '+')) {
        e++;
      }
      int exponent = digits(text, e);
      end = exponent > e ? exponent : -1;
    }
    return any && end == text.length();
  }

  private static int digits(String text, int from) {
    int k = from;
    while (k < text.length() && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
      k++;
    }
    return k;
  }

  /**
   * True when every searched word ends up with the same weight ("diffusion^3" alone): a weight only
   * counts against the query's other words, so saying "I weighed" would promise a change that does
   * not happen.
   */
  private boolean weighsNothing(String searched) {
    return !weights.isEmpty()
        && QueryWords.of(searched).stream()
                .map(word -> weights.getOrDefault(word, 1f))
                .distinct()
                .count()
            == 1;
  }

  private void addNotices(List<String> notices, List<String> mustHave, boolean weighsNothing) {
    if (!near.isEmpty()) {
      notices.add("I read " + String.join(", ", near) + ".");
    }
    if (!anywhere.isEmpty()) {
      notices.add(
          "I read "
              + String.join(", ", anywhere)
              + (anywhere.size() == 1 ? " as its words" : " as their words")
              + " anywhere in the title or the abstract: ~ reads up to "
              + MAX_SLOP
              + " words apart.");
    }
    if (!asTyped.isEmpty()) {
      notices.add(
          "I read "
              + String.join(", ", asTyped)
              + (asTyped.size() == 1
                  ? " as the phrase as it stands."
                  : " as phrases as they stand."));
    }
    if (!noNumber.isEmpty()) {
      notices.add(
          "A ~ after a phrase takes how many words apart its words may be (\"diffusion policy\"~3),"
              + " so I searched "
              + String.join(", ", noNumber)
              + (noNumber.size() == 1
                  ? " as the phrase as it stands."
                  : " as phrases as they stand."));
    }
    if (!fuzzy.isEmpty()) {
      notices.add(
          "I read "
              + String.join(", ", fuzzy)
              + ": every word also finds its other forms, and a word no paper has is read as the"
              + " nearest one papers use.");
    }
    if (!powers.isEmpty()) {
      notices.add(
          "I read "
              + String.join(", ", powers)
              + (powers.size() == 1 ? ", as papers write it" : ", as papers write them")
              + ": a ^ after a letter is maths, and after a word it weighs the word"
              + " (planning^2).");
    }
    if (!weighed.isEmpty() && weighsNothing) {
      notices.add(
          "A weight counts against a query's other words (diffusion^3 policy), and every word of"
              + " this one weighs the same, so I searched it unweighed.");
    } else if (!weighed.isEmpty()) {
      notices.add("I weighed " + String.join(", ", weighed) + " against your other words.");
    }
    if (!unweighed.isEmpty()) {
      notices.add(
          "A weight is a number above 0 (diffusion^2), so I counted "
              + String.join(", ", unweighed)
              + " as any other word.");
    }
    if (!mustHave.isEmpty()) {
      notices.add(
          "I read "
              + String.join(", ", mustHave.stream().map(word -> "+" + cut(word)).toList())
              + (mustHave.size() == 1 ? " as a word" : " as words")
              + " every paper shown must have.");
    }
  }

  /** Adds a reading to a notice's list once: "diffusion~~" is read once. */
  private static void once(List<String> readings, String reading) {
    if (!readings.contains(reading)) {
      readings.add(reading);
    }
  }

  private static String quoted(List<String> words) {
    return "\u201c" + String.join(" ", words) + "\u201d";
  }

  /** A weight as a member writes it: 3, 0.5. */
  private static String shown(float weight) {
    return weight == Math.rint(weight)
        ? Integer.toString((int) weight)
        : String.format(Locale.ROOT, "%.2f", weight).replaceAll("0+$", "");
  }

  /** Typed text as a notice echoes it: a hostile 100,000-letter word or number is cut. */
  private static String cut(String typed) {
    return typed.length() <= WildcardWords.MAX_PATTERN
        ? typed
        : typed.substring(0, WildcardWords.MAX_PATTERN) + "\u2026";
  }

  private static boolean quote(char c) {
    return c == '"' || c == '\u201c' || c == '\u201d';
  }
}
