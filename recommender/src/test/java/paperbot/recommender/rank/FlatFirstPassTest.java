package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
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
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.index.PaperAnalyzer;

/**
 * The flat first pass finds exactly the papers and order of the weighted grouped query it stands
 * for (scores within rounding), on a real index with many equal scores (repeated documents).
 */
final class FlatFirstPassTest {
  private static final List<String> WORDS =
      List.of(
          "diffusion",
          "policy",
          "robot",
          "learning",
          "offline",
          "reward",
          "model",
          "language",
          "vision",
          "agent",
          "planning",
          "value",
          "transformer",
          "video",
          "reasoning");

  @TempDir Path dir;

  @Test
  void weightsOfGroupsAreCarriedToTheirClauses() {
    Query a = term("a");
    Query b = term("b");
    Query grouped =
        QueryPlan.anyOf(
            List.of(
                new BoostQuery(QueryPlan.anyOf(List.of(new BoostQuery(a, 2f), b)), 3f), term("c")));
    assertThat(FlatFirstPass.flatten(grouped))
        .isEqualTo(
            QueryPlan.anyOf(List.of(new BoostQuery(a, 6f), new BoostQuery(b, 3f), term("c"))));
    Query conjunction = new BooleanQuery.Builder().add(a, Occur.MUST).add(b, Occur.MUST).build();
    assertThat(FlatFirstPass.flatten(conjunction)).isSameAs(conjunction);
  }

  @Test
  void theFlatTopIsTheGroupedQuerysTop() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(new PaperAnalyzer()))) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 400; i++) {
          StringBuilder text = new StringBuilder();
          int length = 5 + random.nextInt(30);
          for (int w = 0; w < length; w++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
          }
          // Some documents once, some many times: more equal scores at a cut than the flat
          // pass's margin.
          for (int copy = 0; copy < 1 + i % 40; copy++) {
            Document doc = new Document();
            doc.add(new StringField("id", i + "-" + copy, Field.Store.NO));
            doc.add(new TextField("abstract", text.toString(), Field.Store.NO));
            writer.addDocument(doc);
          }
          if (i % 150 == 149) {
            writer.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        SplittableRandom random = new SplittableRandom(11);
        int compared = 0;
        for (int q = 0; q < 40; q++) {
          List<Query> groups = new ArrayList<>();
          int count = 2 + random.nextInt(10);
          for (int g = 0; g < count; g++) {
            List<Query> clauses = new ArrayList<>();
            clauses.add(new BoostQuery(term(word(random)), 1.25f));
            clauses.add(term(word(random)));
            clauses.add(
                new PhraseQuery.Builder()
                    .add(new Term("abstract", word(random)))
                    .add(new Term("abstract", word(random)))
                    .build());
            groups.add(new BoostQuery(QueryPlan.anyOf(clauses), 0.5f * (1 + random.nextInt(6))));
          }
          Query grouped = QueryPlan.anyOf(groups);
          List<Query> exclusions = List.of(term(word(random)));
          int n = 10 + random.nextInt(100);
          TopDocs expected =
              searcher.search(
                  new BooleanQuery.Builder()
                      .add(grouped, Occur.SHOULD)
                      .add(exclusions.get(0), Occur.MUST_NOT)
                      .build(),
                  new TopScoreDocCollectorManager(n, Integer.MAX_VALUE));
          TopDocs actual =
              FlatFirstPass.search(searcher, grouped, exclusions, n, Integer.MAX_VALUE);
          assertThat(docs(actual)).isEqualTo(docs(expected));
          for (int i = 0; i < actual.scoreDocs.length; i++) {
            assertThat(actual.scoreDocs[i].score)
                .isCloseTo(
                    expected.scoreDocs[i].score, within(expected.scoreDocs[i].score * 1e-4f));
          }
          assertThat(actual.totalHits).isEqualTo(expected.totalHits);
          compared += expected.scoreDocs.length;
        }
        assertThat(compared).isGreaterThan(1_000);
      }
    }
  }

  private static List<Integer> docs(TopDocs top) {
    List<Integer> docs = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }

  private static String word(SplittableRandom random) {
    return WORDS.get(random.nextInt(WORDS.size()));
  }

  private static Query term(String word) {
    return new TermQuery(new Term("abstract", word));
  }
}
