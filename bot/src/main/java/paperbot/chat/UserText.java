package paperbot.chat;

import java.text.Normalizer;

/**
 * Text members type, on its way in: every platform's command name, text and typed options pass
 * {@link #normalise} once, in {@link ChatRequest}, so the core only ever sees one spelling of what
 * looks the same.
 */
public final class UserText {
  private UserText() {}

  /**
   * The text as the core reads it: NFKC (full-width letters and digits, ligatures and compatibility
   * spaces become their plain forms), without format characters (zero-width space and joiner, BOM,
   * bidi controls) or control characters, every kind of whitespace (tab, newline, no-break space,
   * ideographic space) a plain space, runs of spaces one, and trimmed. Never null.
   */
  public static String normalise(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String visible = Normalizer.normalize(dropInvisible(text), Normalizer.Form.NFKC);
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
  private static String dropInvisible(String text) {
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
   * Control characters other than whitespace (NUL, ESC, DEL, C1), format characters, and half a
   * surrogate pair.
   */
  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
  }
}
