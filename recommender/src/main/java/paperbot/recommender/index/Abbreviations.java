package paperbot.recommender.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The abbreviations a text defines, as papers do: "Decision Transformer (DT)", "state-of-the-art
 * (SOTA)", "Mixture-of-Denoising Experts (MoDE)".
 *
 * <p>Why: a researcher types the abbreviation ("dt") while many papers only write it out, and no
 * hand-made list keeps up with a field that coins new ones every week. The corpus itself says what
 * they mean. The method is Schwartz and Hearst's (2003): the abbreviation in parentheses, its long
 * form the words just before it whose letters spell it in order. Here every word of the long form
 * must start one of the abbreviation's letters (joining words such as "of" may be skipped), and of
 * the long forms that spell it, the one whose words' initials spell most of it wins
 * ("self-supervised learning" for SSL, not "supervised learning").
 */
public final class Abbreviations {
  /** A definition: the abbreviation (lower case, a plural's "s" dropped) and its long form. */
  public record Definition(String abbreviation, String longForm) {}

  /** An abbreviation has at most this many letters and digits. */
  private static final int LONGEST = 12;

  /** Words a long form may hold without an abbreviation letter of their own. */
  private static final Set<String> JOINING =
      Set.of(
          "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
          "to", "via", "with", "without", "using", "under", "over");

  /**
   * More long-form words than this beyond the abbreviation's letters are never one of its forms.
   */
  private static final int EXTRA_WORDS = 4;

  /**
   * A long form longer than this is no name (and a keyword of a few hundred kilobytes would fail
   * the whole paper's indexing).
   */
  private static final int LONGEST_LONG_FORM = 120;

  private static final int NO_MATCH = -1;

  private Abbreviations() {}

  /**
   * The definitions in a text, in order (the same one may come twice). Every paper passes through
   * here at ingest, so the text is scanned by hand: a parenthesis that holds no abbreviation costs
   * a few character tests, and the words before one are read back only as far as a long form
   * reaches.
   */
  public static List<Definition> in(String text) {
    List<Definition> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    for (int open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
      String written = parenthesised(text, open);
      if (written == null) {
        continue;
      }
      String abbreviation = singular(written);
      if (capitals(abbreviation) < 2) {
        continue; // "(see)", "(e.g", "(Fig": not an abbreviation
      }
      String letters = letters(abbreviation);
      if (letters.length() < 2) {
        continue;
      }
      String longForm = longForm(letters, wordsBefore(text, open, letters.length() + EXTRA_WORDS));
      if (longForm != null) {
        found.add(new Definition(abbreviation.toLowerCase(Locale.ROOT), longForm));
      }
    }
    return found;
  }

  /**
   * The word in the parenthesis opening at {@code open} when it is all the parenthesis holds, or
   * the first item of a list in it ("(SFT; Ouyang et al.)"): a letter, then letters and digits.
   */
  private static String parenthesised(String text, int open) {
    int start = open + 1;
    while (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    int end = start;
    while (end < text.length() && end - start <= LONGEST && isWordChar(text.charAt(end))) {
      end++;
    }
    if (end - start < 2 || end - start > LONGEST || !isLetter(text.charAt(start))) {
      return null;
    }
    int after = end;
    while (after < text.length() && text.charAt(after) == ' ') {
      after++;
    }
    if (after == text.length() || ");,".indexOf(text.charAt(after)) < 0) {
      return null;
    }
    return text.substring(start, end);
  }

  /** "LLMs" stands for "LLM": a plural's lower-case "s" after two capitals is dropped. */
  private static String singular(String written) {
    int last = written.length() - 1;
    return written.charAt(last) == 's' && capitals(written.substring(0, last)) >= 2
        ? written.substring(0, last)
        : written;
  }

  private static int capitals(String text) {
    int capitals = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
        capitals++;
      }
    }
    return capitals;
  }

  /** The abbreviation's letters, lower case: digits spell nothing ("TD3"). */
  private static String letters(String abbreviation) {
    StringBuilder letters = new StringBuilder(abbreviation.length());
    for (int i = 0; i < abbreviation.length(); i++) {
      char c = abbreviation.charAt(i);
      if (isLetter(c)) {
        letters.append(Character.toLowerCase(c));
      }
    }
    return letters.toString();
  }

  /**
   * Up to {@code most} words just before {@code end}, lower case, in text order; none from before
   * the clause ("."/";"/":" and a space, or a bracket).
   */
  private static List<String> wordsBefore(String text, int end, int most) {
    List<String> words = new ArrayList<>();
    int i = end - 1;
    while (i >= 0 && words.size() < most) {
      char c = text.charAt(i);
      if (isWordChar(c)) {
        int wordEnd = i + 1;
        while (i >= 0 && isWordChar(text.charAt(i))) {
          i--;
        }
        words.add(text.substring(i + 1, wordEnd).toLowerCase(Locale.ROOT));
      } else if ("()[]{}".indexOf(c) >= 0
          || (".;:!?".indexOf(c) >= 0
              && i + 1 < end
              && Character.isWhitespace(text.charAt(i + 1)))) {
        break;
      } else {
        i--;
      }
    }
    Collections.reverse(words);
    return words;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isWordChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9');
  }

  /**
   * The long form among the last words that spells {@code letters}: most letters spelled by word
   * initials, then fewest words; null when none does or it is a single word.
   */
  private static String longForm(String letters, List<String> words) {
    int longest = Math.min(words.size(), letters.length() + EXTRA_WORDS);
    String best = null;
    int bestInitials = 0;
    for (int size = 2; size <= longest; size++) {
      List<String> candidate = words.subList(words.size() - size, words.size());
      if (JOINING.contains(candidate.get(0))) {
        continue;
      }
      int[][] memo = new int[letters.length() + 1][size + 1];
      for (int[] row : memo) {
        Arrays.fill(row, Integer.MIN_VALUE);
      }
      int initials = initials(letters, 0, candidate, 0, memo);
      String longForm = String.join(" ", candidate);
      if (initials > bestInitials && longForm.length() <= LONGEST_LONG_FORM) {
        bestInitials = initials;
        best = longForm;
      }
    }
    return best;
  }

  /**
   * How many of {@code letters} from {@code i} on are word initials when {@code words} from {@code
   * j} on spell them, or {@link #NO_MATCH}. A word spells the next letter with its initial and may
   * spell the following ones with later letters of its own ("LoRA": "lo" from "low", "rank",
   * "adaptation"); a joining word may spell none ("MoDE": "mixture", "of", "denoising", "experts").
   */
  private static int initials(String letters, int i, List<String> words, int j, int[][] memo) {
    if (memo[i][j] != Integer.MIN_VALUE) {
      return memo[i][j];
    }
    int best = NO_MATCH;
    if (j == words.size()) {
      best = i == letters.length() ? 0 : NO_MATCH;
    } else {
      String word = words.get(j);
      if (JOINING.contains(word)) {
        best = initials(letters, i, words, j + 1, memo);
      }
      if (i < letters.length() && word.charAt(0) == letters.charAt(i)) {
        int next = i + 1;
        int from = 1;
        while (true) {
          int rest = initials(letters, next, words, j + 1, memo);
          if (rest != NO_MATCH) {
            best = Math.max(best, rest + 1);
          }
          if (next == letters.length()) {
            break;
          }
          int at = word.indexOf(letters.charAt(next), from);
          if (at < 0) {
            break;
          }
          from = at + 1;
          next++;
        }
      }
    }
    memo[i][j] = best;
    return best;
  }
}
