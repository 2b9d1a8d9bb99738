package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * Which concepts a pool paper has: a form as a phrase (in title or abstract, across a left-out
 * word), an equivalent form, or the concept's own words apart; read from the pool's analysed text,
 * and the same from search for a paper indexed without it.
 */
final class ConceptCoverageTest {
  @TempDir Path dir;

  private static final Concept OFFLINE_RL =
      new Concept(
          List.of("offline", "reinforcement", "learning"),
          "offline reinforcement learning",
          List.of("offline RL"),
          false);
  private static final Concept DIFFUSION =
      new Concept(List.of("diffusion"), "diffusion", List.of(), false);
  private static final Concept MIXTURE_OF_EXPERTS =
      new Concept(List.of("mixture", "of", "experts"), "mixture of experts", List.of(), false);
  private static final Concept ROUTING =
      new Concept(List.of("routing"), "routing", List.of(), false);

  @Test
  void aPaperHasAConceptByAnyFormOrByItsWordsApart() throws IOException {
    List<Paper> papers =
        List.of(
            TestPapers.paper("Offline RL with Diffusion", "We plan with generative models."),
            TestPapers.paper(
                "Conservative Q-learning",
                "Learning offline from logged data, with reinforcement from a critic."),
            TestPapers.paper("Image generation", "Diffusion models generate images."),
            TestPapers.paper("Mixture of Experts Routing", "Sparse layers for language models."),
            TestPapers.paper("Experts", "A mixture, and experts who route nothing."));
    int n = papers.size();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = TestPapers.writer(directory)) {
      // Each paper twice: with its analysed text, and (docs n..2n-1) as a paper indexed without it.
      for (int copy = 0; copy < 2; copy++) {
        for (Paper paper : papers) {
          Document document = PaperDocuments.toDocument(paper);
          if (copy == 1) {
            document.removeField(PaperFields.ANALYSED);
          }
          writer.addDocument(document);
        }
        writer.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        ScoreDoc[] pool = new ScoreDoc[2 * n];
        for (int i = 0; i < pool.length; i++) {
          pool[i] = new ScoreDoc(pool.length - 1 - i, 1f); // not in document order
        }
        PoolText text = PoolText.read(searcher, pool);

        double[] offlineDiffusion = byDoc(reader, pool, text, OFFLINE_RL, DIFFUSION);
        assertThat(offlineDiffusion[0]).as("an equivalent form and a word").isEqualTo(1.0);
        assertThat(offlineDiffusion[1]).as("the words apart, no diffusion").isBetween(0.02, 0.9);
        assertThat(offlineDiffusion[2]).as("diffusion alone").isBetween(0.02, 0.9);
        assertThat(offlineDiffusion[3]).as("neither").isCloseTo(0.01, within(1e-9));

        double[] moeRouting = byDoc(reader, pool, text, MIXTURE_OF_EXPERTS, ROUTING);
        assertThat(moeRouting[3]).as("the phrase across \"of\", and routing").isEqualTo(1.0);
        assertThat(moeRouting[4]).as("the words apart; \"route\" is routing").isEqualTo(1.0);
        assertThat(moeRouting[0]).isCloseTo(0.01, within(1e-9));

        for (int i = 0; i < n; i++) {
          assertThat(offlineDiffusion[i + n])
              .as("paper %d by search", i)
              .isEqualTo(offlineDiffusion[i]);
          assertThat(moeRouting[i + n]).as("paper %d by search", i).isEqualTo(moeRouting[i]);
        }
      }
    }
  }

  /** The pool's factors for these concepts, by document number. */
  private static double[] byDoc(
      DirectoryReader reader, ScoreDoc[] pool, PoolText text, Concept... concepts)
      throws IOException {
    QueryPlan plan = new QueryPlan(new PaperAnalyzer());
    double[] factors =
        ConceptCoverage.of(reader, plan, List.of(concepts))
            .factors(new IndexSearcher(reader), pool, text);
    double[] byDoc = new double[pool.length];
    for (int i = 0; i < pool.length; i++) {
      byDoc[pool[i].doc] = factors[i];
    }
    return byDoc;
  }
}
