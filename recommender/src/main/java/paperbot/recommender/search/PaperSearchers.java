package paperbot.recommender.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import paperbot.recommender.index.PaperSimilarity;

/** Every searcher of the paper index scores words by {@link PaperSimilarity}. */
final class PaperSearchers extends SearcherFactory {
  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new PaperSimilarity());
    return searcher;
  }
}
