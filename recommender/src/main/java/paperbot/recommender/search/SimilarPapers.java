package paperbot.recommender.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.rank.Match;
import paperbot.recommender.rank.SearchHit;
import paperbot.recommender.rank.SearchResults;
import paperbot.recommender.rank.Snippets;

/**
 * "More like this" and a paper's distinctive words, both from Lucene's MoreLikeThis over the
 * abstract.
 */
final class SimilarPapers {
  /** Terms MoreLikeThis keeps for a query; enough to describe a paper, few enough to stay fast. */
  private static final int QUERY_TERMS = 25;

  /** Words every abstract uses; as "distinctive" terms they would teach a profile nothing. */
  private static final List<String> FILLER =
      List.of(
          "other",
          "key",
          "also",
          "based",
          "approach",
          "approaches",
          "method",
          "methods",
          "paper",
          "propose",
          "proposed",
          "result",
          "results",
          "show",
          "shows",
          "new",
          "novel",
          "scenario",
          "scenarios",
          "using",
          "use",
          "work",
          "works",
          "however",
          "existing",
          "significantly",
          "various",
          "different",
          "including",
          "across",
          "further",
          "well",
          "effective",
          "effectively",
          "demonstrate",
          "performance",
          "framework",
          "task",
          "tasks",
          "state",
          "art",
          "challenge",
          "challenges",
          "enable",
          "enables",
          "address",
          "via",
          "often",
          "many",
          "require",
          "requires",
          "find",
          "help",
          "able",
          "each",
          "promising",
          "impressive",
          "contribution",
          "contributions",
          "field",
          "first",
          "two",
          "one",
          "make",
          "however",
          "thus",
          "while");

  private final Analyzer analyzer;
  private final Set<String> fillerStems;

  SimilarPapers(Analyzer analyzer) {
    this.analyzer = analyzer;
    Set<String> stems = new HashSet<>();
    for (String word : FILLER) {
      try {
        String stem = stem(word);
        if (stem != null) {
          stems.add(stem);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    this.fillerStems = Set.copyOf(stems);
  }

  SearchResults like(IndexSearcher searcher, String id, int limit) throws IOException {
    Optional<Paper> source = paperOf(searcher, id);
    if (source.isEmpty()) {
      return new SearchResults(List.of(), 0, 0, null);
    }
    Query like = mlt(searcher).like(textOf(source.get()));
    Query query =
        new BooleanQuery.Builder()
            .add(like, Occur.MUST)
            .add(new TermQuery(new Term(PaperFields.ID, id)), Occur.MUST_NOT)
            .build();
    TopDocs top = searcher.search(query, limit);
    List<String> shared = readable(source.get(), termsOf(like), 3);
    List<SearchHit> hits = new ArrayList<>();
    List<Paper> papers = PaperDocuments.papersOf(searcher, top.scoreDocs);
    for (int i = 0; i < papers.size(); i++) {
      Paper paper = papers.get(i);
      hits.add(
          new SearchHit(
              paper,
              top.scoreDocs[i].score,
              Snippets.lead(paper),
              shared.stream().map(word -> new Match(word, PaperFields.ABSTRACT)).toList()));
    }
    return new SearchResults(hits, top.totalHits.value(), 0, null);
  }

  List<String> distinctiveWords(IndexSearcher searcher, String id, int limit) throws IOException {
    Optional<Paper> source = paperOf(searcher, id);
    if (source.isEmpty()) {
      return List.of();
    }
    return readable(source.get(), termsOf(mlt(searcher).like(textOf(source.get()))), limit);
  }

  /**
   * A paper's title and abstract as MoreLikeThis reads them. The index stores only the paper's JSON
   * (storing the text twice cost a sixth of ingest), so the fields are rebuilt from it, cleaned as
   * they were indexed.
   */
  private static Map<String, Collection<Object>> textOf(Paper paper) {
    return Map.of(
        PaperFields.TITLE, List.of(CleanText.of(Objects.toString(paper.title(), ""))),
        PaperFields.ABSTRACT, List.of(CleanText.of(paper.abstractText())));
  }

  /**
   * The terms of a MoreLikeThis query, in its order (what {@code retrieveInterestingTerms} would
   * list).
   */
  private static List<String> termsOf(Query like) {
    List<String> terms = new ArrayList<>();
    if (like instanceof BooleanQuery bool) {
      for (BooleanClause clause : bool.clauses()) {
        Query query =
            clause.query() instanceof BoostQuery boost ? boost.getQuery() : clause.query();
        if (query instanceof TermQuery term) {
          terms.add(term.getTerm().text());
        }
      }
    }
    return terms;
  }

  private MoreLikeThis mlt(IndexSearcher searcher) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT});
    // A word a paper repeats (often title and abstract) is what it is about; one-off words are
    // mostly filler.
    mlt.setMinTermFreq(2);
    // A word no other paper uses finds nothing similar (a typo, a dataset's name).
    mlt.setMinDocFreq(2);
    mlt.setStopWords(fillerStems);
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(QUERY_TERMS);
    return mlt;
  }

  /**
   * Maps stems ("diffus") back to a word of the paper that has that stem ("diffusion"), keeping
   * their order.
   */
  private List<String> readable(Paper paper, List<String> stems, int limit) throws IOException {
    String text = Objects.toString(paper.title(), "") + " " + paper.abstractText();
    Map<String, String> wordByStem = new LinkedHashMap<>();
    for (String word : CleanText.of(text).split("[^\\p{L}\\p{N}]+")) {
      String stem = stem(word);
      if (stem != null) {
        wordByStem.putIfAbsent(stem, word.toLowerCase(Locale.ROOT));
      }
    }
    return stems.stream()
        .map(wordByStem::get)
        .filter(Objects::nonNull)
        .distinct()
        .limit(limit)
        .toList();
  }

  private String stem(String word) throws IOException {
    try (TokenStream stream = analyzer.tokenStream(PaperFields.ABSTRACT, new StringReader(word))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      String result = stream.incrementToken() ? term.toString() : null;
      stream.end();
      return result;
    }
  }

  private static Optional<Paper> paperOf(IndexSearcher searcher, String id) throws IOException {
    return PaperDocuments.first(searcher, new Term(PaperFields.ID, id));
  }
}
