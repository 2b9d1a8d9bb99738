package paperbot.recommender.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/** What the pool papers' text says about a query's words: per paper, word and place. */
final class PoolPapers {
  /** Per paper and word: the word's positions in the field, {@code counts} of them used. */
  final int[][][] positions;

  final int[][] counts;

  /** Per paper and field: the paper's norm. */
  final Map<String, long[]> norms;

  /** Per paper: its publication day, when {@code dated}. */
  final long[] published;

  final boolean[] dated;

  /** Per paper: the upvote feature's term frequency (its encoded value), 0 for none. */
  final int[] upvotes;

  PoolPapers(int papers, int words, Map<String, long[]> norms) {
    positions = new int[papers][words][];
    counts = new int[papers][words];
    this.norms = norms;
    published = new long[papers];
    dated = new boolean[papers];
    upvotes = new int[papers];
  }

  void add(int paper, int word, int position) {
    int[] at = positions[paper][word];
    int count = counts[paper][word];
    if (at == null) {
      at = positions[paper][word] = new int[4];
    } else if (count == at.length) {
      at = positions[paper][word] = Arrays.copyOf(at, count * 2);
    }
    at[count] = position;
    counts[paper][word] = count + 1;
  }

  boolean has(int paper, int word, int position) {
    int[] at = positions[paper][word];
    for (int i = 0; i < counts[paper][word]; i++) {
      if (at[i] == position) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words' places and the norms of the pool papers {@code hits} (and their publication days and
   * upvotes when needed), the words found in the pool's {@code text} (read here when null); null
   * when a paper lacks its text.
   */
  static PoolPapers read(
      IndexSearcher searcher,
      ScoreDoc[] hits,
      PoolText text,
      List<Term> words,
      boolean needsPublished,
      boolean needsUpvotes)
      throws IOException {
    Map<String, long[]> norms = new HashMap<>();
    for (Term word : words) {
      norms.computeIfAbsent(word.field(), field -> new long[hits.length]);
    }
    PoolPapers papers = new PoolPapers(hits.length, words.size(), norms);
    if (words.isEmpty() && !needsPublished && !needsUpvotes) {
      return papers;
    }
    PoolText pool = text != null || words.isEmpty() ? text : PoolText.read(searcher, hits);
    PoolText.Words known = pool == null ? null : pool.words(words);
    Integer[] byDoc = PaperDocuments.inDocOrder(hits);
    for (PoolSegments.Slice slice : PoolSegments.of(searcher, hits, byDoc)) {
      LeafReaderContext leaf = slice.leaf();
      int first = slice.first();
      int next = slice.next();
      PoolSegments.readNorms(slice, hits, byDoc, norms);
      if (needsPublished) {
        SortedNumericDocValues days =
            DocValues.getSortedNumeric(leaf.reader(), PaperFields.PUBLISHED);
        for (int i = first; i < next; i++) {
          int doc = hits[byDoc[i]].doc - leaf.docBase;
          if (days.advanceExact(doc)) {
            papers.dated[byDoc[i]] = true;
            papers.published[byDoc[i]] = days.nextValue(); // one day per paper
          }
        }
      }
      if (needsUpvotes) {
        Terms features = leaf.reader().terms(PaperFields.FEATURES);
        TermsEnum terms = features == null ? null : features.iterator();
        if (terms != null && terms.seekExact(new BytesRef(PaperFields.UPVOTES))) {
          PostingsEnum postings = terms.postings(null, PostingsEnum.FREQS);
          for (int i = first; i < next; i++) {
            int doc = hits[byDoc[i]].doc - leaf.docBase;
            int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
            if (at == doc) {
              papers.upvotes[byDoc[i]] = postings.freq();
            } else if (at == DocIdSetIterator.NO_MORE_DOCS) {
              break;
            }
          }
        }
      }
    }
    if (known != null) {
      for (int i = 0; i < hits.length; i++) {
        int paper = pool.paper(hits[i].doc);
        if (!pool.hasText(paper)) {
          return null;
        }
        int place = i;
        pool.visit(paper, known, (word, position) -> papers.add(place, word, position));
      }
    }
    return papers;
  }
}
