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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
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
    Map<String, Query> topics = interests.topics();
    Map<String, Query> authors = interests.authors();
    BooleanQuery interestQuery = interests.query();
    if (interestQuery.clauses().isEmpty()) {
      return new Recommendations(List.of(), 0, request.offset());
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(interestQuery, Occur.MUST);
    exclusions(profile, request.includeSeen()).forEach(q -> filtered.add(q, Occur.MUST_NOT));
    Query ranked = plan.withPriors(filtered.build(), LocalDate.now(clock));

    int wanted = request.offset() + request.limit();
    TopDocs top = searcher.search(ranked,
        new TopScoreDocCollectorManager(Math.min(Ranker.MAX_DEPTH, wanted * CANDIDATES_PER_SLOT), Integer.MAX_VALUE));
    ScoreDoc[] rescored = penaliseDislikes(searcher, profile, top.scoreDocs);
    ScoreDoc[] page = request.offset() >= rescored.length
        ? new ScoreDoc[0]
        : Arrays.copyOfRange(rescored, request.offset(), Math.min(rescored.length, wanted));
    String[] snippets = page.length == 0 ? new String[0] : Snippets.of(searcher, analyzer, interestQuery, page);
    List<Recommendation> items = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Paper paper = PaperDocuments.fromDocument(searcher.storedFields().document(page[i].doc));
      items.add(new Recommendation(paper, page[i].score, Snippets.orLead(snippets[i], paper),
          matching(searcher, page[i].doc, topics), matching(searcher, page[i].doc, authors), trending(paper)));
    }
    return new Recommendations(items, top.totalHits.value(), request.offset());
  }

  /** Upvotes count more in a digest than in search: a digest is about what is trending. */
  static final float DIGEST_UPVOTE_WEIGHT = 2f;

  /**
   * A digest's papers: matching the interests (or any paper, when there are none), optionally only recent ones,
   * never the excluded, ranked with upvotes (saturating) and recency (the given half-life) blended in.
   */
  public Recommendations digest(IndexSearcher searcher, DigestQuery request) throws IOException {
    InterestProfile profile = request.interests();
    Interests interests = interests(profile);
    Map<String, Query> topics = interests.topics();
    Map<String, Query> authors = interests.authors();
    BooleanQuery interestQuery = interests.query();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(interestQuery.clauses().isEmpty() ? new MatchAllDocsQuery() : interestQuery,
        interestQuery.clauses().isEmpty() ? Occur.FILTER : Occur.MUST);
    if (request.since() != null) {
      query.add(LongField.newRangeQuery(PaperFields.PUBLISHED, request.since().toEpochDay(), Long.MAX_VALUE),
          Occur.FILTER);
    }
    InterestProfile excluded = new InterestProfile(Map.of(), profile.mutes(), Map.of(), List.of(), request.exclude(),
        profile.disliked(), List.of());
    exclusions(excluded, false).forEach(q -> query.add(q, Occur.MUST_NOT));
    query.add(FeatureField.newSaturationQuery(PaperFields.FEATURES, PaperFields.UPVOTES, DIGEST_UPVOTE_WEIGHT,
        QueryPlan.UPVOTE_PIVOT), Occur.SHOULD);
    query.add(LongField.newDistanceFeatureQuery(PaperFields.PUBLISHED, QueryPlan.RECENCY_WEIGHT,
        LocalDate.now(clock).toEpochDay(), Math.max(1, Math.round(request.halfLifeDays()))), Occur.SHOULD);
    TopDocs top = searcher.search(query.build(), request.limit());
    List<Recommendation> items = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      Paper paper = PaperDocuments.fromDocument(searcher.storedFields().document(hit.doc));
      items.add(new Recommendation(paper, hit.score, Snippets.lead(paper), matching(searcher, hit.doc, topics),
          matching(searcher, hit.doc, authors), trending(paper)));
    }
    return new Recommendations(items, top.totalHits.value(), 0);
  }

  /** The papers with the strongest recency and upvote prior: what to show a member with no profile yet. */
  public Recommendations trending(IndexSearcher searcher, int limit) throws IOException {
    Query ranked = plan.withPriors(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).build(),
        LocalDate.now(clock));
    TopDocs top = searcher.search(ranked, limit);
    List<Recommendation> items = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      Paper paper = PaperDocuments.fromDocument(searcher.storedFields().document(hit.doc));
      items.add(new Recommendation(paper, hit.score, Snippets.lead(paper), List.of(), List.of(),
          trending(paper)));
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

  /** A profile's interests as queries: per topic and per followed author (to explain hits), and all combined. */
  private record Interests(Map<String, Query> topics, Map<String, Query> authors, BooleanQuery query) {}

  private Interests interests(InterestProfile profile) {
    Map<String, Query> topics = topicQueries(profile);
    Map<String, Query> authors = authorQueries(profile);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    topics.values().forEach(q -> any.add(q, Occur.SHOULD));
    authors.values().forEach(q -> any.add(q, Occur.SHOULD));
    learnedQueries(profile, true).forEach(q -> any.add(q, Occur.SHOULD));
    return new Interests(topics, authors, any.build());
  }

  /** One query per topic, weighted, in the member's order of weight. */
  private Map<String, Query> topicQueries(InterestProfile profile) {
    Map<String, Query> queries = new LinkedHashMap<>();
    profile.topics().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(topic -> {
          Query query = plan.textQuery(expander.concepts(QueryWords.of(topic.getKey())), true);
          if (query != null) {
            queries.put(topic.getKey(), new BoostQuery(query, topic.getValue().floatValue()));
          }
        });
    return queries;
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
  private ScoreDoc[] penaliseDislikes(IndexSearcher searcher, InterestProfile profile, ScoreDoc[] candidates)
      throws IOException {
    List<Query> negatives = learnedQueries(profile, false);
    if (negatives.isEmpty()) {
      return candidates;
    }
    ScoreDoc[] rescored = new ScoreDoc[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      double penalty = 0;
      for (Query negative : negatives) {
        if (matches(searcher, candidates[i].doc, negative)) {
          penalty += DISLIKE_PENALTY * ((BoostQuery) negative).getBoost();
        }
      }
      rescored[i] = new ScoreDoc(candidates[i].doc, (float) (candidates[i].score - penalty));
    }
    Arrays.sort(rescored, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return rescored;
  }

  private static List<String> matching(IndexSearcher searcher, int doc, Map<String, Query> named) throws IOException {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Query> entry : named.entrySet()) {
      if (matches(searcher, doc, entry.getValue())) {
        names.add(entry.getKey());
      }
    }
    return names;
  }

  static boolean matches(IndexSearcher searcher, int doc, Query query) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f)
        .matches(leaf, doc - leaf.docBase) != null;
  }
}
