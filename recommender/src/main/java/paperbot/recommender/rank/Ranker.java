package paperbot.recommender.rank;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * Answers a {@link SearchRequest} on an index searcher: safe query, ranked page, snippet and
 * why-line per hit.
 */
public final class Ranker {
  /** Deepest result reachable by paging; deeper pages are never worth the collection cost. */
  static final int MAX_DEPTH = 10_000;

  /**
   * Matches are counted exactly up to this many; past it the count is "at least", which lets Lucene
   * skip papers that cannot reach the page instead of visiting every match just to count it.
   */
  static final int COUNT_LIMIT = 1_000;

  /**
   * First-pass papers re-ranked by every signal; deeper ones keep their text order. 50 and 5
   * feedback papers measured as good as 100 and 10 (dev 0.699 against 0.688) at half the cost of
   * the second pass; 40 as good as 50 (dev 0.699 both, 30: 0.696), and a search 5% cheaper at a
   * million papers (the first pass's top 40 lets Lucene skip more).
   */
  static final int POOL = 40;

  /** Best papers whose shared words make the feedback terms. */
  static final int FEEDBACK_PAPERS = 5;

  static final String EMPTY_NOTICE = SearchResults.NOTHING_TO_SEARCH;

  private final Analyzer analyzer;
  private final QueryExpander expander;
  private final QueryPlan plan;
  private final WhyMatched why;
  private final Set<String> filler;
  private final Clock clock;

  public Ranker(Analyzer analyzer, QueryExpander expander, Clock clock) {
    this.analyzer = analyzer;
    this.expander = expander;
    this.plan = new QueryPlan(analyzer);
    this.why = new WhyMatched(analyzer);
    this.filler = FillerWords.stems(analyzer);
    this.clock = clock;
  }

