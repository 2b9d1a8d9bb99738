package paperbot.recommender.rank;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Cuts about two lines of plain text from an abstract, starting a little before the first match, at
 * word boundaries, with ellipses where text was left out. Plain text because each platform marks up
 * text its own way.
 */
final class SnippetFormatter extends PassageFormatter {
  static final int LENGTH = 220;

  /** Context kept before the first match, so the snippet does not start on the matched word. */
  private static final int LEAD = 60;

  @Override
  public Object format(Passage[] passages, String content) {
    if (passages.length == 0) {
      return window(content, 0);
    }
    Passage best = passages[0];
    int anchor = best.getNumMatches() > 0 ? best.getMatchStarts()[0] : best.getStartOffset();
    int start = Math.max(best.getStartOffset(), anchor - LEAD);
    return window(content, start);
  }

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
