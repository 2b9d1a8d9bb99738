package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;
import paperbot.recommender.index.PaperAnalyzer;

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