  public SearchResults search(IndexSearcher searcher, SearchRequest typedRequest)
      throws IOException {
    SearchSyntax.Read syntax = SearchSyntax.of(typedRequest.query(), searcher, analyzer);
    // "from 2024", "since 2022": a limit on the date, not words to match.
    PublishedYears years = PublishedYears.in(syntax.query(), LocalDate.now(clock));
    SearchRequest request =
        new SearchRequest(
            years == null ? syntax.query() : years.without(),
            typedRequest.offset(),
            typedRequest.limit());
    QueryWords.Split asTyped = QueryWords.split(request.query());
    // An author's name limits the search to their papers; the rest of the query ranks them.
    AuthorNames.Found author =
        AuthorNames.in(searcher.getIndexReader(), plan, QueryWords.of(asTyped.searched()));
    // The query as typed, without the name (its left-out words and quoted phrases kept).
    String query = author == null ? request.query() : author.without(request.query());
    QueryWords.Split typed = author == null ? asTyped : QueryWords.split(query);
    // Quoted words are meant as typed, however few papers have them.
    Set<String> quoted = new HashSet<>();
    typed.required().forEach(phrase -> quoted.addAll(QueryWords.of(phrase)));
    SpellingFixes.Fixed words =
        SpellingFixes.ofText(
            typed.searched(), quoted, searcher.getIndexReader(), analyzer, expander);
    // A quoted phrase with a typo is required as the notice says it was searched.
    QueryWords.Split split = words.changed() ? QueryWords.split(words.applyTo(query)) : typed;
    SearchMarks marks = syntax.marks().fixed(words.changes());
    QueryLimits limits =
        QueryLimits.of(split, marks, plan, expander, searcher.getIndexReader())
            .and(author == null ? null : author.query())
            .and(years == null ? null : years.query());
    List<Concept> concepts =
        marks.weighed(expander.concepts(words.words(), searcher.getIndexReader()));
    QueryPlan.TextQuery text = plan.textQuery(concepts);
    // "papers from 2024": the year is all that was asked for.
    boolean yearAlone =
        years != null
            && author == null
            && QueryWords.of(split.searched()).stream().allMatch(ChatWords::contains);
    if (text == null || yearAlone) {
      if (author == null && years != null) {
        return newestPapers(searcher, request, years.query(), limits, null, years.notice());
      }
      return author != null
          ? authorPapers(searcher, request, author, limits, years)
          : new SearchResults(
              List.of(),
              0,
              request.offset(),
              split.excluded().isEmpty() ? EMPTY_NOTICE : SearchResults.ONLY_LEFT_OUT);
    }
    String notice = syntax.notice();
    if (years != null) {
      notice = join(notice, years.notice());
    }
    String cut = QueryWords.cutNotice(request.query());
    if (cut != null) {
      notice = join(notice, cut);
    }
    if (author != null) {
      notice = join(notice, "Papers by " + author.written() + ", ranked for your other words.");
    }
    if (words.changed()) {
      notice = join(notice, words.notice(query));
    }
    int depth = Math.min(MAX_DEPTH, request.offset() + request.limit());
    int block = text.approximate() ? WindowRescorer.EXACT_BLOCK : WindowRescorer.BLOCK;
    SubjectShares subjects =
        SubjectShares.of(searcher.getIndexReader(), split.searched(), plan, expander);
    int window = subjects.window(Math.max(POOL, WindowRescorer.window(depth, block)));
    FirstPass firstPass = more -> firstPass(searcher, text, limits, more).scoreDocs;
    SubjectShares.Pool pooled =
        subjects.pool(searcher, firstPass(searcher, text, limits, window), POOL);
    if (!subjects.several()) {
      Query byPairs = plan.namedTogetherByPairs(concepts);
      pooled =
          PhraseFirst.join(
              searcher,
              byPairs == null ? null : KnownTerms.bind(searcher, limits.apply(byPairs)),
              pooled);
    }
    TopDocs first = pooled.first();
    List<Query> bonus = text.bonus() == null ? List.of() : List.of(text.bonus());
    LocalDate today = LocalDate.now(clock);
    Query second = plan.bonusAndPriors(bonus, today);
    Query exactly =
        text.approximate()
            ? new BooleanQuery.Builder()
                .add(text.exact(), Occur.MUST)
                .add(second, Occur.SHOULD)
                .build()
            : null;
    // The pool's text, decoded once for the exact pass, the feedback terms, the word scores and the
    // page's snippets and why-lines.
    ScoreDoc[] pool = Arrays.copyOfRange(first.scoreDocs, 0, pooled.size());
    PoolText poolText = PoolText.read(searcher, pool);
    ScoreDoc[] ranked =
        ranked(
            searcher,
            first,
            poolText,
            exactly,
            second,
            today,
            // With few matches, related papers follow every one of them: all are ranked, whatever
            // the page, or a shallow page's pool would leave matches out of the list the related
            // papers are counted against (a paper's place never depends on the page asked).
            RelatedPapers.wanted(first.totalHits)
                ? Math.max(depth, (int) first.totalHits.value())
                : depth,
            block,
            plan.bagOfWords(concepts),
            concepts.size() < 2
                ? ConceptCoverage.none(plan)
                : ConceptCoverage.of(searcher.getIndexReader(), plan, concepts),
            pooled.size(),
            new Deeper(firstPass, window));
    ranked = subjects.share(searcher, ranked, pooled.size());
    if (!subjects.several()) {
      ranked = PhraseFirst.order(searcher, plan.namedTogether(concepts), ranked, pooled.size());
    }
    ranked = TitledPaper.first(searcher, request.query(), ranked);
    RelatedPapers.Found related = null;
    boolean few = RelatedPapers.wanted(first.totalHits);
    ScoreDoc[] best = few ? wholeMatches(searcher, concepts, ranked) : new ScoreDoc[0];
    if (few && best.length == 0) {
      notice = join(notice, RelatedPapers.partialNotice(first.totalHits.value()));
    }
    if (best.length > 0) {
      // With the papers, for the words' spelling: only a search with few matches reads them.
      List<PaperText> bestTexts = texts(searcher, best, new HashMap<>(), new HashMap<>());
      related =
          RelatedPapers.after(
              searcher,
              ranked,
              feedbackTerms(searcher, best, counts(bestTexts)),
              asked(concepts),
              filler,
              bestTexts,
              limits);
      ranked = related.ranked();
      if (!related.related().isEmpty()) {
        notice = join(notice, RelatedPapers.notice(first.totalHits.value(), related));
      }
    }
    ScoreDoc[] page =
        request.offset() >= ranked.length
            ? new ScoreDoc[0]
            : Arrays.copyOfRange(ranked, request.offset(), Math.min(ranked.length, depth));
    return new SearchResults(
        hits(searcher, poolText, text.highlight(), concepts, page, related, author),
        related != null ? ranked.length : first.totalHits.value(),
        first.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
        request.offset(),
        notice);
  }

