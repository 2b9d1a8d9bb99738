package paperbot.recommender.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import paperbot.recommender.index.PaperDocuments;

/** A part scored by Lucene's own weight: its scores of the pool papers, in pool order. */
final class LucenePart implements PoolPart {
  final Query query;
  final float boost;
  float[] scores;

  LucenePart(Query query, float boost) {
    this.query = query;
    this.boost = boost;
  }

  @Override
  public float score(PoolPapers papers, int paper) {
    return scores[paper];
  }

  /** Each part Lucene scores, for every pool paper, by its own weight. */
  static void scoreAll(IndexSearcher searcher, ScoreDoc[] hits, List<LucenePart> others)
      throws IOException {
    if (others.isEmpty()) {
      return;
    }
    Integer[] byDoc = PaperDocuments.inDocOrder(hits);
    for (LucenePart other : others) {
      other.scores = new float[hits.length];
      Arrays.fill(other.scores, NO_MATCH);
      Weight weight = searcher.createWeight(other.query, ScoreMode.COMPLETE, other.boost);
      for (PoolSegments.Slice slice : PoolSegments.of(searcher, hits, byDoc)) {
        LeafReaderContext leaf = slice.leaf();
        int first = slice.first();
        int next = slice.next();
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        // A phrase is checked only at the pool's papers (as the rescoring's optional clauses
        // are): its exact iterator would check every candidate paper up to the next match.
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator candidates =
            twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        for (int i = first; i < next; i++) {
          int doc = hits[byDoc[i]].doc - leaf.docBase;
          int at = candidates.docID() < doc ? candidates.advance(doc) : candidates.docID();
          if (at == doc && (twoPhase == null || twoPhase.matches())) {
            other.scores[byDoc[i]] = scorer.score();
          } else if (at == DocIdSetIterator.NO_MORE_DOCS) {
            break;
          }
        }
      }
    }
  }
}
