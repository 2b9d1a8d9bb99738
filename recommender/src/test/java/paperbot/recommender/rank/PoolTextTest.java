package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.AnalysedText;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * The pool's text decoded once gives each pass exactly what walking each paper's encoded text gave
 * it: every occurrence of its words with the same positions in the same order, and the same word
 * counts for the feedback terms; a paper without the text, and one outside the pool, say so.
 */
final class PoolTextTest {
  @TempDir Path dir;

  @Test
  void givesEachPaperItsOwnTermsAndPositions() throws IOException {
    List<Paper> papers =
        List.of(
            TestPapers.withAliasesAndAuthors(
                TestPapers.paper(
                    "Diffusion policy", "Diffusion, diffusion and more diffusion for robots."),
                List.of("Robot diffusion policies", "Policy diffusion"),
                List.of("Ada Robot")),
            TestPapers.paper("Robots", "A robot policy learned from a few demonstrations."),
            TestPapers.paper("Video diffusion", "Diffusion models for video generation."),
            TestPapers.paper("Offline learning", "Conservative policies from logged robot data."),
            TestPapers.paper("", "An untitled paper about the robot's policy, a policy again."));
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = TestPapers.writer(directory)) {
      for (int i = 0; i < papers.size(); i++) {
        Document document = PaperDocuments.toDocument(papers.get(i));
        if (i == 2) {
          document.removeField(PaperFields.ANALYSED); // as a paper indexed without it
        }
        writer.addDocument(document);
        if (i % 2 == 1) {
          writer.commit(); // several segments
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        IndexSearcher searcher = new IndexSearcher(reader);
        // Not in document order, and paper 3 left out.
        ScoreDoc[] pool = {
          new ScoreDoc(4, 3f), new ScoreDoc(0, 2f), new ScoreDoc(2, 1f), new ScoreDoc(1, 0.5f)
        };

        PoolText text = PoolText.read(searcher, pool);

        assertThat(text.paper(3)).isEqualTo(-1);
        assertThat(text.hasText(text.paper(2))).isFalse();
        for (int i = 0; i < pool.length; i++) {
          assertThat(text.paper(pool[i].doc)).isEqualTo(i);
          if (pool[i].doc == 2) {
            continue;
          }
          List<String> expected = occurrences(reader, pool[i].doc);
          // Every term of the paper as a word (and one no paper has), numbered in this order.
          List<Term> words = new ArrayList<>();
          for (String occurrence : new LinkedHashSet<>(expected)) {
            String[] parts = occurrence.split(" ");
            words.add(new Term(parts[0], parts[1]));
          }
          words.add(new Term(PaperFields.ABSTRACT, "nowher"));
          words.add(new Term(PaperFields.AUTHORS, "robot"));
          List<String> visited = new ArrayList<>();
          text.visit(
              i,
              text.words(words),
              (word, position) ->
                  visited.add(
                      words.get(word).field() + " " + words.get(word).text() + " " + position));

          assertThat(visited).isNotEmpty().containsExactlyElementsOf(expected);
          // The page's text (snippets, why-lines) as decoding the stored text gives it.
          Paper paper = papers.get(pool[i].doc);
          PaperText decoded =
              PaperText.of(
                  paper, PaperDocuments.analysedOf(searcher, new ScoreDoc[] {pool[i]}).get(0));
          PaperText fromPool = text.text(i, paper);
          assertThat(fromPool.cleanAbstract).isEqualTo(decoded.cleanAbstract);
          assertThat(fromPool.field(PaperFields.ABSTRACT).starts()).isNotEmpty();
          for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
            assertThat(fromPool.field(field).terms()).isEqualTo(decoded.field(field).terms());
            assertThat(fromPool.field(field).positions())
                .isEqualTo(decoded.field(field).positions());
            assertThat(fromPool.field(field).starts()).isEqualTo(decoded.field(field).starts());
          }
          List<String> paperWords = new ArrayList<>();
          for (int word : text.words(i)) {
            paperWords.add(text.term(word));
          }
          assertThat(paperWords)
              .isNotEmpty()
              .containsExactlyElementsOf(
                  PaperText.words(searcher, new PaperAnalyzer(), new ScoreDoc[] {pool[i]})
                      .get(0)
                      .words());
        }
        // The first paper's title word once, not again for its aliases; its abstract's three.
        List<String> first = new ArrayList<>();
        for (int word : text.words(1)) {
          first.add(text.term(word));
        }
        assertThat(first).containsSubsequence("diffus", "polici", "diffus", "diffus", "diffus");
        assertThat(first.stream().filter("diffus"::equals)).hasSize(4);
        assertThat(first.stream().filter("polici"::equals)).hasSize(1);
        // The feedback terms counted by term number are those counted in maps of strings.
        int[] best = {0, 1, 3};
        double[] weights = {3, 2, 0.5};
        List<java.util.Map<String, Integer>> counts = new ArrayList<>();
        for (int paper : best) {
          counts.add(
              PaperText.words(searcher, new PaperAnalyzer(), new ScoreDoc[] {pool[paper]})
                  .get(0)
                  .counts());
        }
        assertThat(FeedbackTerms.of(reader, text, best, weights))
            .isNotEmpty()
            .containsExactlyEntriesOf(FeedbackTerms.of(reader, counts, weights));
        Set<Boolean> known = new LinkedHashSet<>();
        PoolText.Words words =
            text.words(
                List.of(
                    new Term(PaperFields.AUTHORS, "robot"), new Term(PaperFields.TITLE, "robot")));
        known.add(words.has(0));
        known.add(words.has(1));
        assertThat(known).containsExactly(false, true);
      }
    }
  }

  /** The paper's terms as {@link AnalysedText#visitTerms} walks its encoded text. */
  private static List<String> occurrences(DirectoryReader reader, int doc) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(PaperFields.ANALYSED);
    assertThat(values.advanceExact(doc - leaf.docBase)).isTrue();
    List<String> occurrences = new ArrayList<>();
    AnalysedText.visitTerms(
        values.binaryValue(),
        (title, bytes, offset, length, position, start) ->
            occurrences.add(
                (title ? PaperFields.TITLE : PaperFields.ABSTRACT)
                    + " "
                    + new String(bytes, offset, length, StandardCharsets.UTF_8)
                    + " "
                    + position));
    return occurrences;
  }
}
