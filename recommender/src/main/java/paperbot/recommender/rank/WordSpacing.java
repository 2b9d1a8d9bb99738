package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;

/**
 * Spaces typed in the wrong place: left out between two words ("diffusionpolicy", also with typos:
 * "difusionpolcy"), typed inside a word ("rein forcement") or moved into the next word
 * ("reinforcementl earning"). Each is put right only where the text as typed has a word no paper
 * has and the respaced words are words papers use, so a correction can only add.
 */
final class WordSpacing {
  /** The shortest word a run-together word is split into. */
  static final int MIN_PART = 3;

  /** Letters a space may have moved into a neighbouring word ("reinforcementl earning"). */
  static final int SHIFT = 2;

  /** The longest word split in two: two long words, and no hostile run of letters. */
  static final int MAX_SPLIT = 40;

  /** The longest word split in two misspelt words ({@link #splitFixed}). */
  static final int MAX_SPLIT_FIXED = 24;

  /** Places to split a word whose parts' corrections are read, the likeliest first. */
  static final int SPLITS_FIXED = 3;

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
   * the places to split, the one whose rarer part the most papers have; null when none. A part is
   * {@link #MIN_PART} letters at least, or an abbreviation the list knows ("offlinerl").
   */
  static String split(WordLookups lookups, QueryExpander expander, String word) throws IOException {
    if (word.length() > MAX_SPLIT) {
      return null;
    }
    String best = null;
    int bestPapers = SpellingFixes.MIN_PAPERS - 1;
    for (int at = 1; at < word.length(); at++) {
      String first = word.substring(0, at);
      String second = word.substring(at);
      if (!longEnough(expander, first) || !longEnough(expander, second)) {
        continue;
      }
      int papers = Math.min(lookups.papers(first), lookups.papers(second));
      if (papers > bestPapers) {
        best = first + " " + second;
        bestPapers = papers;
      }
    }
    return best;
  }

  /**
   * Two words typed without the space between them, one or both of them misspelt ("difusionpolcy"):
   * of the places to split where each part is a word papers use or near one, the one whose rarer
   * part the most papers have, each part as {@link SpellingFixes#nearest} corrects it; null when
   * none. Only for words of up to {@link #MAX_SPLIT_FIXED} letters: each place costs a look near
   * its parts, and the corrections are read for the {@link #SPLITS_FIXED} likeliest.
   */
  static String splitFixed(
      IndexSearcher searcher,
      Analyzer analyzer,
      WordLookups lookups,
      QueryExpander expander,
      String word)
      throws IOException {
    if (word.length() > MAX_SPLIT_FIXED) {
      return null;
    }
    Map<String, Integer> near = new HashMap<>();
    List<Split> splits = new ArrayList<>();
    for (int at = 1; at < word.length(); at++) {
      String first = word.substring(0, at);
      String second = word.substring(at);
      int papers =
          Math.min(
              nearPapers(searcher, lookups, expander, near, first),
              nearPapers(searcher, lookups, expander, near, second));
      if (papers >= SpellingFixes.MIN_PAPERS) {
        splits.add(new Split(first, second, papers));
      }
    }
    splits.sort(Comparator.comparingInt(Split::papers).reversed());
    for (Split split : splits.subList(0, Math.min(SPLITS_FIXED, splits.size()))) {
      String first = fixed(searcher, analyzer, lookups, expander, split.first());
      String second = fixed(searcher, analyzer, lookups, expander, split.second());
      if (first != null && second != null) {
        return first + " " + second;
      }
    }
    return null;
  }

  /** A place to split a word, with how many papers have its rarer part (or a word near it). */
  private record Split(String first, String second, int papers) {}

  /**
   * How many papers have the part, when it is long enough; else, when the spelling fixes would look
   * at it, how many have the commonest word near it; 0 otherwise.
   */
  private static int nearPapers(
      IndexSearcher searcher,
      WordLookups lookups,
      QueryExpander expander,
      Map<String, Integer> near,
      String part)
      throws IOException {
    if (!longEnough(expander, part)) {
      return 0;
    }
    int papers = lookups.papers(part);
    if (papers >= SpellingFixes.MIN_PAPERS || !SpellingFixes.candidate(part, expander)) {
      return papers;
    }
    String stem = lookups.term(part);
    if (stem == null) {
      return 0;
    }
    Integer known = near.get(part);
    if (known == null) {
      known = SpellingFixes.nearPapers(searcher.getIndexReader(), part, stem);
      near.put(part, known);
    }
    return known;
  }

  /** The part as typed when papers use it, else as the spelling fixes correct it, or null. */
  private static String fixed(
      IndexSearcher searcher,
      Analyzer analyzer,
      WordLookups lookups,
      QueryExpander expander,
      String part)
      throws IOException {
    if (lookups.papers(part) >= SpellingFixes.MIN_PAPERS) {
      return part;
    }
    String stem = lookups.term(part);
    if (stem == null || !SpellingFixes.candidate(part, expander)) {
      return null;
    }
    SpellingFixes.Fix fix =
        SpellingFixes.nearest(searcher, analyzer, part, stem, SpellingFixes.MIN_PAPERS);
    return fix == null ? null : fix.word();
  }

  /** A part of {@link #MIN_PART} letters or more, or an abbreviation the list knows ("rl"). */
  private static boolean longEnough(QueryExpander expander, String part) {
    return part.length() >= MIN_PART || (part.length() >= 2 && expander.knowsWord(part));
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
