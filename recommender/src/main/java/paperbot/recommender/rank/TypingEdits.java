package paperbot.recommender.rank;

import java.util.function.IntBinaryOperator;

/**
 * How many slips of the fingers turn one word into another: a letter left out, one too many, two
 * neighbours swapped, or a key next to the right one each count one (optimal string alignment
 * distance). A letter replaced by one far from it on the keyboard counts two, as a typist rarely
 * hits it: "stock" is two from "stack", so a word the papers never use is not read as another word
 * that is one vowel away.
 */
public final class TypingEdits {
  private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

  /** Where the rows start, in key widths: each row sits a little right of the one above. */
  private static final double[] ROW_OFFSETS = {0, 0.25, 0.75};

  private TypingEdits() {}

  static int between(String a, String b) {
    return edits(a, b, TypingEdits::replacing);
  }

  /**
   * Edits from one word to the other, each counting one whatever the keys (a command name typed
   * with a slip: "/topcis" is one from "/topics").
   */
  public static int plain(String a, String b) {
    return edits(a, b, (typed, meant) -> typed == meant ? 0 : 1);
  }

  private static int edits(String a, String b, IntBinaryOperator replacing) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int replace = d[i - 1][j - 1] + replacing.applyAsInt(a.charAt(i - 1), b.charAt(j - 1));
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), replace);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static int replacing(int typed, int meant) {
    if (typed == meant) {
      return 0;
    }
    return neighbours((char) typed, (char) meant) ? 1 : 2;
  }

  /** True when the two letters' keys touch on a QWERTY keyboard. */
  static boolean neighbours(char a, char b) {
    int rowA = row(a);
    int rowB = row(b);
    if (rowA < 0 || rowB < 0 || Math.abs(rowA - rowB) > 1) {
      return false;
    }
    double xA = ROWS[rowA].indexOf(a) + ROW_OFFSETS[rowA];
    double xB = ROWS[rowB].indexOf(b) + ROW_OFFSETS[rowB];
    return Math.abs(xA - xB) <= 1;
  }

  private static int row(char c) {
    for (int r = 0; r < ROWS.length; r++) {
      if (ROWS[r].indexOf(c) >= 0) {
        return r;
      }
    }
    return -1;
  }
}
