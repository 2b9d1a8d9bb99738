package paperbot.recommender.rank;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * The pool's exact re-scoring (the text query with real phrases, the phrase bonus and the priors;
 * {@link WindowRescorer#rescoreExactly} over the whole pool as one block) computed the way Lucene's
 * rescoring computes it, with the title and abstract words and exact phrases found in each pool
 * paper's analysed text instead of the postings. Lucene moved every word's and phrase word's
 * postings (and positions) to fifty scattered papers and looked each phrase word up again in every
 * segment: a third of a search's own work at a million papers (docs/performance.md).
 *
 * <p>The query is rewritten as Lucene rewrites it, and each part is scored as Lucene's scorers do:
 * a word or an exact phrase by the searcher's {@link Similarity} scorer with the statistics
 * Lucene's term and phrase weights use, the phrase's frequency being its number of places; a
 * disjunction or conjunction adds its parts' float scores in double and rounds once; required and
 * optional parts together add the required part's float score and the optional one's in float. A
 * sloppy phrase (the phrase bonus) is walked as Lucene's sloppy matcher walks its words' places.
 * Search's recency and upvote priors (recognised as the very queries {@link QueryPlan} builds for
 * the day) are computed from the publication day's doc values and the upvote feature's postings
 * with Lucene's formulas. Anything else (phrases with a repeated word, words of other fields, other
 * shapes) is scored by Lucene's own weight for that part, at the pool's papers only. A paper
 * without the analysed text sends the whole pool to Lucene's rescoring.
 */
final class ExactPoolScores {
  private ExactPoolScores() {}

  /**
   * As {@code WindowRescorer.rescoreExactly(searcher, pool, exact, pool.length, pool.length)}: the
   * pool papers {@code exact} matches, by its score (highest first, then by document).
   */
  static TopDocs rescoreExactly(IndexSearcher searcher, TopDocs pool, Query exact, LocalDate today)
      throws IOException {
    return rescore(searcher, pool, exact, today, true);
  }

  /**
   * As {@code WindowRescorer.rescore(searcher, pool, bonus, pool.length, pool.length)}: every pool
   * paper, by its first-pass score plus its {@code bonus} score when it matches (in float, as the
   * rescorer adds them), highest first, then by document.
   */
  static TopDocs rescore(IndexSearcher searcher, TopDocs pool, Query bonus, LocalDate today)
      throws IOException {
    return rescore(searcher, pool, bonus, today, false);
  }

  /**
   * As {@link RankFusion#scores}: each pool paper's score under {@code query}, 0 when it does not
   * match, in pool order.
   */
  static float[] scores(IndexSearcher searcher, ScoreDoc[] pool, Query query, LocalDate today)
      throws IOException {
    float[] scores = scored(searcher, pool, query, today);
    if (scores == null) {
      return RankFusion.scores(searcher, pool, query);
    }
    for (int i = 0; i < scores.length; i++) {
      scores[i] = matches(scores[i]) ? scores[i] : 0f;
    }
    return scores;
  }

  /** Each pool paper's score, {@link #NO_MATCH} where none; null when a paper lacks its text. */
  private static float[] scored(
      IndexSearcher searcher, ScoreDoc[] hits, Query query, LocalDate today) throws IOException {
    Query rewritten = searcher.rewrite(KnownTerms.bind(searcher, query));
    Plan plan = new Plan(searcher, today);
    Node root = plan.node(rewritten, 1f);
    Papers papers = plan.read(hits);
    if (papers == null) {
      return null;
    }
    plan.scoreOthers(hits);
    float[] scores = new float[hits.length];
    for (int i = 0; i < hits.length; i++) {
      scores[i] = root.score(papers, i);
    }
    return scores;
  }

