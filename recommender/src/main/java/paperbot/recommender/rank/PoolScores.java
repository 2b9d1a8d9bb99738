package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.IOSupplier;
import paperbot.recommender.index.PaperDocuments;

/**
 * Each pool paper's score under several weighted-word queries at once (a search's bag of words and
 * its feedback terms): what {@link RankFusion#scores} gives for each, computed the way Lucene's own
 * term and disjunction scorers compute it (the searcher's {@link Similarity} scorer per word and
 * weight, each paper's norm, the matching words' scores added in double). A {@link
 * org.apache.lucene.search.QueryRescorer} builds a disjunction per query and segment and moves a
 * heap of its forty postings for every paper: at a million papers the feedback terms' pass cost
 * more than the page's snippets and why-lines together (docs/performance.md). A query of any other
 * shape (phrases, nested conjunctions) is scored by {@link RankFusion#scores}.
 *
 * <p>A word's frequency in a paper is counted in the paper's analysed text ({@link AnalysedText},
 * one doc value per paper, the very terms the index holds for title and abstract), not read from
 * its postings: moving forty postings lists to fifty scattered papers decoded a block of postings
 * per word and paper, two thirds of this pass at a million papers. Words of other fields, and
 * papers indexed without the analysed text, are still read from the postings.
 */
final class PoolScores {
  private PoolScores() {}

  /** A weighted word of a query: its place among the distinct words, and its scorer. */
  private record Clause(int word, Similarity.SimScorer scorer) {}

  /**
   * Each query's scores of the pool papers (0 when it does not match), in pool order: one array per
   * query.
   */
  static float[][] of(IndexSearcher searcher, ScoreDoc[] pool, List<Query> queries)
      throws IOException {
    return of(searcher, pool, null, queries);
  }

  /**
   * As {@link #of(IndexSearcher, ScoreDoc[], List)}, with the words counted in {@code text} (the
   * analysed text of these papers or more, already read; read here when null).
   */
  static float[][] of(IndexSearcher searcher, ScoreDoc[] pool, PoolText text, List<Query> queries)
      throws IOException {
    float[][] scores = new float[queries.size()][];
    List<Term> words = new ArrayList<>();
    Map<Term, Integer> wordIndex = new HashMap<>();
    List<TermStates> states = new ArrayList<>();
    List<List<Clause>> clauses = new ArrayList<>();
    Map<String, CollectionStatistics> fields = new HashMap<>();
    for (int q = 0; q < queries.size(); q++) {
      Query rewritten = searcher.rewrite(KnownTerms.bind(searcher, queries.get(q)));
      List<Map.Entry<TermQuery, Float>> weighted = flat(rewritten);
      if (weighted == null) {
        scores[q] = RankFusion.scores(searcher, pool, queries.get(q));
        clauses.add(List.of());
        continue;
      }
      List<Clause> own = new ArrayList<>();
      for (Map.Entry<TermQuery, Float> clause : weighted) {
        Term term = clause.getKey().getTerm();
        TermStates termStates = clause.getKey().getTermStates();
        if (termStates == null || !termStates.wasBuiltFor(searcher.getTopReaderContext())) {
          termStates = TermStates.build(searcher, term, true);
        }
        if (termStates.docFreq() <= 0) {
          continue; // as Lucene's term weight: a word no paper has scores nothing
        }
        CollectionStatistics collection =
            fields.computeIfAbsent(term.field(), field -> collectionStatistics(searcher, field));
        Similarity.SimScorer scorer =
            searcher
                .getSimilarity()
                .scorer(
                    clause.getValue(),
                    collection,
                    searcher.termStatistics(
                        term, termStates.docFreq(), termStates.totalTermFreq()));
        Integer word = wordIndex.get(term);
        if (word == null) {
          word = words.size();
          wordIndex.put(term, word);
          words.add(term);
          states.add(termStates);
        }
        own.add(new Clause(word, scorer));
      }
      clauses.add(own);
      scores[q] = new float[pool.length];
    }
    if (words.isEmpty()) {
      return scores;
    }
    // Per pool paper (in pool order) and word: its frequency in that paper, 0 when absent.
    int[][] frequencies = new int[pool.length][words.size()];
    Map<String, long[]> norms = new HashMap<>();
    for (Term word : words) {
      norms.computeIfAbsent(word.field(), field -> new long[pool.length]);
    }
    PoolText read = text != null ? text : PoolText.read(searcher, pool);
    PoolText.Words textWords = read.words(words);
    Integer[] byDoc = PaperDocuments.inDocOrder(pool);
    for (PoolSegments.Slice slice : PoolSegments.of(searcher, pool, byDoc)) {
      LeafReaderContext leaf = slice.leaf();
      int first = slice.first();
      int next = slice.next();
      PoolSegments.readNorms(slice, pool, byDoc, norms);
      // Title and abstract words are counted in each paper's analysed text (the terms the index
      // holds, one doc value per paper); other words, and papers without the text, from postings.
      boolean[] counted = new boolean[next - first];
      if (textWords.any()) {
        for (int i = first; i < next; i++) {
          int paper = read.paper(pool[byDoc[i]].doc);
          if (read.hasText(paper)) {
            int[] counts = frequencies[byDoc[i]];
            read.visit(paper, textWords, (word, position) -> counts[word]++);
            counted[i - first] = true;
          }
        }
      }
      // One terms enumerator and one reused postings reader per field and segment.
      Map<String, TermsEnum> enums = new HashMap<>();
      Map<String, PostingsEnum> reused = new HashMap<>();
      for (int w = 0; w < words.size(); w++) {
        Term word = words.get(w);
        boolean inText = textWords.has(w);
        if (inText && allTrue(counted)) {
          continue;
        }
        PostingsEnum postings = postings(leaf, word, states.get(w), enums, reused);
        if (postings == null) {
          continue;
        }
        reused.put(word.field(), postings);
        for (int i = first; i < next; i++) {
          if (inText && counted[i - first]) {
            continue;
          }
          int doc = pool[byDoc[i]].doc - leaf.docBase;
          int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
          if (at == doc) {
            frequencies[byDoc[i]][w] = postings.freq();
          } else if (at == PostingsEnum.NO_MORE_DOCS) {
            break;
          }
        }
      }
    }
    for (int q = 0; q < queries.size(); q++) {
      List<Clause> own = clauses.get(q);
      if (own.isEmpty()) {
        continue;
      }
      for (int i = 0; i < pool.length; i++) {
        double sum = 0;
        boolean matched = false;
        for (Clause clause : own) {
          int frequency = frequencies[i][clause.word()];
          if (frequency > 0) {
            matched = true;
            sum += clause.scorer().score(frequency, norms.get(words.get(clause.word()).field())[i]);
          }
        }
        // Lucene adds the same float scores in double in its heap's order; a double holds the sum
        // of a few dozen floats within 2^20 of each other exactly, so the order does not matter.
        scores[q][i] = matched ? (float) sum : 0f;
      }
    }
    return scores;
  }

