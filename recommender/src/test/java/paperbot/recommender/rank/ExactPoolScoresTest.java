package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * The pool's exact re-scoring from the papers' analysed text gives exactly what Lucene's rescoring
 * gives (the same papers, in the same order, with bit-identical scores) for the queries search
 * builds: expansions with phrases, phrases over stop words, repeated words, titles with aliases,
 * the phrase bonus (sloppy phrases, words apart or swapped) and the priors, across segments; a
 * paper without the analysed text is scored by Lucene.
 */
final class ExactPoolScoresTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @TempDir Path dir;

  private final PaperAnalyzer analyzer = new PaperAnalyzer();
  private final QueryPlan plan = new QueryPlan(analyzer);
  private final QueryExpander expander =
      QueryExpander.parse(
          List.of(
              "RL | reinforcement learning",
              "CoT | chain of thought | chain-of-thought",
              "LLM | large language model | language model"));

  private static final String[][] PAPERS = {
    {"Offline reinforcement learning", "Offline RL learns policies from logged data, offline."},
    {"Learning to learn", "Reinforcement learning to learn to learn, learning again and again."},
    {"Chain of thought prompting", "A chain of thought makes a large language model reason."},
    {"Thought chains", "Chains of thought and a chain, of thought, for reinforcement."},
    {"Language models", "Large language models learn from reinforcement learning feedback."},
    {"Offline learning", "Learning offline from a reinforcement signal: offline reinforcement."},
    {"Robots", "Reinforcement of robot learning with a language model of actions."},
    {"Reasoning", "Chain-of-thought reasoning in large language models, learned offline."},
  };

  @Test
  void scoresThePoolAsLucenesRescoringDoes() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = writer(directory)) {
      for (int i = 0; i < PAPERS.length; i++) {
        writer.addDocument(PaperDocuments.toDocument(paper(i)));
        if (i % 3 == 2) {
          writer.commit(); // several segments
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        IndexSearcher searcher = new IndexSearcher(reader);
        int scored = 0;
        for (String query :
            List.of(
                "offline rl",
                "offline reinforcement learning",
                "cot",
                "chain of thought",
                "llm reasoning offline",
                "learning to learn",
                "learning offline",
                "thought chain",
                "reinforcement offline learning",
                "rl robot language model")) {
          Query exactly = exactly(query);
          TopDocs lucene = WindowRescorer.rescoreExactly(searcher, pool(), exactly, 8, 8);
          TopDocs ours = ExactPoolScores.rescoreExactly(searcher, pool(), null, exactly, TODAY);
          assertThat(described(ours)).as(query).isEqualTo(described(lucene));
          scored += ours.scoreDocs.length;
          // A member's topic query beside its bonus and priors, each paper's score or 0.
          Query either =
              new BooleanQuery.Builder()
                  .add(
                      plan.textQuery(expander.concepts(QueryWords.of(query))).exact(), Occur.SHOULD)
                  .add(bonusAndPriors(query), Occur.SHOULD)
                  .build();
          assertThat(ExactPoolScores.scores(searcher, pool().scoreDocs, null, either, TODAY))
              .as(query)
              .containsExactly(RankFusion.scores(searcher, pool().scoreDocs, either));
          // The bonus and priors added to first-pass scores, as for a query without phrases.
          Query bonus = bonusAndPriors(query);
          assertThat(described(ExactPoolScores.rescore(searcher, pool(), null, bonus, TODAY)))
              .as(query)
              .isEqualTo(described(WindowRescorer.rescore(searcher, pool(), bonus, 8, 8)));
          // Scores that differ, so equal lists say something.
          assertThat(ours.scoreDocs[0].score).as(query).isGreaterThan(ours.scoreDocs[1].score);
        }
        assertThat(scored).isGreaterThan(20);
      }
    }
  }

  @Test
  void aPaperWithoutItsAnalysedTextIsScoredByLucene() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = writer(directory)) {
      for (int i = 0; i < PAPERS.length; i++) {
        Document document = PaperDocuments.toDocument(paper(i));
        if (i == 4) {
          document.removeField(PaperFields.ANALYSED);
        }
        writer.addDocument(document);
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query exactly = exactly("llm reasoning offline");
        TopDocs ours = ExactPoolScores.rescoreExactly(searcher, pool(), null, exactly, TODAY);
        assertThat(described(ours))
            .isEqualTo(described(WindowRescorer.rescoreExactly(searcher, pool(), exactly, 8, 8)))
            .anyMatch(line -> line.startsWith("4 "));
      }
    }
  }

  private IndexWriter writer(FSDirectory directory) throws IOException {
    return new IndexWriter(
        directory, new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE));
  }

  /** The query search re-scores its pool with: exact text, phrase bonus, priors. */
  private Query exactly(String query) {
    List<Concept> concepts = expander.concepts(QueryWords.of(query));
    QueryPlan.TextQuery text = plan.textQuery(concepts);
    Query second =
        plan.bonusAndPriors(text.bonus() == null ? List.of() : List.of(text.bonus()), TODAY);
    return new BooleanQuery.Builder()
        .add(text.exact(), Occur.MUST)
        .add(second, Occur.SHOULD)
        .build();
  }

  private Query bonusAndPriors(String query) {
    QueryPlan.TextQuery text = plan.textQuery(expander.concepts(QueryWords.of(query)));
    return plan.bonusAndPriors(text.bonus() == null ? List.of() : List.of(text.bonus()), TODAY);
  }

  /** Every paper, not in document order, as after a first pass. */
  private static TopDocs pool() {
    int[] order = {5, 2, 7, 0, 3, 6, 1, 4};
    ScoreDoc[] hits = new ScoreDoc[order.length];
    for (int i = 0; i < order.length; i++) {
      hits[i] = new ScoreDoc(order[i], 10f - i);
    }
    return new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
  }

  private static List<String> described(TopDocs hits) {
    List<String> lines = new ArrayList<>();
    for (ScoreDoc hit : hits.scoreDocs) {
      lines.add(hit.doc + " " + Float.floatToIntBits(hit.score));
    }
    return lines;
  }

  private static Paper paper(int i) {
    Paper paper =
        TestPapers.paper(PAPERS[i][0], PAPERS[i][1], TODAY.minusDays(100L * i), (i * 7) % 30);
    if (i != 3) {
      return paper;
    }
    // A title with aliases: more title values, apart by the analyser's gap.
    return TestPapers.withAliasesAndAuthors(
        paper,
        List.of("Chain of thought, offline", "Reinforcement learning chain"),
        paper.authors());
  }
}
