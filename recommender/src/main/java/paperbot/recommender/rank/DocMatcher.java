package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Tells whether a shown paper matches a query (a topic, a phrase, a disliked term), for explaining
 * and re-ranking a page of hits. Building a query's weight looks its terms up in every segment, so
 * each query's weight is built once per page, not once per paper.
 */
final class DocMatcher {
  private final IndexSearcher searcher;
  private final Map<Query, Weight> weights = new HashMap<>();

  DocMatcher(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  boolean matches(int doc, Query query) throws IOException {
    Weight weight = weight(query);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int target = doc - leaf.docBase;
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier == null) {
      return false;
    }
    Scorer scorer = supplier.get(1);
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    DocIdSetIterator approximation =
        twoPhase == null ? scorer.iterator() : twoPhase.approximation();
    return approximation.advance(target) == target && (twoPhase == null || twoPhase.matches());
  }

  /** The names of the queries (topics, followed authors) that {@code doc} matches, in order. */
  List<String> names(int doc, Map<String, Query> named) throws IOException {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Query> entry : named.entrySet()) {
      if (matches(doc, entry.getValue())) {
        names.add(entry.getKey());
      }
    }
    return names;
  }

  private Weight weight(Query query) throws IOException {
    Weight weight = weights.get(query);
    if (weight == null) {
      weight =
          searcher.createWeight(
              searcher.rewrite(KnownTerms.bind(searcher, query)), ScoreMode.COMPLETE_NO_SCORES, 1f);
      weights.put(query, weight);
    }
    return weight;
  }
}
