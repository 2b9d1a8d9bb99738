package paperbot.recommender.profile;

import java.text.Normalizer;

/**
 * Text as a member sees it: NFKC (full-width letters and digits, ligatures and compatibility spaces
 * become their plain forms), without format characters (zero-width space and joiner, BOM, bidi
 * controls), control characters, half surrogate pairs or replacement characters, every kind of
 * whitespace (tab, newline, no-break space, ideographic space) a plain space, runs of spaces one,
 * and trimmed. Two texts that look the same are one text: typed text is read so on its way in, and
 * what profiles stored before that is migrated so once ({@code VisibleProfileText}).
 */
public final class VisibleText {
  private VisibleText() {}

  /** The text as it looks; never null. */
  public static String of(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String visible = Normalizer.normalize(dropFormat(text), Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(visible.length());
    boolean space = true; // drops leading spaces and collapses runs
    for (int i = 0; i < visible.length(); ) {
      int c = visible.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else if (!invisible(c)) {
        out.appendCodePoint(c);
        space = false;
      }
    }
    int end = out.length();
    return space && end > 0 ? out.substring(0, end - 1) : out.toString();
  }

  /** Format characters go before NFKC, so a zero-width space cannot keep two letters apart. */
  private static String dropFormat(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) != Character.FORMAT) {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /**
   * Control characters other than whitespace (NUL, ESC, DEL, C1), format characters, half a pair,
   * and the replacement character a decoder puts where bytes were not text (invalid UTF-8 on a
   * console's input): kept, it was stored in a topic ("caf\uFFFD rl") and echoed as a box.
   */
  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || c == REPLACEMENT;
  }

  private static final int REPLACEMENT = 0xFFFD;
}
