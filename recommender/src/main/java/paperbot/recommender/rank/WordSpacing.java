package paperbot.recommender.rank;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spaces typed in the wrong place: left out between two words ("diffusionpolicy"), typed inside a
 * word ("rein forcement") or moved into the next word ("reinforcementl earning"). Each is put right
 * only where the text as typed has a word no paper has and the respaced words are words papers use,
 * so a correction can only add.
 */
final class WordSpacing {
  /** The shortest word a run-together word is split into. */
  static final int MIN_PART = 3;

  /** Letters a space may have moved into a neighbouring word ("reinforcementl earning"). */
  static final int SHIFT = 2;

  private static final Pattern LETTERS = Pattern.compile("[a-z]+");

  private WordSpacing() {}

  /**
   * Two words typed with the space in the wrong place, when one of them is a word no paper has (a
   * stop word does not count: "a symmetric" is not "asymmetric"; nor does a word the abbreviation
   * list knows): joined when papers use the whole ("rein forcement", "poli cy"), else split again
   * up to {@link #SHIFT} letters away when papers use both parts, or one and the other is a stop
   * word ("reinforcementl earning", "offlin erl", "agent sthat"); null otherwise.
   */
  static String respaced(WordLookups lookups, QueryExpander expander, String first, String second)
      throws IOException {
    String word = first + second;
    if (!LETTERS.matcher(word).matches()
        || word.length() < SpellingFixes.MIN_LENGTH
        || ChatWords.contains(first)
        || ChatWords.contains(second)) {
      return null;
    }
    boolean unknownPart = false;
    for (String part : List.of(first, second)) {
      // A word the abbreviation list knows is meant as typed, even where no paper has it.
      String term = expander.knowsWord(part) ? null : lookups.term(part);
      unknownPart |= term != null && lookups.papersWithTerm(term) == 0;
    }
    if (!unknownPart) {
      return null;
    }
    if (lookups.papers(word) >= SpellingFixes.MIN_PAPERS) {
      return word;
    }
    for (int shift = 1; shift <= SHIFT; shift++) {
      for (int at : new int[] {first.length() - shift, first.length() + shift}) {
        if (at >= 1 && at <= word.length() - 1) {
          String left = word.substring(0, at);
          String right = word.substring(at);
          if (isWord(lookups, left, right) && isWord(lookups, right, left)) {
            return left + " " + right;
          }
        }
      }
    }
    return null;
  }

  /**
   * Two words typed without the space between them ("diffusionpolicy"), when papers use both: of
   * the places to split, the one whose rarer part the most papers have; null when none.
   */
  static String split(WordLookups lookups, String word) throws IOException {
    String best = null;
    int bestPapers = SpellingFixes.MIN_PAPERS - 1;
    for (int at = MIN_PART; at <= word.length() - MIN_PART; at++) {
      String first = word.substring(0, at);
      String second = word.substring(at);
      int papers = Math.min(lookups.papers(first), lookups.papers(second));
      if (papers > bestPapers) {
        best = first + " " + second;
        bestPapers = papers;
      }
    }
    return best;
  }

  /**
   * True when papers use the part, or it is a stop word ("agents that", "compress a") beside a part
   * papers use; a single letter only as a stop word.
   */
  private static boolean isWord(WordLookups lookups, String part, String other) throws IOException {
    if (lookups.stopWord(part)) {
      return lookups.papers(other) >= SpellingFixes.MIN_PAPERS;
    }
    return part.length() >= 2 && lookups.papers(part) >= SpellingFixes.MIN_PAPERS;
  }
}
