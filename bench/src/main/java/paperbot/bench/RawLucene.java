package paperbot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.index.WordPairs;
import paperbot.recommender.rank.QueryExpander;

/**
 * The baselines: what plain Lucene does for the same work, with none of paperbot's ranking. A BM25
 * top-10 {@link BooleanQuery} of the typed words (title boosted 2x, as paperbot does), of a
 * profile's topic words (weighted), and a plain {@link IndexWriter} loop over the same papers.
 */
final class RawLucene {
  private static final Analyzer ANALYZER = new PaperAnalyzer();

  private RawLucene() {}

  /**
   * The words paperbot searches for a query (the typed words and their equivalent forms, e.g. "rl"
   * and "reinforcement learning") as OR'ed title and abstract terms; null when nothing is left
   * after analysis.
   */
  static Query words(QueryExpander expander, String text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    addTerms(
        query, String.join(" ", new java.util.LinkedHashSet<>(expander.searchedForms(text))), 1f);
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? null : built;
  }

  /** Every word of every topic (typed and equivalent forms), weighted by the topic's weight. */
  static Query profile(QueryExpander expander, Map<String, Double> topics) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    topics.forEach((topic, weight) ->
        addTerms(
            query,
            String.join(" ", new java.util.LinkedHashSet<>(expander.searchedForms(topic))),
            weight.floatValue()));
    return query.build();
  }

  private static void addTerms(BooleanQuery.Builder query, String text, float weight) {
    for (String term : new java.util.LinkedHashSet<>(terms(text))) {
      query.add(
          new BoostQuery(new TermQuery(new Term(PaperFields.TITLE, term)), 2f * weight),
          Occur.SHOULD);
      query.add(
          new BoostQuery(new TermQuery(new Term(PaperFields.ABSTRACT, term)), weight),
          Occur.SHOULD);
    }
  }

  static List<String> terms(String text) {
    return WordPairs.analyse(ANALYZER, PaperFields.ABSTRACT, text).terms();
  }

  /**
   * A plain indexing loop: English analysis, title, abstract and authors stored, a date and an
   * upvote feature.
   */
  static final class Writer implements AutoCloseable {
    private final FSDirectory directory;
    private final IndexWriter writer;

    Writer(Path dir) throws IOException {
      directory = FSDirectory.open(dir);
      writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(new EnglishAnalyzer())
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }

    void add(Collection<Paper> papers) throws IOException {
      for (Paper paper : papers) {
        Document doc = new Document();
        doc.add(new TextField("title", paper.title(), Field.Store.YES));
        doc.add(new TextField("abstract", paper.abstractText(), Field.Store.YES));
        doc.add(new TextField("authors", String.join(", ", paper.authors()), Field.Store.YES));
        doc.add(new LongField("published", paper.published().toEpochDay(), Field.Store.NO));
        if (paper.upvotes() > 0) {
          doc.add(new FeatureField("features", "upvotes", paper.upvotes()));
        }
        writer.addDocument(doc);
      }
    }

    void commit() throws IOException {
      writer.commit();
    }

    @Override
    public void close() throws IOException {
      try (directory) {
        writer.close();
      }
    }
  }
}
