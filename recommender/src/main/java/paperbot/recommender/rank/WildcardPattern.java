package paperbot.recommender.rank;

import java.util.Arrays;
import java.util.Locale;

/**
 * A word typed with a star ({@code *}, any letters) or a question mark ({@code ?}, one letter)
 * inside it: {@code diff*sion}, {@code rob?t}. Matched as a set of pattern positions carried along
 * the text, one step per letter, never by backtracking: a text costs its length times the
 * pattern's, whatever the stars.
 */
final class WildcardPattern {
  /**
   * Letters a stem may end in that the typed word does not have at that place: Porter turns a final
   * y into i ("polici") and may add an e ("relate" from "relational").
   */
  static final int STEM_CHANGES = 2;

  /** Letters a stem keeps at least where the pattern has no star. */
  static final int MIN_CUT = 3;

  private final String pattern;
  private final int prefix;

  private WildcardPattern(String pattern) {
    this.pattern = pattern;
    int first = 0;
    while (first < pattern.length() && !wildcard(pattern.charAt(first))) {
      first++;
    }
    this.prefix = first;
  }

  /** The typed word in lower case, a run of stars one star (they match the same). */
  static WildcardPattern of(String typed) {
    return new WildcardPattern(typed.toLowerCase(Locale.ROOT).replaceAll("\\*++", "*"));
  }

  static boolean wildcard(char c) {
    return c == '*' || c == '?';
  }

  /** The letters before the first wildcard ("diff" of "diff*sion"). */
  String prefix() {
    return pattern.substring(0, prefix);
  }

  /** The pattern's letters without its wildcards, as the word was read before wildcards were. */
  String letters() {
    StringBuilder out = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      if (!wildcard(pattern.charAt(i))) {
        out.append(pattern.charAt(i));
      }
    }
    return out.toString();
  }

  /** True when the whole text fits the pattern ("diffusion" fits "diff*sion"). */
  boolean matches(String text) {
    boolean[] at = start();
    boolean[] next = new boolean[at.length];
    for (int i = 0; i < text.length(); i++) {
      if (!step(at, next, text.charAt(i))) {
        return false;
      }
      boolean[] swap = at;
      at = next;
      next = swap;
    }
    return at[pattern.length()];
  }

  /**
   * True when the index term may be the stem of a word that fits: the term fits the pattern up to a
   * place past its last star and at least one letter after it, and then has at most {@link
   * #STEM_CHANGES} letters of its own ("diffus" for "diff*sion", "transform" for "trans*rmer",
   * "polici" for "pol?cy"). {@code loose} lets the place be anywhere past {@link #MIN_CUT} letters,
   * as a stem may end before the star ("reinforc" of "reinforc*ment"); that lets most terms that
   * start alike through, so it is the second try.
   */
  boolean mayBeStemOf(String term, boolean loose) {
    boolean[] at = start();
    boolean[] next = new boolean[at.length];
    for (int i = 0; ; i++) {
      if (term.length() - i <= STEM_CHANGES && i > 0 && cut(at, loose)) {
        return true;
      }
      if (i == term.length()) {
        return at[pattern.length()];
      }
      if (!step(at, next, term.charAt(i))) {
        return false;
      }
      boolean[] swap = at;
      at = next;
      next = swap;
    }
  }

  /** A reached place where a stem may end the pattern early (see {@link #mayBeStemOf}). */
  private boolean cut(boolean[] at, boolean loose) {
    int lastLetter = pattern.length() - 1;
    while (lastLetter >= 0 && pattern.charAt(lastLetter) == '*') {
      lastLetter--;
    }
    int star = lastLetter < 0 ? -1 : pattern.lastIndexOf('*', lastLetter);
    for (int j = star < 0 || loose ? MIN_CUT : star + 2; j < pattern.length(); j++) {
      // Just past a star, any term that starts alike would do.
      if (at[j] && (loose || pattern.charAt(j - 1) != '*')) {
        return true;
      }
    }
    return false;
  }

  private boolean[] start() {
    boolean[] at = new boolean[pattern.length() + 1];
    at[0] = true;
    close(at);
    return at;
  }

  /** A star may match nothing: the place after it is reached with the place before it. */
  private void close(boolean[] at) {
    for (int j = 0; j < pattern.length(); j++) {
      if (at[j] && pattern.charAt(j) == '*') {
        at[j + 1] = true;
      }
    }
  }

  /** The places reached after one more letter; false when there are none. */
  private boolean step(boolean[] at, boolean[] next, char c) {
    Arrays.fill(next, false);
    boolean any = false;
    for (int j = 0; j < pattern.length(); j++) {
      if (!at[j]) {
        continue;
      }
      char p = pattern.charAt(j);
      if (p == c || wildcard(p)) {
        next[j + 1] = true;
        any = true;
      }
    }
    // A star already passed goes on taking letters.
    for (int j = 1; j <= pattern.length(); j++) {
      if (at[j] && pattern.charAt(j - 1) == '*') {
        next[j] = true;
        any = true;
      }
    }
    close(next);
    return any;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
