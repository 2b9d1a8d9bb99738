package paperbot.recommender.rank;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.profile.InterestProfile;

/**
 * Personal ranking: a weighted query of the member's topics, terms learned from likes and followed authors, with
 * muted terms and already seen or dismissed papers excluded, and the recency/upvote prior. Terms learned from
 * dislikes push down the candidates that contain them.
 */
public final class ProfileRanker {
  /** Learned terms are hints: one liked term weighs a fraction of a topic. */
  static final float LEARNED_SCALE = 0.5f;
  /** A followed author lifts a paper about as much as a strong topic match. */
  static final float AUTHOR_BOOST = 3f;
  /** Score taken off per unit of negative learned weight a candidate matches. */
  static final double DISLIKE_PENALTY = 2.0;
  /** Candidates fetched per shown paper, so dislike penalties can reorder them. */
  private static final int CANDIDATES_PER_SLOT = 4;

  private final Analyzer analyzer;
  private final QueryExpander expander;
  private final QueryPlan plan;
  private final Clock clock;

  public ProfileRanker(Analyzer analyzer, QueryExpander expander, Clock clock) {
    this.analyzer = analyzer;
    this.expander = expander;
    this.plan = new QueryPlan(analyzer);
    this.clock = clock;
  }

  /** Recommendations for a profile; empty when the profile has nothing to search for. */
  public Recommendations recommend(IndexSearcher searcher, ProfileQuery request) throws IOException {
    InterestProfile profile = request.profile();
    Interests interests = interests(profile);
    if (interests.clauses().isEmpty()) {
      return new Recommendations(List.of(), 0, request.offset());
    }
    // One flat disjunction of the interests with the exclusions beside it: Lucene can skip what cannot make the top.
    BooleanQuery.Builder first = new BooleanQuery.Builder();
    interests.clauses().forEach(q -> first.add(q, Occur.SHOULD));
    exclusions(profile, request.includeSeen()).forEach(q -> first.add(q, Occur.MUST_NOT));
    int wanted = request.offset() + request.limit();
    int candidates = Math.min(Ranker.MAX_DEPTH, wanted * CANDIDATES_PER_SLOT);
    int block = interests.approximate() ? WindowRescorer.EXACT_BLOCK : WindowRescorer.BLOCK;
    TopDocs firstPass = searcher.search(first.build(),
        new TopScoreDocCollectorManager(WindowRescorer.window(candidates, block), Ranker.COUNT_LIMIT));
    Query second = plan.bonusAndPriors(interests.bonuses(), LocalDate.now(clock));
    TopDocs top = interests.approximate()
        ? WindowRescorer.rescoreExactly(searcher, firstPass, interests.exactly(second), candidates, block)
        : WindowRescorer.rescore(searcher, firstPass, second, candidates, block);
    DocMatcher matcher = new DocMatcher(searcher);
    ScoreDoc[] rescored = penaliseDislikes(matcher, profile, top.scoreDocs);
    ScoreDoc[] page = request.offset() >= rescored.length
        ? new ScoreDoc[0]
        : Arrays.copyOfRange(rescored, request.offset(), Math.min(rescored.length, wanted));
    List<Paper> papers = PaperDocuments.papersOf(searcher, page);
    String[] snippets = page.length == 0 ? new String[0]
        : Snippets.of(searcher, analyzer, interests.highlightQuery(), page, papers);
    List<Recommendation> items = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Paper paper = papers.get(i);
      items.add(new Recommendation(paper, page[i].score, Snippets.orLead(snippets[i], paper),
          matching(matcher, page[i].doc, interests.topics()), matching(matcher, page[i].doc, interests.authors()),
          trending(paper)));
    }
    return new Recommendations(items, firstPass.totalHits.value(),
        firstPass.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, request.offset());
  }

  /** Upvotes count more in a digest than in search: a digest is about what is trending. */
  static final float DIGEST_UPVOTE_WEIGHT = 2f;
  /** Interest matches the trending blend reorders when a digest looks past its date window. */
  static final int DIGEST_WINDOW = 50;

  /**
   * A digest's papers: matching the interests (or any paper, when there are none), optionally only those published
   * since a day, never the excluded, ranked with upvotes (saturating) and recency (the given half-life) blended in.
   *
   * <p>With a day, the date filter leads and only that window's papers are scored, so the blend is exact. Without
   * one, the best interest matches are found first and the blend reorders them (as in search), so a million-paper
   * corpus is never scored in full; without interests, the feature queries alone rank and skip.
   */
  public Recommendations digest(IndexSearcher searcher, DigestQuery request) throws IOException {
    InterestProfile profile = request.interests();
    Interests interests = interests(profile);
    LocalDate today = LocalDate.now(clock);
    List<Query> blend = new ArrayList<>(interests.bonuses());
    blend.add(FeatureField.newSaturationQuery(PaperFields.FEATURES, PaperFields.UPVOTES, DIGEST_UPVOTE_WEIGHT,
        QueryPlan.UPVOTE_PIVOT));
    blend.add(LongField.newDistanceFeatureQuery(PaperFields.PUBLISHED, QueryPlan.RECENCY_WEIGHT, today.toEpochDay(),
        Math.max(1, Math.round(request.halfLifeDays()))));
    InterestProfile excluded = new InterestProfile(Map.of(), profile.mutes(), Map.of(), List.of(), request.exclude(),
        profile.disliked(), List.of());
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    exclusions(excluded, false).forEach(q -> query.add(q, Occur.MUST_NOT));
    TopDocs top;
    if (request.since() == null && !interests.clauses().isEmpty()) {
      interests.clauses().forEach(q -> query.add(q, Occur.SHOULD));
      // Trending weighs more in a digest than in search, so the blend reorders a wider window as one block.
      TopDocs firstPass = searcher.search(query.build(), Math.max(DIGEST_WINDOW, request.limit()));
      top = WindowRescorer.rescoreExactly(searcher, firstPass, interests.exactly(QueryPlan.anyOf(blend)),
          request.limit(), firstPass.scoreDocs.length);
    } else {
      if (!interests.clauses().isEmpty()) {
        query.add(interests.exactQuery(), Occur.MUST); // the date window leads, so exact phrases cost little
      }
      if (request.since() != null) {
        query.add(LongField.newRangeQuery(PaperFields.PUBLISHED, request.since().toEpochDay(), Long.MAX_VALUE),
            Occur.FILTER);
      }
      blend.forEach(q -> query.add(q, Occur.SHOULD));
      top = searcher.search(query.build(), request.limit());
    }
    DocMatcher matcher = new DocMatcher(searcher);
    List<Recommendation> items = new ArrayList<>();
    List<Paper> papers = PaperDocuments.papersOf(searcher, top.scoreDocs);
    for (int i = 0; i < papers.size(); i++) {
      Paper paper = papers.get(i);
      int doc = top.scoreDocs[i].doc;
      items.add(new Recommendation(paper, top.scoreDocs[i].score, Snippets.lead(paper), matching(matcher, doc,
          interests.topics()), matching(matcher, doc, interests.authors()), trending(paper)));
    }
    return new Recommendations(items, top.totalHits.value(), 0);
  }

  /** The papers with the strongest recency and upvote prior: what to show a member with no profile yet. */
  public Recommendations trending(IndexSearcher searcher, int limit) throws IOException {
    TopDocs top = searcher.search(plan.priors(LocalDate.now(clock)), limit);
    List<Recommendation> items = new ArrayList<>();
    List<Paper> papers = PaperDocuments.papersOf(searcher, top.scoreDocs);
    for (int i = 0; i < papers.size(); i++) {
      items.add(new Recommendation(papers.get(i), top.scoreDocs[i].score, Snippets.lead(papers.get(i)), List.of(),
          List.of(), trending(papers.get(i))));
    }
    return new Recommendations(items, top.totalHits.value(), 0);
  }

  /** What the recency and upvote prior add for this paper: the same formulas Lucene's feature queries apply. */
  double trending(Paper paper) {
    double value = 0;
    if (paper.published() != null) {
      long days = Math.abs(ChronoUnit.DAYS.between(paper.published(), LocalDate.now(clock)));
      value += QueryPlan.RECENCY_WEIGHT * QueryPlan.RECENCY_PIVOT_DAYS / (double) (QueryPlan.RECENCY_PIVOT_DAYS + days);
    }
    if (paper.upvotes() > 0) {
      value += QueryPlan.UPVOTE_WEIGHT * paper.upvotes() / (paper.upvotes() + QueryPlan.UPVOTE_PIVOT);
    }
    return value;
  }

  /**
   * A profile's interests as queries: per topic and per followed author (named, to explain hits), every clause that
   * may match, and the topics' phrase bonuses for the second pass.
   */
  private record Interests(Map<String, Query> topics, Map<String, Query> authors, List<Query> clauses,
      List<Query> exactClauses, List<Query> bonuses, List<Query> highlights) {
    /** True when the clauses find phrases by word pairs, so a window must be scored again exactly. */
    boolean approximate() {
      return !clauses.equals(exactClauses);
    }

    /** Any interest, with real phrases. */
    Query exactQuery() {
      return QueryPlan.anyOf(exactClauses);
    }

    /** Scores a paper by its exact interest match plus {@code extra}; papers without a match do not qualify. */
    Query exactly(Query extra) {
      return new BooleanQuery.Builder().add(exactQuery(), Occur.MUST).add(extra, Occur.SHOULD).build();
    }

    /** The interests' words as real phrases, for snippets. */
    Query highlightQuery() {
      return QueryPlan.anyOf(highlights);
    }
  }

  private Interests interests(InterestProfile profile) {
    Map<String, Query> topics = new LinkedHashMap<>();
    List<Query> clauses = new ArrayList<>();
    List<Query> bonuses = new ArrayList<>();
    List<Query> highlights = new ArrayList<>();
    profile.topics().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(topic -> {
          QueryPlan.TextQuery text = plan.textQuery(expander.concepts(QueryWords.of(topic.getKey())), true);
          if (text != null) {
            float weight = topic.getValue().floatValue();
            clauses.add(new BoostQuery(text.match(), weight));
            topics.put(topic.getKey(), new BoostQuery(text.exact(), weight));
            highlights.add(text.highlight());
            if (text.bonus() != null) {
              bonuses.add(new BoostQuery(text.bonus(), weight));
            }
          }
        });
    List<Query> exactClauses = new ArrayList<>(topics.values());
    Map<String, Query> authors = authorQueries(profile);
    List<Query> learned = learnedQueries(profile, true);
    for (List<Query> list : List.of(clauses, exactClauses)) {
      list.addAll(authors.values());
      list.addAll(learned);
    }
    highlights.addAll(learned);
    return new Interests(topics, authors, clauses, exactClauses, bonuses, highlights);
  }

  private Map<String, Query> authorQueries(InterestProfile profile) {
    Map<String, Query> queries = new LinkedHashMap<>();
    for (String author : profile.follows()) {
      Query query = plan.fieldQuery(PaperFields.AUTHORS, author, 0);
      if (query != null) {
        queries.put(author, new BoostQuery(query, AUTHOR_BOOST));
      }
    }
    return queries;
  }

  /** Learned terms of one sign as weighted title/abstract queries. */
  private List<Query> learnedQueries(InterestProfile profile, boolean positive) {
    List<Query> queries = new ArrayList<>();
    for (Map.Entry<String, Double> term : profile.learned().entrySet()) {
      if ((term.getValue() > 0) != positive || term.getValue() == 0) {
        continue;
      }
      for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
        Query query = plan.fieldQuery(field, term.getKey(), 0);
        if (query != null) {
          float weight = (float) Math.abs(term.getValue()) * (positive ? LEARNED_SCALE : 1f);
          queries.add(new BoostQuery(query, weight));
        }
      }
    }
    return queries;
  }

  /** Muted terms anywhere in title, abstract or authors; seen and dismissed papers unless asked for. */
  private List<Query> exclusions(InterestProfile profile, boolean includeSeen) {
    List<Query> exclusions = new ArrayList<>();
    for (String mute : profile.mutes()) {
      for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS)) {
        Query query = plan.fieldQuery(field, mute, 0);
        if (query != null) {
          exclusions.add(query);
        }
      }
    }
    if (!includeSeen) {
      List<BytesRef> ids = new ArrayList<>();
      profile.seen().forEach(id -> ids.add(new BytesRef(id)));
      profile.disliked().forEach(id -> ids.add(new BytesRef(id)));
      if (!ids.isEmpty()) {
        exclusions.add(new TermInSetQuery(PaperFields.ID, ids));
      }
    }
    return exclusions;
  }

  /** Subtracts a penalty from candidates that resemble disliked papers, then re-sorts them. */
  private ScoreDoc[] penaliseDislikes(DocMatcher matcher, InterestProfile profile, ScoreDoc[] candidates)
      throws IOException {
    List<Query> negatives = learnedQueries(profile, false);
    if (negatives.isEmpty()) {
      return candidates;
    }
    ScoreDoc[] rescored = new ScoreDoc[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      double penalty = 0;
      for (Query negative : negatives) {
        if (matcher.matches(candidates[i].doc, negative)) {
          penalty += DISLIKE_PENALTY * ((BoostQuery) negative).getBoost();
        }
      }
      rescored[i] = new ScoreDoc(candidates[i].doc, (float) (candidates[i].score - penalty));
    }
    Arrays.sort(rescored, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return rescored;
  }

  private static List<String> matching(DocMatcher matcher, int doc, Map<String, Query> named) throws IOException {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Query> entry : named.entrySet()) {
      if (matcher.matches(doc, entry.getValue())) {
        names.add(entry.getKey());
      }
    }
    return names;
  }
}
