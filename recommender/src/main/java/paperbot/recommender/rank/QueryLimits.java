package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import paperbot.recommender.index.PaperFields;

/**
 * What a typed query asks of every paper found, as a web search engine takes it: each phrase in
 * quotes as it stands, in title or abstract ({@code "world models"}), or its words near each other
 * ({@code "world models"~3}); each word with a plus, or an equivalent form ({@code +rl}); none of
 * its words with a minus, with their equivalent forms ({@code -rl} leaves out "reinforcement
 * learning" too). The rest of the query ranks as any other (docs/ranking.md).
 */
final class QueryLimits {
  private static final QueryLimits NONE = new QueryLimits(List.of());

  private final List<BooleanClause> clauses;

  private QueryLimits(List<BooleanClause> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  /** The limits of a query split so, its phrases' words as near as {@code marks} say. */
  static QueryLimits of(
      QueryWords.Split split,
      SearchMarks marks,
      QueryPlan plan,
      QueryExpander expander,
      IndexReader corpus)
      throws IOException {
    List<BooleanClause> clauses = new ArrayList<>();
    for (String phrase : split.required()) {
      Query required = anywhere(plan, phrase, marks.slop(phrase));
      if (required != null) {
        clauses.add(new BooleanClause(required, Occur.FILTER));
      }
    }
    for (String word : split.mustHave()) {
      // A word with a plus, or one of its equivalent forms, as a minus leaves them all out.
      Query required = wordOrForms(word, plan, expander, corpus);
      if (required != null) {
        clauses.add(new BooleanClause(required, Occur.FILTER));
      }
    }
    for (String word : split.excluded()) {
      // A quoted phrase is left out as it stands, as a quoted phrase is required.
      String phrase = QueryWords.quotedPhrase(word);
      Query left =
          phrase != null
              ? anywhere(plan, phrase, marks.slop(phrase))
              : wordOrForms(word, plan, expander, corpus);
      if (left != null) {
        clauses.add(new BooleanClause(left, Occur.MUST_NOT));
      }
    }
    return clauses.isEmpty() ? NONE : new QueryLimits(clauses);
  }

  /** The words in title or abstract, each or one of its equivalent forms; null for stop words. */
  private static Query wordOrForms(
      String word, QueryPlan plan, QueryExpander expander, IndexReader corpus) throws IOException {
    QueryPlan.TextQuery text = plan.textQuery(expander.concepts(QueryWords.of(word), corpus), true);
    return text == null ? null : text.exact();
  }

  /**
   * The phrase in the title or the abstract, its words at most {@code slop} apart (0: as it
   * stands); null when it is only stop words.
   */
  private static Query anywhere(QueryPlan plan, String phrase, int slop) {
    BooleanQuery.Builder anywhere = new BooleanQuery.Builder();
    for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
      Query query = plan.fieldQuery(field, phrase, slop);
      if (query != null) {
        anywhere.add(query, Occur.SHOULD);
      }
    }
    BooleanQuery query = anywhere.build();
    return query.clauses().isEmpty() ? null : query;
  }

  /** These limits and papers matching {@code filter} only (none when null). */
  QueryLimits and(Query filter) {
    if (filter == null) {
      return this;
    }
    List<BooleanClause> more = new ArrayList<>(clauses);
    more.add(new BooleanClause(filter, Occur.FILTER));
    return new QueryLimits(more);
  }

  /** {@code query} matching only papers within the limits (itself when there are none). */
  Query apply(Query query) {
    if (clauses.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.MUST);
    clauses.forEach(builder::add);
    return builder.build();
  }
}
