package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
 * Search-engine syntax researchers bring from arXiv or Lucene: field prefixes ({@code ti:world
 * models}, {@code au:levine}) and wildcards ({@code polic*}, {@code diffu?ion}). Read as words,
 * "ti" would be searched for and "polic" would match nothing. Every search already looks in titles,
 * abstracts and authors and finds a word's other forms, so a prefix is taken out, a word cut before
 * its star is read as the word papers use most that starts so ("polic*" as "policy"), and the
 * member is told.
 */
final class SearchSyntax {
  /** arXiv's field prefixes and their spelled-out forms, before a term. */
  private static final Pattern FIELD =
      Pattern.compile(
          "(?i)(?<![\\p{L}\\p{N}_.-])(?:ti|title|abs|abstract|au|author|authors|all):(?=\\S)");

  /**
   * A word before a star, read from the word's start and never backtracked: a long run of letters
   * with no star costs one pass, not one per letter.
   */
  private static final Pattern STARRED =
      Pattern.compile("(?<![\\p{L}\\p{N}])([\\p{L}\\p{N}]*+)\\*+");

  /** A question mark between a word's letters (one at a word's end asks a question). */
  private static final Pattern INNER_QUESTION =
      Pattern.compile("(?<=[\\p{L}\\p{N}])\\?+(?=[\\p{L}\\p{N}])");

  private static final Pattern LETTERS = Pattern.compile("[a-z]+");

  /** A shorter start is most of the vocabulary, not a word. */
  private static final int MIN_PREFIX = 3;

  /** Index words read per star, so that a short start costs little in a large index. */
  private static final int MAX_READ = 20_000;

  static final String FIELD_NOTICE =
      "Fields such as ti: or au: aren't needed: every search looks in titles, abstracts and"
          + " authors.";

  /** The query without the syntax, and what the member is told of it (null when nothing). */
  record Read(String query, String notice) {}

  private SearchSyntax() {}

  static Read of(String query, IndexSearcher searcher, Analyzer analyzer) throws IOException {
    List<String> notices = new ArrayList<>();
    String read = query;
    if (FIELD.matcher(read).find()) {
      read = FIELD.matcher(read).replaceAll("");
      notices.add(FIELD_NOTICE);
    }
    List<String> completed = new ArrayList<>();
    Matcher star = STARRED.matcher(read);
    StringBuilder out = new StringBuilder();
    while (star.find()) {
      String word = completed(searcher, analyzer, star.group(1));
      if (!word.equals(star.group(1))) {
        completed.add(star.group(1) + "* as “" + word + "”");
      }
      star.appendReplacement(out, Matcher.quoteReplacement(word));
    }
    star.appendTail(out);
    boolean inner = INNER_QUESTION.matcher(out).find();
    if (!read.contentEquals(out) || inner) {
      read = INNER_QUESTION.matcher(out).replaceAll("");
      notices.add(
          "* and ? aren't wildcards here"
              + (completed.isEmpty() ? "" : ": I read " + String.join(", ", completed))
              + ". Type whole words; each also finds its other forms (policy, policies).");
    }
    return new Read(read, notices.isEmpty() ? null : String.join("\n", notices));
  }

  /**
   * The word the papers use most that starts as {@code start} does ("polic" gives "policy", a whole
   * "diffusion" stays), spelled as the papers spell it; {@code start} itself when it is short or no
   * word starts so. Index words are stems, so the start is stemmed too: "diffusion" is "diffus".
   */
  private static String completed(IndexSearcher searcher, Analyzer analyzer, String start)
      throws IOException {
    String typed = start.toLowerCase(Locale.ROOT);
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PaperFields.ABSTRACT);
    if (typed.length() < MIN_PREFIX || !LETTERS.matcher(typed).matches() || terms == null) {
      return start;
    }
    String stem = new WordLookups(searcher.getIndexReader(), analyzer).term(typed);
    String prefix = stem != null && typed.startsWith(stem) ? stem : typed;
    BytesRef wanted = new BytesRef(prefix);
    TermsEnum words = terms.iterator();
    if (words.seekCeil(wanted) == TermsEnum.SeekStatus.END) {
      return start;
    }
    String commonest = null;
    int most = 0;
    int read = 0;
    for (BytesRef term = words.term();
        term != null && StringHelper.startsWith(term, wanted) && read < MAX_READ;
        term = words.next(), read++) {
      if (words.docFreq() > most && LETTERS.matcher(term.utf8ToString()).matches()) {
        commonest = term.utf8ToString();
        most = words.docFreq();
      }
    }
    if (commonest == null) {
      return start;
    }
    String spelled = SpellingFixes.spelling(searcher, analyzer, commonest, typed);
    return spelled == null ? start : spelled;
  }
}
