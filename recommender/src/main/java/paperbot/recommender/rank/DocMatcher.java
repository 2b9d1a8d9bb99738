package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
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
    return matching(new ScoreDoc[] {new ScoreDoc(doc, 0f)}, query)[0];
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

  /**
   * For each of {@code docs}, whether it matches {@code query}: one scorer per segment, advanced
   * through the docs in order (a whole feed's candidates against each interest).
   */
  boolean[] matching(ScoreDoc[] docs, Query query) throws IOException {
    Weight weight = weight(query);
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    boolean[] matching = new boolean[docs.length];
    LeafReaderContext leaf = null;
    DocIdSetIterator approximation = null;
    TwoPhaseIterator twoPhase = null;
    for (int i : order) {
      int doc = docs[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        ScorerSupplier supplier = weight.scorerSupplier(leaf);
        Scorer scorer = supplier == null ? null : supplier.get(order.length);
        twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
        approximation =
            scorer == null ? null : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
      }
      if (approximation == null) {
        continue;
      }
      int target = doc - leaf.docBase;
      int at =
          approximation.docID() >= target ? approximation.docID() : approximation.advance(target);
      matching[i] = at == target && (twoPhase == null || twoPhase.matches());
    }
    return matching;
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
