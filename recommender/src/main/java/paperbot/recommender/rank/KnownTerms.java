package paperbot.recommender.rank;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Each term's place in every segment's term dictionary and its statistics, remembered per index
 * generation and handed to the term queries of a request. A request builds a dozen queries over the
 * same words (the first pass, the exact and bag-of-words passes over the pool, feedback,
 * why-lines), and each looked every term up again in every segment: a tenth of a search at 100,000
 * papers, more with the more segments of a larger index. The states are what Lucene itself would
 * look up (statistics included), so scores are unchanged; a new reader (after a commit) starts
 * afresh.
 */
final class KnownTerms {
  /**
   * Terms remembered per generation (a term's states take some bytes per segment); past it, terms
   * are looked up each time as before.
   */
  static final int MAX_TERMS = 10_000;

  private static final PerGeneration<KnownTerms> CURRENT = new PerGeneration<>(KnownTerms::new);

  private final Map<Term, TermStates> states = new ConcurrentHashMap<>();

  private KnownTerms() {}

  /**
   * The query with its term queries (in nested disjunctions, conjunctions and weights) carrying
   * their remembered states; other queries unchanged.
   */
  static Query bind(IndexSearcher searcher, Query query) throws IOException {
    return CURRENT.of(searcher.getIndexReader()).bound(searcher, query);
  }

  /** The term's remembered states (with statistics), as a term query of this request gets them. */
  static TermStates statesOf(IndexSearcher searcher, Term term) throws IOException {
    return CURRENT.of(searcher.getIndexReader()).states(searcher, term);
  }

  private Query bound(IndexSearcher searcher, Query query) throws IOException {
    if (query instanceof TermQuery term) {
      return new TermQuery(term.getTerm(), states(searcher, term.getTerm()));
    }
    if (query instanceof BoostQuery boost) {
      return new BoostQuery(bound(searcher, boost.getQuery()), boost.getBoost());
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder builder =
          new BooleanQuery.Builder()
              .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        builder.add(bound(searcher, clause.query()), clause.occur());
      }
      return builder.build();
    }
    return query;
  }

  private TermStates states(IndexSearcher searcher, Term term) throws IOException {
    TermStates known = states.get(term);
    if (known != null && known.wasBuiltFor(searcher.getTopReaderContext())) {
      return known;
    }
    TermStates built = TermStates.build(searcher, term, true);
    if (states.size() < MAX_TERMS) {
      states.put(term, built);
    }
    return built;
  }
}
