package paperbot.recommender.rank;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * A profile's interests as queries: per topic and per followed author (named, to explain hits;
 * {@code topicMatches} are the topics as the first pass matches them, by word pairs and no
 * positions, which is cheap enough to sort a whole pool by topic: {@link InterestShares}; {@code
 * partly} are the topics as the feed's candidates match them, any of their words, to name the
 * topics a paper matches in part), every clause that may match, the topics' phrase bonuses for the
 * second pass, each topic's {@link ConceptCoverage}, and the topics of two concepts written
 * together ({@link PhraseFirst}; null when none). Built by {@link ProfileQueries#interests}.
 */
record Interests(
    Map<String, Query> topics,
    Map<String, Query> topicMatches,
    Map<String, Query> partly,
    Map<String, Query> authors,
    List<Query> clauses,
    List<Query> exactClauses,
    List<Query> bonuses,
    List<Query> highlights,
    Query words,
    List<ConceptCoverage> coverages,
    Query namedTogether) {
  /** Any interest, with real phrases. */
  Query exactQuery() {
    return QueryPlan.anyOf(exactClauses);
  }

  /**
   * Scores a paper by its exact interest match plus {@code extra}; papers without a match do not
   * qualify.
   */
  Query exactly(Query extra) {
    return new BooleanQuery.Builder()
        .add(exactQuery(), Occur.MUST)
        .add(extra, Occur.SHOULD)
        .build();
  }

  /** The interests' words as real phrases, for snippets. */
  Query highlightQuery() {
    return QueryPlan.anyOf(highlights);
  }
}
