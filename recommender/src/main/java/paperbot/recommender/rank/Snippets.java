package paperbot.recommender.rank;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
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

  /** One snippet per hit (null where the abstract had nothing to highlight). */
  static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] page) throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new SnippetFormatter())
        .build();
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
