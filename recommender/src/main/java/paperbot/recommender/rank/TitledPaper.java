package paperbot.recommender.rank;

import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.index.PaperFields;

/**
 * A query that is a paper's title, or the first words of exactly one paper's title, puts that paper
 * first: a researcher who pastes a title wants that paper, even when other papers say more about
 * its words ("Dita: Scaling Diffusion Transformer for Generalist Vision-Language-Action Policy"
 * came second to a paper that repeats "vision-language-action").
 */
final class TitledPaper {
  /** Fewer words than this name many titles' openings ("Learning to", "Towards"). */
  static final int OPENING_WORDS = 4;

  private TitledPaper() {}

  /** {@code ranked} with the paper the query names moved to the front, if it is there. */
  static ScoreDoc[] first(IndexSearcher searcher, String query, ScoreDoc[] ranked)
      throws IOException {
    String key = PaperId.normalise(query);
    int words = key.isEmpty() ? 0 : key.split(" ").length;
    if (words < 2 || ranked.length < 2) {
      return ranked;
    }
    int doc = only(searcher, new TermQuery(new Term(PaperFields.TITLE_KEY, key)));
    if (doc < 0 && words >= OPENING_WORDS) {
      doc = only(searcher, new PrefixQuery(new Term(PaperFields.TITLE_KEY, key + " ")));
    }
    for (int i = 1; i < ranked.length && doc >= 0; i++) {
      if (ranked[i].doc == doc) {
        ScoreDoc[] moved = ranked.clone();
        System.arraycopy(ranked, 0, moved, 1, i);
        moved[0] = new ScoreDoc(doc, Math.max(ranked[i].score, ranked[0].score));
        return moved;
      }
    }
    return ranked;
  }

  /** The one paper the query finds, or -1 for none or several. */
  private static int only(IndexSearcher searcher, Query query) throws IOException {
    TopDocs found = searcher.search(query, 2);
    return found.scoreDocs.length == 1 ? found.scoreDocs[0].doc : -1;
  }
}
