package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * The pool's scores under several weighted-word queries in one pass are exactly the scores Lucene's
 * own rescoring gives each query, across segments, for papers in any order, and a query of another
 * shape is scored by Lucene as before.
 */
final class PoolScoresTest {
  @TempDir Path dir;

  @Test
  void scoresEveryQueryAsLuceneDoesInOnePass() throws IOException {
    String[][] papers = {
      {"Diffusion policy", "Diffusion policies for robot control from demonstrations."},
      {"Robots", "A robot policy learned from a few demonstrations."},
      {"Video diffusion", "Diffusion models for video generation at scale."},
      {"Offline reinforcement learning", "Conservative policies from logged data."},
      {"Language models", "Reasoning with chains of thought in large language models."},
      {"Robot diffusion", "Diffusion for robot manipulation, a diffusion policy study."},
    };
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer =
            new IndexWriter(
                directory,
                new IndexWriterConfig(new PaperAnalyzer())
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < papers.length; i++) {
        writer.addDocument(PaperDocuments.toDocument(TestPapers.paper(papers[i][0], papers[i][1])));
        if (i % 2 == 1) {
          writer.commit(); // several segments, as a real index has
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        IndexSearcher searcher = new IndexSearcher(reader);
        // Pool order is not document order, as after the first pass.
        ScoreDoc[] pool = {
          new ScoreDoc(5, 3f),
          new ScoreDoc(0, 2.5f),
          new ScoreDoc(4, 2f),
          new ScoreDoc(2, 1.5f),
          new ScoreDoc(1, 1f),
          new ScoreDoc(3, 0.5f)
        };
        Query bag =
            QueryPlan.anyOf(
                List.of(
                    new BoostQuery(title("diffus"), QueryPlan.TITLE_BOOST),
                    abstractWord("diffus"),
                    new BoostQuery(title("robot"), QueryPlan.TITLE_BOOST * 0.5f),
                    new BoostQuery(abstractWord("robot"), 0.5f),
                    abstractWord("nowher")));
        Map<String, Double> feedback = new LinkedHashMap<>();
        feedback.put("polici", 1.0);
        feedback.put("diffus", 0.7);
        feedback.put("demonstr", 0.4);
        Query feedbackQuery = FeedbackTerms.query(feedback);
        Query single = abstractWord("video");
        Query phrase = new PhraseQuery(PaperFields.ABSTRACT, "diffus", "polici");
        List<Query> queries = List.of(bag, feedbackQuery, single, phrase);

        float[][] scores = PoolScores.of(searcher, pool, queries);

        assertThat(scores).hasNumberOfRows(queries.size());
        for (int q = 0; q < queries.size(); q++) {
          assertThat(scores[q])
              .as("query %s", queries.get(q))
              .containsExactly(RankFusion.scores(searcher, pool, queries.get(q)));
        }
        // Papers that match and papers that do not, so equal arrays say something.
        assertThat(scores[0][0]).isGreaterThan(scores[0][1]).isGreaterThan(0f);
        assertThat(scores[0][2]).isZero();
        assertThat(scores[2][3]).isGreaterThan(0f);
        assertThat(scores[3][1]).isGreaterThan(0f);
        assertThat(scores[3][4]).isZero();
      }
    }
  }

  private static Query title(String stem) {
    return new TermQuery(new Term(PaperFields.TITLE, stem));
  }

  private static Query abstractWord(String stem) {
    return new TermQuery(new Term(PaperFields.ABSTRACT, stem));
  }

  @Test
  void anEmptyListScoresNothing() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new PaperAnalyzer()))) {
      writer.addDocument(PaperDocuments.toDocument(TestPapers.paper("Robots", "A robot.")));
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(
                PoolScores.of(
                    new IndexSearcher(reader), new ScoreDoc[] {new ScoreDoc(0, 1f)}, List.of()))
            .isEmpty();
      }
    }
  }
}
