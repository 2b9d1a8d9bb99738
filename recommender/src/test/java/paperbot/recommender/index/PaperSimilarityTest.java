package paperbot.recommender.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.AfterEffectB;
import org.apache.lucene.search.similarities.BasicModelIn;
import org.apache.lucene.search.similarities.DFRSimilarity;
import org.apache.lucene.search.similarities.NormalizationH2;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The paper index's word scores: Lucene's DFR In-B2 model, and what it rewards. */
final class PaperSimilarityTest {
  private static final List<String> ABSTRACTS =
      List.of(
          "solving an mdp as a sequence of mdp problems with mdp structure",
          "a robust and efficient planner for legged robots",
          "diffusion policy learns visuomotor policy from demonstrations of a diffusion model",
          "we study adversarial attacks on deep reinforcement learning agents",
          "adversarial training of agents against adversarial perturbations of the observation",
          "an efficient and robust method for offline reinforcement learning",
          "language conditioned robots",
          "a robust mdp view of diffusion",
          "an mdp for planning");

  @Test
  void scoresAsLuceneDfrInB2WithItsLengthNormalisation() throws IOException {
    DFRSimilarity lucene =
        new DFRSimilarity(
            new BasicModelIn(),
            new AfterEffectB(),
            new NormalizationH2(PaperSimilarity.LENGTH_SMOOTHING));
    try (Directory directory = index()) {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher ours = new IndexSearcher(reader);
        ours.setSimilarity(new PaperSimilarity());
        IndexSearcher theirs = new IndexSearcher(reader);
        theirs.setSimilarity(lucene);
        for (Query query :
            List.of(
                term("robust"),
                term("mdp"),
                new PhraseQuery("text", "diffusion", "policy"),
                new BooleanQuery.Builder()
                    .add(term("adversarial"), Occur.SHOULD)
                    .add(term("agents"), Occur.SHOULD)
                    .build())) {
          ScoreDoc[] expected = theirs.search(query, 10).scoreDocs;
          ScoreDoc[] actual = ours.search(query, 10).scoreDocs;
          assertThat(actual).as("%s", query).hasSameSizeAs(expected).isNotEmpty();
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].doc).as("%s at %d", query, i).isEqualTo(expected[i].doc);
            assertThat(actual[i].score).isCloseTo(expected[i].score, within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void aRecurringSubjectWordOutweighsAnEquallyRareQualifier() throws IOException {
    // "robust" and "mdp" are each in three abstracts, but "mdp" recurs in the paper about MDPs.
    // Paper 7 has each once, so the two differ only in that.
    try (Directory directory = index()) {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.docFreq(new Term("text", "robust")))
            .isEqualTo(reader.docFreq(new Term("text", "mdp")));
        IndexSearcher bm25 = new IndexSearcher(reader);
        assertThat(score(bm25, term("mdp"), 7)).isEqualTo(score(bm25, term("robust"), 7));
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new PaperSimilarity());
        assertThat(score(searcher, term("mdp"), 7))
            .isGreaterThan(score(searcher, term("robust"), 7) * 1.2f);
      }
    }
  }

  private static TermQuery term(String word) {
    return new TermQuery(new Term("text", word));
  }

  private static float score(IndexSearcher searcher, Query query, int doc) throws IOException {
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      if (hit.doc == doc) {
        return hit.score;
      }
    }
    return 0f;
  }

  private static Directory index() throws IOException {
    Directory directory = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig(new StandardAnalyzer()).setSimilarity(new PaperSimilarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (String text : ABSTRACTS) {
        Document doc = new Document();
        doc.add(new TextField("text", text, Field.Store.YES));
        writer.addDocument(doc);
      }
    }
    return directory;
  }
}
