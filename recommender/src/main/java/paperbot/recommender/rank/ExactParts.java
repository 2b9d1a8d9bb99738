package paperbot.recommender.rank;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import paperbot.recommender.index.PaperFields;

/**
 * A rewritten query as parts scored the way Lucene's scorers score them (see {@link
 * ExactPoolScores}), with the words they need from the pool's text and the parts left to Lucene.
 */
final class ExactParts {
  private final IndexSearcher searcher;
  private final List<Term> words = new ArrayList<>();
  private final Map<Term, Integer> wordIndex = new HashMap<>();
  private final List<LucenePart> others = new ArrayList<>();
  private final Map<String, CollectionStatistics> fields = new HashMap<>();

  /** Search's priors for this day, as QueryPlan builds them (null without a day). */
  private final Query recency;

  private final Query upvotes;
  private final long today;
  private boolean needsPublished;
  private boolean needsUpvotes;

  ExactParts(IndexSearcher searcher, LocalDate day) {
    this.searcher = searcher;
    this.today = day == null ? 0 : day.toEpochDay();
    this.recency = day == null ? null : bare(QueryPlan.recencyPrior(day));
    this.upvotes = day == null ? null : bare(QueryPlan.upvotePrior());
  }

  private static Query bare(Query query) {
    return query instanceof BoostQuery boosted ? bare(boosted.getQuery()) : query;
  }

  PoolPart node(Query query, float boost) throws IOException {
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
    LucenePart other = new LucenePart(query, boost);
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
        && (bool.getMinimumNumberShouldMatch() == 0 || bool.getMinimumNumberShouldMatch() < should);
  }

  private PoolPart termNode(TermQuery query, float boost) throws IOException {
    Term term = query.getTerm();
    TermStates states = query.getTermStates();
    if (states == null || !states.wasBuiltFor(searcher.getTopReaderContext())) {
      states = KnownTerms.statesOf(searcher, term);
    }
    if (states.docFreq() <= 0) {
      return (papers, paper) -> PoolPart.NO_MATCH; // Lucene's term weight has no scorer for it
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
      return frequency == 0
          ? PoolPart.NO_MATCH
          : scorer.score(frequency, papers.norms.get(field)[paper]);
    };
  }

  private PoolPart phraseNode(PhraseQuery phrase, float boost) throws IOException {
    Term[] terms = phrase.getTerms();
    int[] places = phrase.getPositions();
    TermStatistics[] statistics = new TermStatistics[terms.length];
    int[] phraseWords = new int[terms.length];
    for (int t = 0; t < terms.length; t++) {
      TermStates states = KnownTerms.statesOf(searcher, terms[t]);
      if (states.docFreq() <= 0) {
        return (papers, paper) -> PoolPart.NO_MATCH; // a missing word: no segment has the phrase
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
            ? PoolPart.NO_MATCH
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
      return frequency == 0
          ? PoolPart.NO_MATCH
          : scorer.score(frequency, papers.norms.get(field)[paper]);
    };
  }

  /**
   * The recency prior as Lucene's {@code LongDistanceFeatureQuery} scores it: {@code boost * pivot
   * / (pivot + distance)} in double, rounded once, for a paper with a publication day.
   */
  private PoolPart recencyNode(float boost) {
    needsPublished = true;
    double pivot = QueryPlan.RECENCY_PIVOT_DAYS;
    return (papers, paper) -> {
      if (!papers.dated[paper]) {
        return PoolPart.NO_MATCH;
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
  private PoolPart upvoteNode(float boost) {
    needsUpvotes = true;
    float pivot = QueryPlan.UPVOTE_PIVOT;
    return (papers, paper) -> {
      int frequency = papers.upvotes[paper];
      if (frequency == 0) {
        return PoolPart.NO_MATCH;
      }
      float value = Float.intBitsToFloat(frequency << 15); // FeatureField's encoding
      return boost * (1 - pivot / (value + pivot));
    };
  }

  private PoolPart booleanNode(BooleanQuery bool, float boost) throws IOException {
    List<PoolPart> must = new ArrayList<>();
    List<PoolPart> should = new ArrayList<>();
    for (BooleanClause clause : bool.clauses()) {
      // BooleanWeight passes its boost to every clause's weight.
      (clause.occur() == BooleanClause.Occur.MUST ? must : should).add(node(clause.query(), boost));
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
      if (!PoolPart.matches(req)) {
        return PoolPart.NO_MATCH;
      }
      float opt =
          should.size() == 1
              ? should.get(0).score(papers, paper)
              : sum(should, papers, paper, Math.max(1, required));
      if (!PoolPart.matches(opt)) {
        return required > 0 ? PoolPart.NO_MATCH : req;
      }
      return req + opt;
    };
  }

  /** The parts' scores added in double and rounded once, when at least {@code minimum} match. */
  private static float sum(List<PoolPart> parts, PoolPapers papers, int paper, int minimum) {
    double sum = 0;
    int matched = 0;
    for (PoolPart part : parts) {
      float score = part.score(papers, paper);
      if (PoolPart.matches(score)) {
        sum += score;
        matched++;
      }
    }
    return matched >= minimum ? (float) sum : PoolPart.NO_MATCH;
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

  /** The title and abstract words the parts need, numbered as the parts read them. */
  List<Term> words() {
    return words;
  }

  boolean needsPublished() {
    return needsPublished;
  }

  boolean needsUpvotes() {
    return needsUpvotes;
  }

  /** The parts Lucene scores by its own weights. */
  List<LucenePart> others() {
    return others;
  }
}
