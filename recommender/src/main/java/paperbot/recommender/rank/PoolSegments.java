package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * A pool of hits taken segment by segment, in document order: per-segment readers (postings, doc
 * values, norms) only move forwards. The pool passes read several things per segment this way.
 */
final class PoolSegments {
  /**
   * One segment's share of the pool: the hits at {@code byDoc[first]} up to (not including) {@code
   * byDoc[next]}.
   */
  record Slice(LeafReaderContext leaf, int first, int next) {}

  private PoolSegments() {}

  /**
   * The segments that hold some of the hits; {@code byDoc} is {@code PaperDocuments.inDocOrder}.
   */
  static List<Slice> of(IndexSearcher searcher, ScoreDoc[] hits, Integer[] byDoc) {
    List<Slice> slices = new ArrayList<>();
    int next = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int end = leaf.docBase + leaf.reader().maxDoc();
      int first = next;
      while (next < byDoc.length && hits[byDoc[next]].doc < end) {
        next++;
      }
      if (first < next) {
        slices.add(new Slice(leaf, first, next));
      }
    }
    return slices;
  }

  /** Each hit's norm in each of the fields of {@code norms} (1 where none), in hit order. */
  static void readNorms(Slice slice, ScoreDoc[] hits, Integer[] byDoc, Map<String, long[]> norms)
      throws IOException {
    LeafReaderContext leaf = slice.leaf();
    for (Map.Entry<String, long[]> field : norms.entrySet()) {
      NumericDocValues values = leaf.reader().getNormValues(field.getKey());
      for (int i = slice.first(); i < slice.next(); i++) {
        int doc = hits[byDoc[i]].doc - leaf.docBase;
        field.getValue()[byDoc[i]] =
            values != null && values.advanceExact(doc) ? values.longValue() : 1L;
      }
    }
  }
}
