package paperbot.recommender.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Maps a {@link Paper} to its Lucene document and back. Each field type below says why it was
 * chosen.
 */
public final class PaperDocuments {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Analysed text with positions (phrase queries). No offsets: the highlighter re-analyses the five
   * abstracts it shows, which costs far less than storing an offset for every word of every paper
   * at ingest. Not stored: the JSON copy has the text, and snippets and more-like-this read it from
   * there.
   */
  private static final FieldType SEARCHED_TEXT = searchedType();

  /** Word pairs: which papers have them and how often; no positions (see {@link WordPairs}). */
  private static final FieldType PAIRS = pairsType();

  /** Analyses title and abstract once for both their words and their word pairs. */
  private static final PaperAnalyzer ANALYZER = new PaperAnalyzer();

  /** Layout name of the source record that keeps a paper's former id. */
  public static final String FORMER_ID = "former-id";

  private PaperDocuments() {}

  private static FieldType searchedType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }

  private static FieldType pairsType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  /** A text field and its pair field, from one analysis; returns the analysis. */
  private static WordPairs.Analysed addWithPairs(Document doc, String field, String text) {
    WordPairs.Analysed analysed = WordPairs.analyse(ANALYZER, field, text);
    doc.add(new Field(field, analysed.words(), SEARCHED_TEXT));
    doc.add(new Field(PaperFields.pairsOf(field), analysed.pairTokens(), PAIRS));
    return analysed;
  }

  public static Document toDocument(Paper paper) {
    Document doc = new Document();
    // StringField: one exact term, for updateDocument, get-by-id and the feed's exclusions; stored
    // so hits know their id. Not KeywordField: its doc values were never read, and sorting a
    // million unique ids and titles into them at every flush and merge cost a tenth of a bulk
    // load's throughput (docs/performance.md).
    doc.add(new StringField(PaperFields.ID, paper.id(), Field.Store.YES));
    // Ids the paper had before a live source gave its arXiv id stay findable (feedback and
    // sent-logs use them).
    for (SourceRecord source : paper.sources()) {
      if (FORMER_ID.equals(source.layout())) {
        doc.add(new StringField(PaperFields.ID, source.source(), Field.Store.NO));
      }
    }
    // Normalised titles, exact keywords: a live source's paper joins a seed paper with the same
    // title.
    if (paper.title() != null) {
      doc.add(
          new StringField(PaperFields.TITLE_KEY, PaperId.normalise(paper.title()), Field.Store.NO));
    }
    for (String alias : paper.aliases()) {
      doc.add(new StringField(PaperFields.TITLE_KEY, PaperId.normalise(alias), Field.Store.NO));
    }
    String cleanTitle = paper.title() == null ? null : CleanText.of(paper.title());
    List<AnalysedText.Value> titles = new ArrayList<>();
    titles.add(
        cleanTitle != null
            ? AnalysedText.Value.of(addWithPairs(doc, PaperFields.TITLE, cleanTitle))
            : AnalysedText.Value.EMPTY);
    // Aliases are searched like the title: a researcher may remember any version's title.
    for (String alias : paper.aliases()) {
      titles.add(AnalysedText.Value.of(addWithPairs(doc, PaperFields.TITLE, CleanText.of(alias))));
    }
    // TextField, not stored: followed authors are matched as phrases; display reads the JSON copy.
    for (String author : paper.authors()) {
      doc.add(new TextField(PaperFields.AUTHORS, author, Field.Store.NO));
    }
    if (paper.organisation() != null) {
      doc.add(new TextField(PaperFields.AUTHORS, paper.organisation(), Field.Store.NO));
    }
    String cleanAbstract = CleanText.of(paper.abstractText());
    AnalysedText.Value abstractText =
        AnalysedText.Value.of(addWithPairs(doc, PaperFields.ABSTRACT, cleanAbstract));
    DefinedAbbreviations.index(doc, cleanTitle, cleanAbstract);
    if (paper.published() != null) {
      // LongField indexes points and doc values: the distance-feature query of the recency prior
      // needs both.
      doc.add(new LongField(PaperFields.PUBLISHED, paper.published().toEpochDay(), Field.Store.NO));
    }
    if (paper.upvotes() > 0) {
      // FeatureField stores the signal in the postings, so the prior can skip non-competitive
      // papers (top-k pruning).
      doc.add(new FeatureField(PaperFields.FEATURES, PaperFields.UPVOTES, paper.upvotes()));
    }
    // Binary doc values, not a stored field: ranking reads the analysed text of a hundred or more
    // candidates per request, and a stored field decompresses a whole block of documents for each;
    // the stored fields also stay half as large to compress at every flush.
    doc.add(
        new BinaryDocValuesField(
            PaperFields.ANALYSED, new AnalysedText(titles, abstractText).encode()));
    doc.add(new StoredField(PaperFields.JSON, toJson(paper)));
    return doc;
  }

  public static Paper fromDocument(Document doc) {
    return fromJson(doc.get(PaperFields.JSON));
  }

  /** The paper indexed under this exact term (an id, a former id or a title key), if any. */
  public static Optional<Paper> first(IndexSearcher searcher, Term term) throws IOException {
    TopDocs top = searcher.search(new TermQuery(term), 1);
    return top.scoreDocs.length == 0
        ? Optional.empty()
        : Optional.of(fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
  }

  /** The papers of a page of hits, in page order. */
  public static List<Paper> papersOf(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Paper> papers = new ArrayList<>(page.length);
    for (ScoreDoc hit : page) {
      papers.add(fromDocument(stored.document(hit.doc)));
    }
    return papers;
  }

  /**
   * The analysed text of each hit, in order (null for a document indexed without it), read without
   * the paper: the like model needs only the words of its candidates.
   */
  public static List<AnalysedText> analysedOf(IndexSearcher searcher, ScoreDoc[] hits)
      throws IOException {
    return Arrays.asList(analysed(searcher, hits));
  }

  /**
   * Doc values are read forwards within each segment, so the hits are visited in document order and
   * the texts put back in the hits' order.
   */
  private static AnalysedText[] analysed(IndexSearcher searcher, ScoreDoc[] hits)
      throws IOException {
    Integer[] byDoc = inDocOrder(hits);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    AnalysedText[] texts = new AnalysedText[hits.length];
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    int previous = -1;
    for (int i : byDoc) {
      int doc = hits[i].doc;
      if (previous >= 0 && hits[previous].doc == doc) {
        texts[i] = texts[previous]; // the same paper twice: doc values never move backwards
        continue;
      }
      previous = i;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(PaperFields.ANALYSED);
      }
      if (values != null && values.advanceExact(doc - leaf.docBase)) {
        texts[i] = AnalysedText.decode(values.binaryValue());
      }
    }
    return texts;
  }

  /**
   * The hits' places in document order: per-segment readers (postings, doc values) only move
   * forwards.
   */
  public static Integer[] inDocOrder(ScoreDoc[] hits) {
    Integer[] byDoc = new Integer[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
    return byDoc;
  }

  /** A paper and its analysed text (null for a document indexed without it). */
  public record Stored(Paper paper, AnalysedText text) {}

  /** The papers of these hits with their analysed text, in order. */
  public static List<Stored> storedOf(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    List<Paper> papers = papersOf(searcher, hits);
    AnalysedText[] texts = analysed(searcher, hits);
    List<Stored> stored = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      stored.add(new Stored(papers.get(i), texts[i]));
    }
    return stored;
  }

  /** A paper from its JSON form; throws IllegalArgumentException for anything else. */
  public static Paper fromJson(String json) {
    try {
      Paper paper = JSON.readValue(json, Paper.class);
      if (paper == null) {
        throw new IllegalArgumentException("not a paper");
      }
      return paper;
    } catch (JsonProcessingException | NullPointerException e) {
      throw new IllegalArgumentException("not a paper record", e);
    }
  }

  public static String toJson(Paper paper) {
    try {
      return JSON.writeValueAsString(paper);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("paper cannot be written as JSON: " + paper.id(), e);
    }
  }
}
