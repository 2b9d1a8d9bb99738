package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.AnalysedText;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * Two-line abstract snippets around what a query matched, for one page of hits: the sentence with
 * the most of the query's words (then the most matches), cut from a little before its first match.
 * Each abstract is analysed once and its words looked up in the query's word set; Lucene's
 * highlighter built an in-memory index of every abstract for the same answer, a quarter of a
 * search's time.
 */
public final class Snippets {
  /** Where a sentence ends: a full stop, question or exclamation mark before a space. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+");

  private Snippets() {}

  /**
   * One snippet per hit (null where the abstract had nothing to highlight). {@code papers} are the
   * page's papers, in page order.
   */
  static String[] of(
      IndexSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] page, List<Paper> papers)
      throws IOException {
    List<AnalysedText> stored = PaperDocuments.analysedOf(searcher, page);
    List<PaperText> texts = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      Paper paper = papers.get(i);
      texts.add(
          stored.get(i) != null
              ? PaperText.of(paper, stored.get(i))
              : PaperText.of(analyzer, paper));
    }
    return of(query, texts);
  }

  /** As {@link #of(IndexSearcher, Analyzer, Query, ScoreDoc[], List)}, on analysed papers. */
  static String[] of(Query query, List<PaperText> texts) {
    Set<String> words = new HashSet<>();
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    for (Term term : terms) {
      if (PaperFields.ABSTRACT.equals(term.field())) {
        words.add(term.text());
      }
    }
    String[] snippets = new String[texts.size()];
    for (int i = 0; i < snippets.length && !words.isEmpty(); i++) {
      snippets[i] = snippet(texts.get(i), words);
    }
    return snippets;
  }

  private static String snippet(PaperText paper, Set<String> words) {
    String text = paper.cleanAbstract;
    PaperText.Tokens tokens = paper.field(PaperFields.ABSTRACT);
    Matcher ends = SENTENCE_END.matcher(text);
    int sentenceStart = 0;
    int sentenceEnd = ends.find() ? ends.end() : text.length();
    Map<String, Boolean> found = new HashMap<>();
    int bestScore = 0;
    int bestAnchor = -1;
    int bestStart = 0;
    int score = 0;
    int anchor = -1;
    for (int t = 0; t < tokens.terms().size(); t++) {
      int start = tokens.starts()[t];
      {
        while (start >= sentenceEnd) {
          if (score > bestScore) {
            bestScore = score;
            bestAnchor = anchor;
            bestStart = sentenceStart;
          }
          found.clear();
          score = 0;
          anchor = -1;
          sentenceStart = sentenceEnd;
          sentenceEnd = ends.find() ? ends.end() : text.length();
        }
        String word = tokens.terms().get(t);
        if (words.contains(word)) {
          // A new word counts far more than a repeat: the sentence that has most of the query wins.
          score += found.put(word, true) == null ? 100 : 1;
          anchor = anchor < 0 ? start : anchor;
        }
      }
    }
    if (score > bestScore) {
      bestAnchor = anchor;
      bestStart = sentenceStart;
    }
    if (bestAnchor < 0) {
      return null;
    }
    return SnippetFormatter.window(text, Math.max(bestStart, bestAnchor - SnippetFormatter.LEAD));
  }

  /** The opening of a paper's abstract, about two lines. */
  public static String lead(Paper paper) {
    return SnippetFormatter.window(CleanText.of(paper.abstractText()), 0);
  }

  /** The snippet, or the abstract's opening when nothing was highlighted. */
  static String orLead(String snippet, Paper paper) {
    return snippet != null ? snippet : lead(paper);
  }
}
