package paperbot.recommender.rank;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.index.PaperAnalyzer;

/** Small hand-made papers for ranking tests: only the fields a test cares about. */
final class TestPapers {
  private TestPapers() {}

  /** A writer with the index's analyzer that never merges, so each commit stays a segment. */
  static IndexWriter writer(Directory directory) throws IOException {
    return new IndexWriter(
        directory,
        new IndexWriterConfig(new PaperAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
  }

  static Paper paper(String title, String abstractText) {
    return paper(title, abstractText, null, 0);
  }

  static Paper paper(String title, String abstractText, LocalDate published, int upvotes) {
    return new Paper(
        PaperId.fromText(title),
        title,
        List.of(),
        abstractText,
        List.of(),
        false,
        null,
        published,
        false,
        upvotes,
        List.of(),
        null,
        List.of(),
        List.of(new SourceRecord("test", 1, "test")));
  }

  /** The same paper with other aliases (more title values) and authors. */
  static Paper withAliasesAndAuthors(Paper paper, List<String> aliases, List<String> authors) {
    return new Paper(
        paper.id(),
        paper.title(),
        aliases,
        paper.abstractText(),
        authors,
        false,
        null,
        paper.published(),
        false,
        paper.upvotes(),
        paper.categories(),
        paper.organisation(),
        List.of(),
        paper.sources());
  }
}
