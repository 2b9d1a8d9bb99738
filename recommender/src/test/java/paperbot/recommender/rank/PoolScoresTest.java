package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
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
import paperbot.recommender.corpus.Paper;
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
        IndexWriter writer = segmentsKept(directory)) {
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

  /**
   * Title and abstract words are counted from each paper's analysed text, so the counts must be the
   * index's own: a title's aliases are title terms too, a word may repeat, a paper indexed without
   * the analysed text and a word of another field (authors) are read from the postings.
   */
  @Test
  void countsFromTheAnalysedTextAreTheIndexsOwn() throws IOException {
    List<Paper> papers =
        List.of(
            TestPapers.withAliasesAndAuthors(
                TestPapers.paper(
                    "Diffusion policy", "Diffusion, diffusion and more diffusion for robots."),
                List.of("Robot diffusion policies", "Policy diffusion"),
                List.of("Ada Robot")),
            TestPapers.paper("Robots", "A robot policy learned from a few demonstrations."),
            TestPapers.withAliasesAndAuthors(
                TestPapers.paper("Video diffusion", "Diffusion models for video generation."),
                List.of("Diffusion for video"),
                List.of("Bo Diffusion")),
            TestPapers.paper("Offline learning", "Conservative policies from logged robot data."));
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = segmentsKept(directory)) {
      for (int i = 0; i < papers.size(); i++) {
        Document document = PaperDocuments.toDocument(papers.get(i));
        if (i == 2) {
          document.removeField(PaperFields.ANALYSED); // as a paper indexed without it
        }
        writer.addDocument(document);
        if (i % 2 == 1) {
          writer.commit();
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        ScoreDoc[] pool = {
          new ScoreDoc(2, 3f), new ScoreDoc(0, 2f), new ScoreDoc(3, 1f), new ScoreDoc(1, 0.5f)
        };
        Query words =
            QueryPlan.anyOf(
                List.of(
                    new BoostQuery(title("diffus"), QueryPlan.TITLE_BOOST),
                    abstractWord("diffus"),
                    new BoostQuery(title("polici"), 0.7f),
                    abstractWord("robot"),
                    new TermQuery(new Term(PaperFields.AUTHORS, "robot"))));
        Query titles = new BoostQuery(title("robot"), 2f);

        float[][] scores = PoolScores.of(searcher, pool, List.of(words, titles));

        assertThat(scores[0]).containsExactly(RankFusion.scores(searcher, pool, words));
        assertThat(scores[1]).containsExactly(RankFusion.scores(searcher, pool, titles));
        // The first paper has "diffus" three times in its abstract and twice more in its aliases:
        // it outscores the second-best, and the alias-only title word counts.
        assertThat(scores[0][1]).isGreaterThan(scores[0][0]).isGreaterThan(scores[0][2]);
        assertThat(scores[1][1]).isGreaterThan(0f);
        assertThat(scores[1][2]).isZero();
      }
    }
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

  /** A writer that never merges, so each flush stays a segment of its own. */
  private static IndexWriter segmentsKept(FSDirectory directory) throws IOException {
    return new IndexWriter(
        directory,
        new IndexWriterConfig(new PaperAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
  }
}
