package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
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
 * Remembered term states score exactly as Lucene's own look-ups, and a new generation (after a
 * commit) counts its new papers at once.
 */
final class KnownTermsTest {
  @TempDir Path dir;

  @Test
  void boundQueriesScoreAsTheQueriesThemselvesInEveryGeneration() throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(new BoostQuery(term("diffus"), 1.25f), Occur.SHOULD)
            .add(
                new BooleanQuery.Builder()
                    .add(term("polici"), Occur.MUST)
                    .add(term("robot"), Occur.MUST)
                    .build(),
                Occur.SHOULD)
            .add(new PhraseQuery(PaperFields.ABSTRACT, "diffus", "polici"), Occur.SHOULD)
            .build();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new PaperAnalyzer()))) {
      writer.addDocument(
          PaperDocuments.toDocument(
              TestPapers.paper("Diffusion policy", "Diffusion policies for robot control.")));
      writer.addDocument(
          PaperDocuments.toDocument(TestPapers.paper("Robots", "A robot policy from demos.")));
      writer.commit();
      try (DirectoryReader first = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(first);
        List<String> expected = scores(searcher, query);
        assertThat(expected).hasSize(2);
        // Twice: the second time from the remembered states.
        assertThat(scores(searcher, KnownTerms.bind(searcher, query))).isEqualTo(expected);
        assertThat(scores(searcher, KnownTerms.bind(searcher, query))).isEqualTo(expected);
        writer.addDocument(
            PaperDocuments.toDocument(
                TestPapers.paper("Video diffusion", "Diffusion for video generation.")));
        writer.commit();
        try (DirectoryReader second = DirectoryReader.openIfChanged(first)) {
          IndexSearcher next = new IndexSearcher(second);
          List<String> changed = scores(next, query);
          assertThat(changed).hasSize(3).isNotEqualTo(expected);
          assertThat(scores(next, KnownTerms.bind(next, query))).isEqualTo(changed);
          // The older generation's searcher still gets its own states.
          assertThat(scores(searcher, KnownTerms.bind(searcher, query))).isEqualTo(expected);
        }
      }
    }
  }

  private static List<String> scores(IndexSearcher searcher, Query query) throws IOException {
    List<String> scores = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
      scores.add(hit.doc + ":" + hit.score);
    }
    return scores;
  }

  private static Query term(String stem) {
    return new TermQuery(new Term(PaperFields.ABSTRACT, stem));
  }
}