  private static TopDocs rescore(
      IndexSearcher searcher, TopDocs pool, Query query, LocalDate today, boolean replace)
      throws IOException {
    ScoreDoc[] hits = pool.scoreDocs;
    float[] scores = scored(searcher, hits, query, today);
    if (scores == null) {
      return replace
          ? WindowRescorer.rescoreExactly(searcher, pool, query, hits.length, hits.length)
          : WindowRescorer.rescore(searcher, pool, query, hits.length, hits.length);
    }
    List<ScoreDoc> matched = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      float score = scores[i];
      if (replace && matches(score)) {
        matched.add(new ScoreDoc(hits[i].doc, score));
      } else if (!replace) {
        matched.add(
            new ScoreDoc(hits[i].doc, matches(score) ? hits[i].score + score : hits[i].score));
      }
    }
    // QueryRescorer's order: score descending, then document ascending.
    matched.sort(
        (a, b) -> a.score > b.score ? -1 : a.score < b.score ? 1 : Integer.compare(a.doc, b.doc));
    return new TopDocs(pool.totalHits, matched.toArray(ScoreDoc[]::new));
  }

  /** A score no part gives: NaN, so "no match" is never confused with a score. */
  private static final float NO_MATCH = Float.NaN;

  private static boolean matches(float score) {
    return !Float.isNaN(score);
  }

  /** One part of the rewritten query: its score for a pool paper, or {@link #NO_MATCH}. */
  private interface Node {
    float score(Papers papers, int paper);
  }

  /** What the pool papers' text says about the words: per paper, word and place. */
  private static final class Papers {
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

    Papers(int papers, int words, Map<String, long[]> norms) {
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
  }

  /** The rewritten query's parts, the words they need and the parts Lucene scores. */
  private static final class Plan {
    private final IndexSearcher searcher;
    private final List<Term> words = new ArrayList<>();
    private final Map<Term, Integer> wordIndex = new HashMap<>();
    private final List<LuceneNode> others = new ArrayList<>();
    private final Map<String, CollectionStatistics> fields = new HashMap<>();

    /** Search's priors for this day, as QueryPlan builds them (null without a day). */
    private final Query recency;

    private final Query upvotes;
    private final long today;
    private boolean needsPublished;
    private boolean needsUpvotes;

    Plan(IndexSearcher searcher, LocalDate day) {
      this.searcher = searcher;
      this.today = day == null ? 0 : day.toEpochDay();
      this.recency = day == null ? null : bare(QueryPlan.recencyPrior(day));
      this.upvotes = day == null ? null : bare(QueryPlan.upvotePrior());
    }

    private static Query bare(Query query) {
      return query instanceof BoostQuery boosted ? bare(boosted.getQuery()) : query;
    }

    Node node(Query query, float boost) throws IOException {
      if (query instanceof BoostQuery boosted) {
        // As BoostQuery.createWeight passes it down: its boost times the one it gets.
        return node(boosted.getQuery(), boosted.getBoost() * boost);
      }
      if (query instanceof TermQuery term && inText(term.getTerm().field())) {
        return termNode(term, boost);
      }
      if (query instanceof PhraseQuery phrase
          && phrase.getSlop() == 0
          && phrase.getTerms().length > 1
          && inText(phrase.getField())) {
        return phraseNode(phrase, boost);
      }
      if (query instanceof PhraseQuery phrase
          && phrase.getSlop() > 0
          && phrase.getTerms().length > 1
          && Arrays.stream(phrase.getTerms()).distinct().count() == phrase.getTerms().length
          && inText(phrase.getField())) {
        return phraseNode(phrase, boost);
      }
      if (query instanceof BooleanQuery bool && plainBoolean(bool)) {
        return booleanNode(bool, boost);
      }
      if (recency != null && recency.equals(query)) {
        return recencyNode(boost);
      }
      if (upvotes != null && upvotes.equals(query)) {
        return upvoteNode(boost);
      }
      LuceneNode other = new LuceneNode(query, boost);
      others.add(other);
      return other;
    }

    private static boolean inText(String field) {
      return PaperFields.TITLE.equals(field) || PaperFields.ABSTRACT.equals(field);
    }

    /** Only required and optional clauses, as the scorers below add them. */
    private static boolean plainBoolean(BooleanQuery bool) {
      int should = 0;
      for (BooleanClause clause : bool.clauses()) {
        switch (clause.occur()) {
          case SHOULD -> should++;
          case MUST -> {}
          default -> {
            return false;
          }
        }
      }
      return should + bool.clauses().size() > 0
          && (bool.getMinimumNumberShouldMatch() == 0
              || bool.getMinimumNumberShouldMatch() < should);
    }

    private Node termNode(TermQuery query, float boost) throws IOException {
      Term term = query.getTerm();
      TermStates states = query.getTermStates();
      if (states == null || !states.wasBuiltFor(searcher.getTopReaderContext())) {
        states = KnownTerms.statesOf(searcher, term);
      }
      if (states.docFreq() <= 0) {
        return (papers, paper) -> NO_MATCH; // Lucene's term weight has no scorer for it
      }
      Similarity.SimScorer scorer =
          searcher
              .getSimilarity()
              .scorer(
                  boost,
                  collection(term.field()),
                  searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
      int word = word(term);
      String field = term.field();
      return (papers, paper) -> {
        int frequency = papers.counts[paper][word];
        return frequency == 0 ? NO_MATCH : scorer.score(frequency, papers.norms.get(field)[paper]);
      };
    }

    private Node phraseNode(PhraseQuery phrase, float boost) throws IOException {
      Term[] terms = phrase.getTerms();
      int[] places = phrase.getPositions();
      TermStatistics[] statistics = new TermStatistics[terms.length];
      int[] phraseWords = new int[terms.length];
      for (int t = 0; t < terms.length; t++) {
        TermStates states = KnownTerms.statesOf(searcher, terms[t]);
        if (states.docFreq() <= 0) {
          return (papers, paper) -> NO_MATCH; // a missing word: no segment has the phrase
        }
        statistics[t] = searcher.termStatistics(terms[t], states.docFreq(), states.totalTermFreq());
        phraseWords[t] = word(terms[t]);
      }
      // As PhraseWeight: one scorer from the field's statistics and every word's.
      Similarity.SimScorer scorer =
          searcher.getSimilarity().scorer(boost, collection(phrase.getField()), statistics);
      String field = phrase.getField();
      int slop = phrase.getSlop();
      if (slop > 0) {
        return (papers, paper) -> {
          float frequency = SloppyFrequency.of(papers, paper, phraseWords, places, slop);
          return frequency == 0
              ? NO_MATCH
              : scorer.score(frequency, papers.norms.get(field)[paper]);
        };
      }
      return (papers, paper) -> {
        // Lucene's exact phrase frequency: the places where every word is at its offset.
        int first = phraseWords[0];
        int[] starts = papers.positions[paper][first];
        float frequency = 0;
        for (int s = 0; s < papers.counts[paper][first]; s++) {
          int start = starts[s] - places[0];
          boolean all = true;
          for (int t = 1; t < phraseWords.length && all; t++) {
            all = papers.has(paper, phraseWords[t], start + places[t]);
          }
          if (all) {
            frequency += 1f;
          }
        }
        return frequency == 0 ? NO_MATCH : scorer.score(frequency, papers.norms.get(field)[paper]);
      };
    }

    /**
     * The recency prior as Lucene's {@code LongDistanceFeatureQuery} scores it: {@code boost *
     * pivot / (pivot + distance)} in double, rounded once, for a paper with a publication day.
     */
    private Node recencyNode(float boost) {
      needsPublished = true;
      double pivot = QueryPlan.RECENCY_PIVOT_DAYS;
      return (papers, paper) -> {
        if (!papers.dated[paper]) {
          return NO_MATCH;
        }
        long value = papers.published[paper];
        long distance = Math.max(value, today) - Math.min(value, today);
        if (distance < 0) {
          distance = Long.MAX_VALUE; // as Lucene: an overflowing distance is the largest
        }
        return (float) (boost * (pivot / (pivot + distance)));
      };
    }

    /**
     * The upvote prior as Lucene's saturation {@code FeatureQuery} scores it: the feature decoded
     * from its term frequency, then {@code boost * (1 - pivot / (value + pivot))} in float, for a
     * paper with upvotes.
     */
    private Node upvoteNode(float boost) {
      needsUpvotes = true;
      float pivot = QueryPlan.UPVOTE_PIVOT;
      return (papers, paper) -> {
        int frequency = papers.upvotes[paper];
        if (frequency == 0) {
          return NO_MATCH;
        }
        float value = Float.intBitsToFloat(frequency << 15); // FeatureField's encoding
        return boost * (1 - pivot / (value + pivot));
      };
    }

    private Node booleanNode(BooleanQuery bool, float boost) throws IOException {
      List<Node> must = new ArrayList<>();
      List<Node> should = new ArrayList<>();
      for (BooleanClause clause : bool.clauses()) {
        // BooleanWeight passes its boost to every clause's weight.
        (clause.occur() == BooleanClause.Occur.MUST ? must : should)
            .add(node(clause.query(), boost));
      }
      int minimum = Math.max(1, bool.getMinimumNumberShouldMatch());
      if (must.isEmpty()) {
        return (papers, paper) -> sum(should, papers, paper, minimum);
      }
      if (should.isEmpty()) {
        return (papers, paper) -> sum(must, papers, paper, must.size());
      }
      int required = bool.getMinimumNumberShouldMatch();
      return (papers, paper) -> {
        // BooleanScorerSupplier: the required part (one clause, or a conjunction) and the
        // optional part (one clause, or a disjunction), added in float as ReqOptSumScorer does, or
        // in double as the conjunction of the two does when some optional clauses are required;
        // the sum of two floats rounds the same either way.
        float req =
            must.size() == 1
                ? must.get(0).score(papers, paper)
                : sum(must, papers, paper, must.size());
        if (!matches(req)) {
          return NO_MATCH;
        }
        float opt =
            should.size() == 1
                ? should.get(0).score(papers, paper)
                : sum(should, papers, paper, Math.max(1, required));
        if (!matches(opt)) {
          return required > 0 ? NO_MATCH : req;
        }
        return req + opt;
      };
    }

    /** The parts' scores added in double and rounded once, when at least {@code minimum} match. */
    private static float sum(List<Node> parts, Papers papers, int paper, int minimum) {
      double sum = 0;
      int matched = 0;
      for (Node part : parts) {
        float score = part.score(papers, paper);
        if (matches(score)) {
          sum += score;
          matched++;
        }
      }
      return matched >= minimum ? (float) sum : NO_MATCH;
    }

    private int word(Term term) {
      Integer known = wordIndex.get(term);
      if (known == null) {
        known = words.size();
        wordIndex.put(term, known);
        words.add(term);
      }
      return known;
    }

    private CollectionStatistics collection(String field) throws IOException {
      CollectionStatistics known = fields.get(field);
      if (known == null) {
        known = searcher.collectionStatistics(field);
        fields.put(field, known);
      }
      return known;
    }

    /** The words' places and the norms of the pool papers; null when a paper lacks its text. */
    Papers read(ScoreDoc[] hits) throws IOException {
      Map<String, long[]> norms = new HashMap<>();
      for (Term word : words) {
        norms.computeIfAbsent(word.field(), field -> new long[hits.length]);
      }
      Papers papers = new Papers(hits.length, words.size(), norms);
      if (words.isEmpty() && !needsPublished && !needsUpvotes) {
        return papers;
      }
      TextWords textWords = new TextWords(words);
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
        if (words.isEmpty()) {
          continue;
        }
        BinaryDocValues texts = leaf.reader().getBinaryDocValues(PaperFields.ANALYSED);
        for (int i = first; i < next; i++) {
          int doc = hits[byDoc[i]].doc - leaf.docBase;
          if (texts == null || !texts.advanceExact(doc)) {
            return null;
          }
          int paper = byDoc[i];
          textWords.visit(
              texts.binaryValue(), (word, position) -> papers.add(paper, word, position));
        }
      }
      return papers;
    }

    /** Each part Lucene scores, for every pool paper, by its own weight. */
    void scoreOthers(ScoreDoc[] hits) throws IOException {
      if (others.isEmpty()) {
        return;
      }
      Integer[] byDoc = PaperDocuments.inDocOrder(hits);
      for (LuceneNode other : others) {
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

  /**
   * A sloppy phrase's frequency in one paper as Lucene's {@code SloppyPhraseMatcher} counts it for
   * a phrase without repeated words: the words' places walked in Lucene's order (always moving the
   * word furthest behind), each match within the slop adding {@code 1 / (1 + its length)} in float,
   * in Lucene's order. Not every combination of places is a match, so only the same walk gives the
   * same frequency.
   */
  private static final class SloppyFrequency {
    private final int[][] places;
    private final int[] counts;
    private final int[] offsets;
    private final int slop;
    private final int[] next;
    private final int[] position;
    private final boolean[] queued;
    private int end = Integer.MIN_VALUE;
    private int matchLength = Integer.MAX_VALUE;
    private boolean positioned = true;

    private SloppyFrequency(int[][] places, int[] counts, int[] offsets, int slop) {
      this.places = places;
      this.counts = counts;
      this.offsets = offsets;
      this.slop = slop;
      next = new int[places.length];
      position = new int[places.length];
      queued = new boolean[places.length];
      for (int t = 0; t < places.length; t++) {
        advance(t);
        queued[t] = true;
      }
    }

    static float of(Papers papers, int paper, int[] words, int[] offsets, int slop) {
      int[][] places = new int[words.length][];
      int[] counts = new int[words.length];
      for (int t = 0; t < words.length; t++) {
        counts[t] = papers.counts[paper][words[t]];
        if (counts[t] == 0) {
          return 0; // the phrase needs every word
        }
        places[t] = papers.positions[paper][words[t]];
      }
      SloppyFrequency walk = new SloppyFrequency(places, counts, offsets, slop);
      if (!walk.nextMatch()) {
        return 0;
      }
      // PhraseScorer: the first match's weight, then each further match's added in float.
      float frequency = walk.weight();
      while (walk.nextMatch()) {
        frequency += walk.weight();
      }
      return frequency;
    }

    private float weight() {
      return 1f / (1f + matchLength);
    }

    /** The word's next place, less its offset in the phrase; false when it has no more. */
    private boolean advance(int t) {
      if (next[t] == counts[t]) {
        return false;
      }
      position[t] = places[t][next[t]++] - offsets[t];
      if (position[t] > end) {
        end = position[t];
      }
      return true;
    }

    /** The queued word Lucene's PhraseQueue puts first: by position, then offset, then order. */
    private int top() {
      int best = -1;
      for (int t = 0; t < position.length; t++) {
        if (queued[t]
            && (best < 0
                || position[t] < position[best]
                || (position[t] == position[best]
                    && (offsets[t] < offsets[best]
                        || (offsets[t] == offsets[best] && t < best))))) {
          best = t;
        }
      }
      return best;
    }

    private int pop() {
      int top = top();
      queued[top] = false;
      return top;
    }

    /** SloppyPhraseMatcher.nextMatch without repeats. */
    private boolean nextMatch() {
      if (!positioned) {
        return false;
      }
      int pp = pop();
      matchLength = end - position[pp];
      int nextPosition = position[top()];
      while (advance(pp)) {
        if (position[pp] > nextPosition) {
          queued[pp] = true;
          if (matchLength <= slop) {
            return true;
          }
          pp = pop();
          nextPosition = position[top()];
          matchLength = end - position[pp];
        } else {
          int matchLength2 = end - position[pp];
          if (matchLength2 < matchLength) {
            matchLength = matchLength2;
          }
        }
      }
      positioned = false;
      return matchLength <= slop;
    }
  }

  /** A part scored by Lucene's own weight: its scores of the pool papers, in pool order. */
  private static final class LuceneNode implements Node {
    final Query query;
    final float boost;
    float[] scores;

    LuceneNode(Query query, float boost) {
      this.query = query;
      this.boost = boost;
    }

    @Override
    public float score(Papers papers, int paper) {
      return scores[paper];
    }
  }
}
