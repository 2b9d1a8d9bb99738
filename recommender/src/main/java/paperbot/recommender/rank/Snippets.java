package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperFields;

/** Two-line abstract snippets around what a query matched, for one page of hits. */
public final class Snippets {
  private Snippets() {}

  /**
   * One snippet per hit (null where the abstract had nothing to highlight). {@code papers} are the
   * page's papers, in page order: the index keeps no stored abstract, so the highlighter reads the
   * cleaned text from them.
   */
  static String[] of(
      IndexSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] page, List<Paper> papers)
      throws IOException {
    Map<Integer, Paper> byDoc = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      byDoc.put(page[i].doc, papers.get(i));
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new SnippetFormatter());
    UnifiedHighlighter highlighter =
        new UnifiedHighlighter(builder) {
          @Override
          protected List<CharSequence[]> loadFieldValues(
              String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docs.nextDoc()) {
              CharSequence[] perField = new CharSequence[fields.length];
              Arrays.fill(
                  perField,
                  CleanText.of(byDoc.get(doc).abstractText())); // only the abstract is highlighted
              values.add(perField);
            }
            return values;
          }
        };
    return highlighter.highlight(PaperFields.ABSTRACT, query, new TopDocs(null, page), 1);
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
