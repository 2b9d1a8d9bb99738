package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperFields;

/** The first pass reads no positions; the exact query it stands for does. */
final class QueryPlanTest {
  private final QueryPlan plan = new QueryPlan(new PaperAnalyzer());
  private final QueryExpander expander =
      QueryExpander.parse(
          List.of(
              "MoE | mixture of experts",
              "GFlowNet | generative flow network",
              "offline RL | offline reinforcement learning",
              "sim2real | sim-to-real"));

  private static List<Query> phrases(Query query) {
    List<Query> phrases = new ArrayList<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            if (leaf instanceof PhraseQuery) {
              phrases.add(leaf);
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return phrases;
  }

  /** The fields in which a single-term query for {@code word} (as analysed) occurs. */
  private static List<String> fieldsOf(Query query, String word) {
    List<String> fields = new ArrayList<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            if (leaf instanceof TermQuery && terms.length == 1 && terms[0].text().equals(word)) {
              fields.add(terms[0].field());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return fields;
  }

  @Test
  void theFirstPassLooksForAFormsLooseWordsInAbstractsAndTheExactPassInTitlesToo() {
    QueryPlan.TextQuery text =
        plan.textQuery(expander.concepts(QueryWords.of("goal conditioned exploration")));
    // "goal conditioned exploration" is no known term: each word is its own concept, scored in
    // both fields in both passes. "offline reinforcement learning" is one concept whose words
    // also match apart.
    assertThat(fieldsOf(text.match(), "explor"))
        .containsExactlyInAnyOrder(PaperFields.TITLE, PaperFields.ABSTRACT);
    QueryPlan.TextQuery offline =
        plan.textQuery(expander.concepts(QueryWords.of("offline reinforcement learning")));
    assertThat(fieldsOf(offline.match(), "learn")).containsExactly(PaperFields.ABSTRACT);
    assertThat(fieldsOf(offline.exact(), "learn"))
        .containsExactlyInAnyOrder(PaperFields.TITLE, PaperFields.ABSTRACT);
  }

  @Test
  void theFirstPassFindsPhrasesWithoutPositions() {
    for (String query :
        List.of(
            "mixture of experts", "gflownet", "offline reinforcement learning", "sim-to-real")) {
      QueryPlan.TextQuery text = plan.textQuery(expander.concepts(QueryWords.of(query)));

      assertThat(phrases(text.match())).as(query).isEmpty();
      assertThat(phrases(text.exact())).as(query).isNotEmpty();
      assertThat(text.approximate()).as(query).isTrue();
    }
  }
}