  private static boolean allTrue(boolean[] values) {
    for (boolean value : values) {
      if (!value) {
        return false;
      }
    }
    return true;
  }

  private static CollectionStatistics collectionStatistics(IndexSearcher searcher, String field) {
    try {
      return searcher.collectionStatistics(field);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The word's postings with frequencies in this segment, reading into the field's last reader when
   * Lucene can reuse it; null when the segment lacks the word.
   */
  private static PostingsEnum postings(
      LeafReaderContext leaf,
      Term word,
      TermStates states,
      Map<String, TermsEnum> enums,
      Map<String, PostingsEnum> reused)
      throws IOException {
    IOSupplier<TermState> supplier = states.get(leaf);
    TermState state = supplier == null ? null : supplier.get();
    if (state == null) {
      return null;
    }
    TermsEnum iterator = enums.get(word.field());
    if (iterator == null) {
      Terms terms = leaf.reader().terms(word.field());
      if (terms == null) {
        return null;
      }
      iterator = terms.iterator();
      enums.put(word.field(), iterator);
    }
    iterator.seekExact(word.bytes(), state);
    return iterator.postings(reused.get(word.field()), PostingsEnum.FREQS);
  }

  /**
   * The rewritten query as weighted words, each weight as Lucene's weights pass it down (a
   * disjunction's clause gets the boost it wraps times 1); null for any other shape.
   */
  private static List<Map.Entry<TermQuery, Float>> flat(Query query) {
    List<Map.Entry<TermQuery, Float>> words = new ArrayList<>();
    if (query instanceof MatchNoDocsQuery) {
      return words;
    }
    if (query instanceof BooleanQuery bool) {
      if (bool.getMinimumNumberShouldMatch() > 1) {
        return null;
      }
      for (BooleanClause clause : bool.clauses()) {
        if (clause.occur() != BooleanClause.Occur.SHOULD || !word(clause.query(), 1f, words)) {
          return null;
        }
      }
      return words;
    }
    return word(query, 1f, words) ? words : null;
  }

  private static boolean word(Query query, float boost, List<Map.Entry<TermQuery, Float>> words) {
    if (query instanceof TermQuery term) {
      words.add(Map.entry(term, boost));
      return true;
    }
    if (query instanceof BoostQuery boosted) {
      return word(boosted.getQuery(), boosted.getBoost() * boost, words);
    }
    return false;
  }
}
