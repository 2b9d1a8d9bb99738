package paperbot.recommender.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.search.LucenePaperIndex;

final class LucenePaperIndexTest {
  @TempDir Path dir;

  private static Paper paper(String id, String title, int upvotes) {
    return new Paper(
        id,
        title,
        List.of("Old " + title),
        "An abstract about " + title + " with $π$ and more.",
        List.of("Ana Li", "Bo Chen"),
        true,
        7,
        LocalDate.of(2025, 3, 4),
        true,
        upvotes,
        List.of("cs.LG"),
        "Lab",
        List.of("https://github.com/x/y"),
        List.of(new SourceRecord("003.txt", 13, "hf-daily")));
  }

  private LucenePaperIndex open() {
    return LucenePaperIndex.open(dir, QueryExpander.none(), Clock.systemUTC());
  }

  @Test
  void theFullPaperRoundTripsThroughTheIndex() {
    Paper original = paper("2401.00001", "Graph Transformers", 3);
    try (LucenePaperIndex index = open()) {
      index.replaceAll(List.of(original), "fp");
      assertThat(index.get("2401.00001")).contains(original);
      assertThat(index.get("nope")).isEmpty();
    }
  }

  @Test
  void contentsAndSourceFingerprintSurviveReopening() {
    try (LucenePaperIndex index = open()) {
      assertThat(index.sourceFingerprint()).isEmpty();
      index.replaceAll(
          List.of(paper("a", "Graph Transformers", 0), paper("b", "Spectral Methods", 0)), "fp-1");
    }
    try (LucenePaperIndex index = open()) {
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.sourceFingerprint()).contains("fp-1");
      index.replaceAll(List.of(paper("c", "Kernel Methods", 0)), "fp-2");
      assertThat(index.size()).isEqualTo(1);
      assertThat(index.sourceFingerprint()).contains("fp-2");
    }
  }

  @Test
  void upsertReplacesByIdAndIsSearchableAtOnce() {
    try (LucenePaperIndex index = open()) {
      index.replaceAll(List.of(paper("a", "Graph Transformers", 0)), "fp");
      index.upsert(
          List.of(paper("a", "Graph Transformers", 42), paper("b", "Spectral Methods", 0)),
          Optional.empty());
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.get("a").orElseThrow().upvotes()).isEqualTo(42);
      assertThat(index.search(SearchRequest.firstPage("spectral", 5)).hits())
          .filteredOn(hit -> !hit.related())
          .hasSize(1);
      assertThat(index.sourceFingerprint()).contains("fp");
    }
  }

  @Test
  void aliasesAndSpelledOutSymbolsAreSearchable() {
    try (LucenePaperIndex index = open()) {
      index.replaceAll(List.of(paper("a", "Graph Transformers", 0)), "fp");
      assertThat(index.search(SearchRequest.firstPage("old graph", 5)).hits()).hasSize(1);
      assertThat(index.search(SearchRequest.firstPage("pi", 5)).hits()).hasSize(1);
    }
  }

  @Test
  @SuppressWarnings("try") // the first index is only held open, to own the write lock
  void aSecondWriterIsToldAnotherProcessHoldsTheIndex() {
    try (LucenePaperIndex first = open()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(this::open)
          .hasMessageContaining("in use by another paperbot process");
    }
  }

  @Test
  void anIndexOpenedToReadBesideItsWriterSeesItsCommitsAndRefusesWrites() {
    try (LucenePaperIndex writer = open()) {
      writer.replaceAll(List.of(paper("a", "Graph Transformers", 0)), "fp");
      try (LucenePaperIndex reader =
          LucenePaperIndex.openReadOnly(dir, QueryExpander.none(), Clock.systemUTC())) {
        assertThat(reader.size()).isEqualTo(1);
        assertThat(reader.sourceFingerprint()).contains("fp");
        assertThat(reader.search(SearchRequest.firstPage("graph", 5)).hits()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> reader.upsert(List.of(paper("b", "Offline RL", 0)), Optional.empty()))
            .hasMessageContaining("read only");
      }
      assertThat(writer.search(SearchRequest.firstPage("graph", 5)).hits()).hasSize(1);
    }
  }

  @Test
  void noIndexYetIsSaidPlainlyToAReader() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            LucenePaperIndex.openReadOnly(
                dir.resolve("none"), QueryExpander.none(), Clock.systemUTC()))
        .hasMessageContaining("no index has been committed there yet");
  }

  /**
   * An index whose last commit lacks some of its files (a copy cut short) does not open; the error
   * said only "cannot open the index", without the cause or the way out.
   */
  @Test
  void aDamagedIndexSaysWhyItCannotOpenAndHowToRebuildIt() throws IOException {
    try (LucenePaperIndex index = open()) {
      index.replaceAll(List.of(paper("a", "Graph Transformers", 0)), "fp");
    }
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
        java.nio.file.Files.delete(file);
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(this::open)
        .hasMessageContaining("cannot open the index at " + dir)
        .hasMessageContaining(".si")
        .hasMessageContaining("move it aside");
  }

  /**
   * Ids and title keys had doc values before schema 11 (and the analysed text was a stored field
   * before 12). Lucene refuses a field whose doc values change within one index, so the old index
   * must be replaced whole, not added to.
   */
  @Test
  void anIndexOfTheFormerSchemaIsReplacedNotMixedWith() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter old = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new KeywordField(PaperFields.ID, "old", Field.Store.YES));
      doc.add(new KeywordField(PaperFields.TITLE_KEY, "graph transformers", Field.Store.NO));
      doc.add(new StoredField(PaperFields.ANALYSED, new byte[] {0}));
      old.addDocument(doc);
      old.setLiveCommitData(Map.of("schema", "paperbot-index-11", "sources", "fp").entrySet());
      old.commit();
    }
    try (LucenePaperIndex index = open()) {
      assertThat(index.sourceFingerprint()).isEmpty(); // so start-up rebuilds it
      index.replaceAll(List.of(paper("a", "Graph Transformers", 0)), "fp");
      index.upsert(List.of(paper("b", "Spectral Methods", 0)), Optional.empty());
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.get("a")).isPresent();
      assertThat(index.get("old")).isEmpty();
    }
  }
}
