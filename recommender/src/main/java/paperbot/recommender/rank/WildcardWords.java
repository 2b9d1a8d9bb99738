package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import paperbot.recommender.index.PaperFields;

/**
 * The word papers use most that fits a word typed with a wildcard: a start before a star ("polic*"
 * gives "policy") or a star or question mark inside ("diff*sion" gives "diffusion", "rob?t"
 * "robot"). Index words are stems, so the index gives the candidates, commonest first, and the
 * papers that use each say how it is spelled.
 */
final class WildcardWords {
  /** A shorter start is most of the vocabulary, not a word. */
  static final int MIN_PREFIX = 3;

  /** Letters before the first wildcard inside a word: the rest of the word narrows it further. */
  static final int MIN_INNER_PREFIX = 2;

  /** A longer word with wildcards is not a word; it is read as typed, wildcards dropped. */
  static final int MAX_PATTERN = 40;

  /** Index words read per wildcard word, so that a short start costs little in a large index. */
  static final int MAX_READ = 20_000;

  /** Index words whose spellings are read for a wildcard inside a word, the commonest first. */
  static final int CANDIDATES = 8;

  /** Letters a stem may have cut from the letters typed before the first wildcard. */
  private static final int STEM_CUT = 5;

  private static final Pattern LETTERS = Pattern.compile("[a-z]+");

  private WildcardWords() {}

  /**
   * The word the papers use most that starts as {@code start} does ("polic" gives "policy", a whole
   * "diffusion" stays), spelled as the papers spell it; null when the start is short or no word
   * starts so. Index words are stems, so the start is stemmed too: "diffusion" is "diffus".
   */
  static String completed(IndexSearcher searcher, Analyzer analyzer, String start)
      throws IOException {
    String typed = start.toLowerCase(Locale.ROOT);
    if (typed.length() < MIN_PREFIX || !LETTERS.matcher(typed).matches()) {
      return null;
    }
    String stem = new WordLookups(searcher.getIndexReader(), analyzer).term(typed);
    String prefix = stem != null && typed.startsWith(stem) ? stem : typed;
    List<String> commonest = commonest(searcher, prefix, term -> true, 1);
    return commonest.isEmpty()
        ? null
        : SpellingFixes.spelling(searcher, analyzer, commonest.get(0), typed);
  }

  /**
   * The word the papers use most that fits a pattern with a wildcard inside ("diff*sion" gives
   * "diffusion"), as the papers spell it; null when the pattern is too long or starts with fewer
   * than {@link #MIN_INNER_PREFIX} letters, or no word among the {@link #CANDIDATES} commonest that
   * may fit does (first of those whose stems reach past the last star, then of any that may be
   * stems: {@link WildcardPattern#mayBeStemOf}).
   */
  static String fitting(IndexSearcher searcher, Analyzer analyzer, WildcardPattern pattern)
      throws IOException {
    String prefix = pattern.prefix();
    if (pattern.toString().length() > MAX_PATTERN
        || prefix.length() < MIN_INNER_PREFIX
        || !LETTERS.matcher(pattern.letters()).matches()) {
      return null;
    }
    // A stem may end before the typed start does ("diffus" for "diffusi?n").
    String seek =
        prefix.substring(
            0, Math.min(prefix.length(), Math.max(MIN_PREFIX, prefix.length() - STEM_CUT)));
    Set<String> read = new HashSet<>();
    for (boolean loose : new boolean[] {false, true}) {
      List<String> candidates =
          commonest(
              searcher,
              seek,
              term -> term.length() <= MAX_PATTERN && pattern.mayBeStemOf(term, loose),
              CANDIDATES);
      for (String term : candidates) {
        if (!read.add(term)) {
          continue; // read in the first try
        }
        String spelled =
            SpellingFixes.spellings(searcher, analyzer, term).entrySet().stream()
                .filter(form -> LETTERS.matcher(form.getKey()).matches())
                .filter(form -> pattern.matches(form.getKey()))
                .max(
                    Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
        if (spelled != null) {
          return spelled;
        }
      }
    }
    return null;
  }

  /**
   * Up to {@code max} abstract terms of letters that start with {@code prefix} and pass {@code
   * fits}, the commonest first, of the first {@link #MAX_READ} that start so.
   */
  private static List<String> commonest(
      IndexSearcher searcher, String prefix, Predicate<String> fits, int max) throws IOException {
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PaperFields.ABSTRACT);
    List<String> best = new ArrayList<>(max + 1);
    List<Integer> papers = new ArrayList<>(max + 1);
    if (terms == null) {
      return best;
    }
    BytesRef wanted = new BytesRef(prefix);
    TermsEnum words = terms.iterator();
    if (words.seekCeil(wanted) == TermsEnum.SeekStatus.END) {
      return best;
    }
    int read = 0;
    for (BytesRef term = words.term();
        term != null && StringHelper.startsWith(term, wanted) && read < MAX_READ;
        term = words.next(), read++) {
      int docFreq = words.docFreq();
      // The paper count first: most terms are rarer than those kept, and need no closer look.
      if (best.size() == max && docFreq <= papers.get(max - 1)) {
        continue;
      }
      String text = term.utf8ToString();
      if (!LETTERS.matcher(text).matches() || !fits.test(text)) {
        continue;
      }
      int at = 0;
      while (at < papers.size() && papers.get(at) >= docFreq) {
        at++;
      }
      best.add(at, text);
      papers.add(at, docFreq);
      if (best.size() > max) {
        best.remove(max);
        papers.remove(max);
      }
    }
    return best;
  }
}
