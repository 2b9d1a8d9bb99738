package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.AnalysedText;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.ingest.SeedIndexer;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * The analysed text stored with each paper is exactly what analysing the paper gives: ranking reads
 * it instead of analysing candidates per request, so any difference would change rankings.
 */
final class PaperTextTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void storedTextIsTheAnalysisOfEverySeedPaperAndOfAwkwardOnes() throws IOException {
    List<Paper> papers = new ArrayList<>();
    try (LucenePaperIndex index =
        LucenePaperIndex.open(dir.resolve("seeds"), QueryExpander.defaults(), CLOCK)) {
      SeedIndexer.ensureCurrent(CorpusService.indexOnly(index), Path.of("..", "seeds"), CLOCK);
      papers.addAll(index.all());
    }
    assertThat(papers).hasSizeGreaterThan(300);
    Paper untitled = TestPapers.paper("x", "An abstract without a title: it is a test's.");
    papers.add(
        new Paper(
            "untitled",
            null,
            List.of("Behaviour cloning, revisited", "A"),
            untitled.abstractText(),
            List.of(),
            false,
            null,
            null,
            false,
            0,
            List.of(),
            null,
            List.of(),
            untitled.sources(),
            0,
            null));
    papers.add(
        TestPapers.paper(
            "Sim-to-Real Optimisation of π-Policies: Café RL's a 3D x-ray",
            "We    analyse   behaviours.  Ünïcode,  x y z; e.g. the 2-step RLHF/DPO (v2)."));
    papers.add(TestPapers.paper("Only a title", ""));

    PaperAnalyzer analyzer = new PaperAnalyzer();
    try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Paper paper : papers) {
        writer.addDocument(PaperDocuments.toDocument(paper));
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        ScoreDoc[] all =
            searcher.search(
                    MatchAllDocsQuery.INSTANCE, papers.size(), new Sort(SortField.FIELD_DOC))
                .scoreDocs;
        List<Paper> indexed = PaperDocuments.papersOf(searcher, all);
        List<PaperText> stored = PaperText.words(searcher, analyzer, all);
        List<AnalysedText> storedForms = PaperDocuments.analysedOf(searcher, all);
        for (int i = 0; i < all.length; i++) {
          Paper paper = indexed.get(i);
          PaperText analysed = PaperText.of(analyzer, paper);
          PaperText read = PaperText.of(paper, storedForms.get(i));
          for (PaperText text : List.of(stored.get(i), read)) {
            assertThat(text.words()).as(paper.id()).isEqualTo(analysed.words());
            for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
              PaperText.Tokens expected = analysed.field(field);
              PaperText.Tokens actual = text.field(field);
              assertThat(actual.terms()).as(paper.id()).isEqualTo(expected.terms());
              assertThat(actual.positions()).as(paper.id()).isEqualTo(expected.positions());
              assertThat(actual.starts()).as(paper.id()).isEqualTo(expected.starts());
            }
          }
          assertThat(read.cleanAbstract).isEqualTo(analysed.cleanAbstract);
        }
        PaperText untitledText = stored.get(papers.size() - 3);
        // The aliases are searched (and matched by why-lines) but are not the paper's own words.
        assertThat(untitledText.field(PaperFields.TITLE).terms()).contains("behavior", "clone");
        assertThat(untitledText.words()).doesNotContain("behavior", "clone").contains("abstract");
      }
    }
  }
}
