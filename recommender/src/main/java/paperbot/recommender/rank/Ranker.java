package paperbot.recommender.rank;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;

/** Answers a {@link SearchRequest} on an index searcher: safe query, ranked page, snippet and why-line per hit. */
public final class Ranker {
  /** Deepest result reachable by paging; deeper pages are never worth the collection cost. */
  static final int MAX_DEPTH = 10_000;
  /**
   * Matches are counted exactly up to this many; past it the count is "at least", which lets Lucene skip papers
   * that cannot reach the page instead of visiting every match just to count it.
   */
  static final int COUNT_LIMIT = 1_000;

  static final String EMPTY_NOTICE =
      "Type a few words to search for, e.g. /papers diffusion policy or /papers offline rl.";
  static final String CUT_NOTICE = "That was a long query: I searched for its first " + QueryWords.MAX_WORDS + " words.";

  private final Analyzer analyzer;
  private final QueryExpander expander;
  private final QueryPlan plan;
  private final WhyMatched why;
  private final Clock clock;

  public Ranker(Analyzer analyzer, QueryExpander expander, Clock clock) {
    this.analyzer = analyzer;
    this.expander = expander;
    this.plan = new QueryPlan(analyzer);
    this.why = new WhyMatched(plan);
    this.clock = clock;
  }

  public SearchResults search(IndexSearcher searcher, SearchRequest request) throws IOException {
    List<Concept> concepts = expander.concepts(QueryWords.of(request.query()));
    QueryPlan.TextQuery text = plan.textQuery(concepts);
    if (text == null) {
      return new SearchResults(List.of(), 0, request.offset(), EMPTY_NOTICE);
    }
    String notice = QueryWords.wasCut(request.query()) ? CUT_NOTICE : null;
    int depth = Math.min(MAX_DEPTH, request.offset() + request.limit());
    TopDocs first = searcher.search(text.match(),
        new TopScoreDocCollectorManager(WindowRescorer.window(depth), COUNT_LIMIT));
    List<Query> bonus = text.bonus() == null ? List.of() : List.of(text.bonus());
    TopDocs top = WindowRescorer.rescore(searcher, first, plan.bonusAndPriors(bonus, LocalDate.now(clock)), depth,
        WindowRescorer.BLOCK);
    ScoreDoc[] page = request.offset() >= top.scoreDocs.length
        ? new ScoreDoc[0]
        : Arrays.copyOfRange(top.scoreDocs, request.offset(), top.scoreDocs.length);
    return new SearchResults(hits(searcher, text.match(), concepts, page), first.totalHits.value(),
        first.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, request.offset(), notice);
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query text, List<Concept> concepts, ScoreDoc[] page)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    String[] snippets = Snippets.of(searcher, analyzer, text, page);
    DocMatcher matcher = new DocMatcher(searcher);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Paper paper = PaperDocuments.fromDocument(searcher.storedFields().document(page[i].doc));
      hits.add(new SearchHit(paper, page[i].score, Snippets.orLead(snippets[i], paper),
          why.explain(matcher, page[i].doc, concepts)));
    }
    return hits;
  }
}
