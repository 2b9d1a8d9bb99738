package paperbot.recommender.profile;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Profile text as members' entries are compared: lower case, with accents and other marks folded
 * the way search folds them ({@link ASCIIFoldingFilter}: "café" is "cafe", "Müller" is "muller",
 * "ß" is "ss"), so two topics, muted terms or followed authors that differ only so are one entry,
 * as they already find the same papers. A comparison key, never stored or shown: entries keep the
 * spelling the member typed.
 */
public final class FoldedText {
  /** The most characters ASCIIFoldingFilter writes for one ("⑽" is "(10)"). */
  private static final int MOST_PER_CHAR = 4;

  private FoldedText() {}

  /** The text's comparison key; never null. */
  public static String of(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char[] in = text.toLowerCase(Locale.ROOT).toCharArray();
    char[] out = new char[in.length * MOST_PER_CHAR];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    // Folding may bring capitals back ("Ǆ" lower-cased is "ǆ", folded "dz"; a few fold to upper).
    return new String(out, 0, length).toLowerCase(Locale.ROOT);
  }
}
