package paperbot.recommender.rank;

/**
 * A phrase quoted as researchers quote one, in any language's marks: 'diffusion policy', ‘diffusion
 * policy’, «diffusion policy», „diffusion policy“. Search reads straight and curly double quotes
 * ({@link QueryOperators}, {@link QueryWords}); the other marks of a pair are turned into curly
 * ones, so every later step reads them alike. Read as before, the words were searched loose and the
 * phrase was lost.
 *
 * <p>A single quote is also an apostrophe (don't, Bellman's, agents' memory, rock 'n' roll), so it
 * marks a phrase only at a word's edge: an opening one after the start, a space or a sign and
 * before a letter; a closing one after no space and before the end, a space or a sign; two letters
 * or digits at least between them. Of two opening ones the later counts ("get 'em 'world models'").
 * A mark left unmatched, and single quotes inside a double-quoted phrase, stay as typed. Two passes
 * over the text, without a pattern: any text costs its length.
 */
final class QuoteMarks {
  private static final char OPENING = '\u201c';
  private static final char CLOSING = '\u201d';

  /** Letters or digits a single-quoted phrase has at least: "rock 'n' roll" quotes no phrase. */
  private static final int MIN_QUOTED = 2;

  private QuoteMarks() {}

  /** The text with the marks of each quoted phrase read as double quotes; the text if none. */
  static String paired(String text) {
    int doubles = 0;
    int lastDouble = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isDouble(text.charAt(i))) {
        doubles++;
        lastDouble = i;
      }
    }
    // Double marks pair in turn, as search pairs straight ones; an odd last one opens no phrase.
    int unmatched = doubles % 2 == 1 ? lastDouble : -1;
    char[] out = null;
    int seen = 0;
    int pending = -1;
    int quoted = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (i == unmatched && searchReads(c)) {
        break; // what follows an unmatched straight quote is a phrase to search, not to pair in
      }
      if (isDouble(c) && i != unmatched) {
        if (!searchReads(c)) {
          out = changed(out, text);
          out[i] = seen % 2 == 0 ? OPENING : CLOSING;
        }
        seen++;
        pending = -1;
      } else if (seen % 2 == 1) {
        continue; // inside a double-quoted phrase: its single quotes are apostrophes or its own
      } else if (isSingle(c) && closes(text, i) && pending >= 0 && quoted >= MIN_QUOTED) {
        out = changed(out, text);
        out[pending] = OPENING;
        out[i] = CLOSING;
        pending = -1;
      } else if (isSingle(c) && opens(text, i)) {
        pending = i;
        quoted = 0;
      } else if (isSingle(c) && closes(text, i)) {
        pending = -1; // "rock 'n' roll": a closing mark too soon closes nothing
      } else if (Character.isLetterOrDigit(c)) {
        quoted++;
      }
    }
    return out == null ? text : new String(out);
  }

  private static char[] changed(char[] out, String text) {
    return out != null ? out : text.toCharArray();
  }

  /** After the start, a space or a sign, and before a letter: 'world models'. */
  private static boolean opens(String text, int i) {
    return (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
        && i + 1 < text.length()
        && Character.isLetter(text.charAt(i + 1));
  }

  /** After no space, and before the end, a space or a sign: 'world models'~2. */
  private static boolean closes(String text, int i) {
    return i > 0
        && !Character.isWhitespace(text.charAt(i - 1))
        && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)));
  }

  /** The marks search reads as a phrase's quotes already. */
  private static boolean searchReads(char c) {
    return c == '"' || c == OPENING || c == CLOSING;
  }

  /** Double quotes and guillemets, which no word has inside it. */
  private static boolean isDouble(char c) {
    return searchReads(c) || c == '\u201e' || c == '\u201f' || c == '\u00ab' || c == '\u00bb';
  }

  /** Single quotes, of which the straight and the right one are apostrophes too. */
  private static boolean isSingle(char c) {
    return c == '\''
        || c == '\u2018'
        || c == '\u2019'
        || c == '\u201a'
        || c == '\u201b'
        || c == '\u2039'
        || c == '\u203a';
  }
}
