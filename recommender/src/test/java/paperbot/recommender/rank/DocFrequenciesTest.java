package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperDocuments;

/** Remembered frequencies are always the current reader's: a commit's new papers count at once. */
final class DocFrequenciesTest {
  @TempDir Path dir;

  @Test
  void aNewGenerationCountsItsOwnPapers() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(new PaperAnalyzer()))) {
      writer.addDocument(
          PaperDocuments.toDocument(TestPapers.paper("Diffusion policy", "Diffusion policies.")));
      writer.commit();
      try (DirectoryReader first = DirectoryReader.open(directory)) {
        assertThat(DocFrequencies.of(first).inAbstracts(first, "diffus")).isEqualTo(1);
        assertThat(DocFrequencies.of(first).inAbstracts(first, "diffus")).isEqualTo(1);
        writer.addDocument(
            PaperDocuments.toDocument(TestPapers.paper("Video diffusion", "Diffusion for video.")));
        writer.commit();
        try (DirectoryReader second = DirectoryReader.openIfChanged(first)) {
          assertThat(DocFrequencies.of(second).inAbstracts(second, "diffus")).isEqualTo(2);
          assertThat(DocFrequencies.of(first).inAbstracts(first, "diffus")).isEqualTo(1);
          assertThat(DocFrequencies.of(second).inAbstracts(second, "video")).isEqualTo(1);
        }
      }
    }
  }
}
