package paperbot.recommender.rank;

/**
 * Cuts about two lines of plain text from an abstract at word boundaries, with ellipses where text
 * was left out. Plain text because each platform marks up text its own way.
 */
final class SnippetFormatter {
  static final int LENGTH = 220;

  /** Context kept before the first match, so the snippet does not start on the matched word. */
  static final int LEAD = 60;

  private SnippetFormatter() {}

  /** About {@link #LENGTH} characters of text from {@code start}, moved to word boundaries. */
  static String window(String content, int start) {
    int from = start;
    if (from > 0) {
      int space = content.indexOf(' ', from);
      from = space < 0 || space > from + LEAD ? from : space + 1;
    }
    int to = Math.min(content.length(), from + LENGTH);
    if (to < content.length()) {
      int space = content.lastIndexOf(' ', to);
      to = space > from + LENGTH / 2 ? space : to;
    }
    String text = content.substring(from, to).strip();
    return (from > 0 ? "…" : "") + text + (to < content.length() ? " …" : "");
  }
}
