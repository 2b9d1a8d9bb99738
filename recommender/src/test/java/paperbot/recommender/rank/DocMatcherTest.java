package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Whether candidates match a query, one at a time and as a whole pool across segments. */
final class DocMatcherTest {
  @Test
  void aPoolInAnyOrderMatchesAsEachPaperAlone() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      IndexWriterConfig config =
          new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (int i = 0; i < 30; i++) {
          Document doc = new Document();
          String text = i % 3 == 0 ? "diffusion policy for robots" : "policy diffusion in networks";
          doc.add(new TextField("text", text, Field.Store.NO));
          writer.addDocument(doc);
          if (i % 7 == 6) {
            writer.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(3);
        IndexSearcher searcher = new IndexSearcher(reader);
        Query phrase = new PhraseQuery("text", "diffusion", "policy");
        // Out of doc order, and not every doc: the pool of a feed.
        int[] docs = {29, 3, 0, 17, 12, 28, 5, 6, 21, 14};
        ScoreDoc[] pool = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
          pool[i] = new ScoreDoc(docs[i], 1f);
        }
        DocMatcher matcher = new DocMatcher(searcher);
        boolean[] matching = matcher.matching(pool, phrase);
        for (int i = 0; i < docs.length; i++) {
          assertThat(matching[i]).as("doc %d", docs[i]).isEqualTo(docs[i] % 3 == 0);
          assertThat(new DocMatcher(searcher).matches(docs[i], phrase)).isEqualTo(matching[i]);
        }
      }
    }
  }
}