  /**
   * The papers of an author typed alone ("haoran he"), the newest and most upvoted first, within
   * the query's limits.
   */
  private SearchResults authorPapers(
      IndexSearcher searcher,
      SearchRequest request,
      AuthorNames.Found author,
      QueryLimits limits,
      PublishedYears years)
      throws IOException {
    String notice = "Papers by " + author.written() + ", the newest and most upvoted first.";
    return newestPapers(
        searcher,
        request,
        author.query(),
        limits,
        author,
        years == null ? notice : join(years.notice(), notice));
  }

  /**
   * The papers {@code filter} matches (an author's, a year's), the newest and most upvoted first,
   * within the query's limits.
   */
  private SearchResults newestPapers(
      IndexSearcher searcher,
      SearchRequest request,
      Query filter,
      QueryLimits limits,
      AuthorNames.Found author,
      String notice)
      throws IOException {
    int depth = Math.min(MAX_DEPTH, request.offset() + request.limit());
    Query query =
        limits.apply(
            new BooleanQuery.Builder()
                .add(filter, Occur.FILTER)
                .add(plan.priors(LocalDate.now(clock)), Occur.SHOULD)
                .build());
    TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(depth, COUNT_LIMIT));
    ScoreDoc[] page =
        request.offset() >= top.scoreDocs.length
            ? new ScoreDoc[0]
            : Arrays.copyOfRange(top.scoreDocs, request.offset(), top.scoreDocs.length);
    return new SearchResults(
        hits(searcher, PoolText.read(searcher, page), filter, List.of(), page, null, author),
        top.totalHits.value(),
        top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
        request.offset(),
        notice);
  }

  /** See {@link paperbot.recommender.search.PaperIndex#spellingFixed}. */
  public Optional<String> spellingFixed(IndexSearcher searcher, String text) throws IOException {
    SpellingFixes.Fixed fixed =
        SpellingFixes.ofText(text, searcher.getIndexReader(), analyzer, expander);
    return fixed.changed() ? Optional.of(fixed.applyTo(text)) : Optional.empty();
  }

  private static String join(String notice, String more) {
    return notice == null ? more : notice + "\n" + more;
  }

  /**
   * The best {@link #FEEDBACK_PAPERS} matches that have every concept of the query. Related papers
   * follow only these: a paper that shares one word of the query ("folding" laundry for "protein
   * folding") says nothing of what was asked, and neither would papers like it.
   */
  private ScoreDoc[] wholeMatches(IndexSearcher searcher, List<Concept> concepts, ScoreDoc[] ranked)
      throws IOException {
    QueryPlan.TextQuery all = plan.textQuery(concepts, true);
    DocMatcher matcher = new DocMatcher(searcher);
    List<ScoreDoc> whole = new ArrayList<>();
    for (int i = 0; i < ranked.length && whole.size() < FEEDBACK_PAPERS; i++) {
      if (matcher.matches(ranked[i].doc, all.exact())) {
        whole.add(ranked[i]);
      }
    }
    return whole.toArray(ScoreDoc[]::new);
  }

  /** The words of the query's forms as the index has them ("self" and "supervis" for SSL). */
  private Set<String> asked(List<Concept> concepts) throws IOException {
    Set<String> asked = new HashSet<>();
    for (Concept concept : concepts) {
      List<String> forms = new ArrayList<>(concept.alternatives());
      forms.add(concept.text());
      for (String form : forms) {
        asked.addAll(PaperText.analyse(analyzer, PaperFields.ABSTRACT, List.of(form)).terms());
      }
    }
    return asked;
  }

  /**
   * The first pass's best {@link #POOL} papers scored exactly (phrases, phrase bonus, priors) and
   * then fused by reciprocal rank with their score under the pool's feedback terms ({@link
   * FeedbackTerms}); deeper papers follow in blocks as before. The pool is the same for every page
   * of a query, so paging never repeats or skips a paper.
   */
  private ScoreDoc[] ranked(
      IndexSearcher searcher,
      TopDocs first,
      PoolText text,
      Query exactly,
      Query second,
      LocalDate today,
      int depth,
      int block,
      Query bag,
      ConceptCoverage coverage,
      int poolSize,
      Deeper deeperHits)
      throws IOException {
    ScoreDoc[] hits = first.scoreDocs;
    TopDocs pool = new TopDocs(first.totalHits, Arrays.copyOfRange(hits, 0, poolSize));
    TopDocs lexical =
        exactly != null
            ? ExactPoolScores.rescoreExactly(searcher, pool, text, exactly, today)
            : ExactPoolScores.rescore(searcher, pool, text, second, today);
    // A paper that lacks a rare concept of the query falls behind those that have them all.
    ScoreDoc[] covered = coverage.weigh(searcher, lexical.scoreDocs, text);
    List<ScoreDoc> ranked =
        new ArrayList<>(Arrays.asList(withFeedback(searcher, covered, text, bag)));
    // More matches than the pool: the first pass may not have read them (its window was sized for
    // the page asked), and the deeper pass reads on until it has.
    if (depth > poolSize && (hits.length > poolSize || first.totalHits.value() > poolSize)) {
      Query deeperQuery = exactly != null ? exactly : second;
      TopDocs deeper =
          deeperHits.ranked(
              searcher,
              first,
              poolSize,
              deeperQuery,
              exactly != null,
              depth - ranked.size(),
              block);
      // Deeper papers rank after the pool, whatever their scores: their place must not depend on
      // the page asked.
      float floor = ranked.isEmpty() ? 0f : ranked.get(ranked.size() - 1).score;
      for (ScoreDoc hit : deeper.scoreDocs) {
        ranked.add(new ScoreDoc(hit.doc, Math.nextDown(floor)));
        floor = Math.nextDown(floor);
      }
    }
    return ranked.toArray(ScoreDoc[]::new);
  }

  /** A first pass at any depth: its best {@code window} papers, in order. */
  @FunctionalInterface
  private interface FirstPass {
    ScoreDoc[] top(int window) throws IOException;
  }

  /**
   * The papers after the pool, reordered in blocks. A paper's place must not depend on the page
   * asked, so every block read must be whole (a block cut short by the first pass's window would be
   * ordered differently once a deeper page reads all of it), and the blocks must give enough papers
   * (the exact pass drops papers whose phrase was only approximated, and a short list would make
   * the next page skip papers). The first pass is read deeper until they are.
   *
   * @param window how many papers {@code first} was asked for
   */
  private record Deeper(FirstPass firstPass, int window) {
    /** Most first-pass papers read for the deeper pages. */
    static final int MAX_WINDOW = 4 * MAX_DEPTH;

    TopDocs ranked(
        IndexSearcher searcher,
        TopDocs first,
        int poolSize,
        Query second,
        boolean exact,
        int n,
        int block)
        throws IOException {
      Set<Integer> pool = new HashSet<>();
      for (int i = 0; i < poolSize; i++) {
        pool.add(first.scoreDocs[i].doc);
      }
      ScoreDoc[] hits = first.scoreDocs;
      int asked = window;
      while (true) {
        ScoreDoc[] rest =
            Arrays.stream(hits).filter(hit -> !pool.contains(hit.doc)).toArray(ScoreDoc[]::new);
        WindowRescorer.Blocks blocks =
            WindowRescorer.blocks(
                searcher, new TopDocs(first.totalHits, rest), second, exact, n, block);
        boolean allHits = hits.length < asked;
        if (allHits || blocks.settled(n, block) || asked >= MAX_WINDOW) {
          return blocks.top();
        }
        asked = Math.min(MAX_WINDOW, 2 * asked);
        hits = firstPass.top(asked);
      }
    }
  }

  /**
   * Three rankings of the pool fused by reciprocal rank: the structured text match (concepts,
   * phrases, priors), the plain bag of the query's words, and the feedback terms of the structured
   * ranking's best {@link #FEEDBACK_PAPERS} papers. Each is right where another fails: phrases and
   * expansions on jargon, plain words on loose questions, feedback on papers that describe the
   * topic in other words (docs/ranking.md).
   */
  private ScoreDoc[] withFeedback(
      IndexSearcher searcher, ScoreDoc[] lexical, PoolText text, Query bag) throws IOException {
    if (lexical.length < 2 * FEEDBACK_PAPERS) {
      // Feedback from "the best ten of fifteen" is the whole match set: it has nothing to tell
      // apart.
      return lexical;
    }
    float[] lexicalScores = new float[lexical.length];
    for (int i = 0; i < lexical.length; i++) {
      lexicalScores[i] = lexical[i].score;
    }
    // The structured ranking's best teach the feedback terms (the plain words' best, or both fused,
    // measured worse).
    ScoreDoc[] best = Arrays.copyOfRange(lexical, 0, FEEDBACK_PAPERS);
    // Their words only, from the analysed text: the papers themselves (stored JSON, a compressed
    // block each) are read for the page alone.
    Map<String, Double> terms =
        FeedbackTerms.ofPool(
            searcher,
            analyzer,
            text,
            best,
            Arrays.stream(best).mapToDouble(hit -> hit.score).toArray());
    if (terms.isEmpty()) {
      return RankFusion.fuse(
          lexical, lexicalScores, PoolScores.of(searcher, lexical, text, List.of(bag))[0]);
    }
    // The bag of words and the feedback terms share most of their words: one pass reads both.
    float[][] scores =
        PoolScores.of(searcher, lexical, text, List.of(bag, FeedbackTerms.query(terms)));
    return RankFusion.fuse(lexical, lexicalScores, scores[0], scores[1]);
  }

  /** The feedback terms of the best papers ({@code best}, their words' counts {@code counts}). */
  private static Map<String, Double> feedbackTerms(
      IndexSearcher searcher, ScoreDoc[] best, List<Map<String, Integer>> counts)
      throws IOException {
    double[] weights = Arrays.stream(best).mapToDouble(hit -> hit.score).toArray();
    return FeedbackTerms.of(searcher.getIndexReader(), counts, weights);
  }

  /** Each paper's word counts ({@link PaperText#counts}). */
  private static List<Map<String, Integer>> counts(List<PaperText> texts) {
    List<Map<String, Integer>> counts = new ArrayList<>(texts.size());
    for (PaperText paper : texts) {
      counts.add(paper.counts());
    }
    return counts;
  }

  /**
   * The best {@code window} text matches: one disjunction, so Lucene skips papers that cannot reach
   * the pool.
   */
  private static TopDocs firstPass(
      IndexSearcher searcher, QueryPlan.TextQuery text, QueryLimits limits, int window)
      throws IOException {
    return searcher.search(
        KnownTerms.bind(searcher, limits.apply(text.match())),
        new TopScoreDocCollectorManager(window, COUNT_LIMIT));
  }

  /** The papers of these hits, in order, each read from the index once per search. */
  static List<Paper> papers(IndexSearcher searcher, ScoreDoc[] hits, Map<Integer, Paper> loaded)
      throws IOException {
    List<ScoreDoc> missing = new ArrayList<>();
    for (ScoreDoc hit : hits) {
      if (!loaded.containsKey(hit.doc)) {
        missing.add(hit);
      }
    }
    List<Paper> read = PaperDocuments.papersOf(searcher, missing.toArray(ScoreDoc[]::new));
    for (int i = 0; i < missing.size(); i++) {
      loaded.put(missing.get(i).doc, read.get(i));
    }
    List<Paper> papers = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      papers.add(loaded.get(hit.doc));
    }
    return papers;
  }

  /**
   * The analysed text of these hits' papers, in order, each read once per search, as the index
   * stored it (analysed here only for a paper indexed without it).
   */
  private List<PaperText> texts(
      IndexSearcher searcher,
      ScoreDoc[] hits,
      Map<Integer, Paper> loaded,
      Map<Integer, PaperText> texts)
      throws IOException {
    List<ScoreDoc> missing = new ArrayList<>();
    for (ScoreDoc hit : hits) {
      if (!texts.containsKey(hit.doc)) {
        missing.add(hit);
      }
    }
    // Paper and text from one read of each document.
    List<PaperDocuments.Stored> stored =
        PaperDocuments.storedOf(searcher, missing.toArray(ScoreDoc[]::new));
    for (int i = 0; i < missing.size(); i++) {
      int doc = missing.get(i).doc;
      loaded.putIfAbsent(doc, stored.get(i).paper());
      Paper paper = loaded.get(doc);
      texts.put(
          doc,
          stored.get(i).text() != null
              ? PaperText.of(paper, stored.get(i).text())
              : PaperText.of(analyzer, paper));
    }
    List<PaperText> analysed = new ArrayList<>();
    for (int i = 0; i < hits.length; i++) {
      analysed.add(texts.get(hits[i].doc));
    }
    return analysed;
  }

  private List<SearchHit> hits(
      IndexSearcher searcher,
      PoolText poolText,
      Query text,
      List<Concept> concepts,
      ScoreDoc[] page,
      RelatedPapers.Found related,
      AuthorNames.Found author)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    Map<Integer, Paper> loaded = new HashMap<>();
    Map<Integer, PaperText> texts = new HashMap<>();
    // The pool's papers' text as the pool read it; only their JSON is read here.
    List<ScoreDoc> inPool = new ArrayList<>();
    for (ScoreDoc hit : page) {
      if (poolText.hasText(poolText.paper(hit.doc))) {
        inPool.add(hit);
      }
    }
    List<Paper> poolPapers = papers(searcher, inPool.toArray(ScoreDoc[]::new), loaded);
    for (int i = 0; i < inPool.size(); i++) {
      int doc = inPool.get(i).doc;
      texts.put(doc, poolText.text(poolText.paper(doc), poolPapers.get(i)));
    }
    List<PaperText> analysed = texts(searcher, page, loaded, texts);
    List<Paper> papers = papers(searcher, page, loaded);
    String[] snippets = Snippets.of(text, analysed);
    Map<String, PaperText.Tokens> analysedQuery = new HashMap<>();
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Paper paper = papers.get(i);
      boolean isRelated = related != null && related.related().contains(page[i].doc);
      List<Match> matched =
          isRelated
              ? RelatedPapers.why(analysed.get(i), related.words())
              : why.explain(analysed.get(i), concepts, analysedQuery);
      hits.add(
          new SearchHit(
              paper,
              page[i].score,
              Snippets.orLead(snippets[i], paper),
              author == null ? matched : author.withName(paper, matched),
              isRelated));
    }
    return hits;
  }
}
