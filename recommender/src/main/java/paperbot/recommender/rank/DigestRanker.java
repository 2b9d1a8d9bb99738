package paperbot.recommender.rank;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.profile.InterestProfile;

/**
 * Digests' papers (what is trending among a member's or a channel's interests, or anywhere), and
 * the trending papers a member with no profile yet is shown. A member's like model reorders a
 * digest as it reorders the feed ({@link ProfileRanker}).
 */
public final class DigestRanker {
  /** Upvotes count more in a digest than in search: a digest is about what is trending. */
  static final float DIGEST_UPVOTE_WEIGHT = 2f;

  /** Interest matches the trending blend reorders when a digest looks past its date window. */
  static final int DIGEST_WINDOW = 50;

  private final Analyzer analyzer;
  private final QueryPlan plan;
  private final ProfileQueries queries;
  private final Clock clock;

  public DigestRanker(Analyzer analyzer, QueryExpander expander, Clock clock) {
    this.analyzer = analyzer;
    this.plan = new QueryPlan(analyzer);
    this.queries = new ProfileQueries(expander, plan);
    this.clock = clock;
  }

  /**
   * A digest's papers: matching the interests (or any paper, when there are none), optionally only
   * those published since a day, never the excluded, ranked with upvotes (saturating) and recency
   * (the given half-life) blended in.
   *
   * <p>With a day, the date filter leads and only that window's papers are scored, so the blend is
   * exact. Without one, the best interest matches are found first and the blend reorders them (as
   * in search), so a million-paper corpus is never scored in full; without interests, the feature
   * queries alone rank and skip.
   */
  public Recommendations digest(IndexSearcher searcher, DigestQuery request) throws IOException {
    InterestProfile profile = request.interests();
    Interests interests = queries.interests(profile, false, searcher.getIndexReader());
    LocalDate today = LocalDate.now(clock);
    List<Query> blend = new ArrayList<>(interests.bonuses());
    blend.add(
        FeatureField.newSaturationQuery(
            PaperFields.FEATURES,
            PaperFields.UPVOTES,
            DIGEST_UPVOTE_WEIGHT,
            QueryPlan.UPVOTE_PIVOT));
    blend.add(
        LongField.newDistanceFeatureQuery(
            PaperFields.PUBLISHED,
            QueryPlan.RECENCY_WEIGHT,
            today.toEpochDay(),
            Math.max(1, Math.round(request.halfLifeDays()))));
    InterestProfile excluded =
        new InterestProfile(
            Map.of(),
            profile.mutes(),
            Map.of(),
            List.of(),
            request.exclude(),
            profile.disliked(),
            List.of());
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    queries.exclusions(excluded, false).forEach(q -> query.add(q, Occur.MUST_NOT));
    // With a like model, or several interests to share the places, a wider window is found and
    // reordered, as in the feed.
    boolean learning = !profile.learned().isEmpty();
    boolean sharing = InterestShares.applies(interests);
    int wanted = learning || sharing ? Math.max(DIGEST_WINDOW, request.limit()) : request.limit();
    TopDocs top;
    if (request.since() == null && !interests.clauses().isEmpty()) {
      interests.clauses().forEach(q -> query.add(q, Occur.SHOULD));
      // Trending weighs more in a digest than in search, so the blend reorders a wider window as
      // one block.
      TopDocs firstPass = searcher.search(query.build(), Math.max(DIGEST_WINDOW, request.limit()));
      top =
          WindowRescorer.rescoreExactly(
              searcher,
              firstPass,
              interests.exactly(QueryPlan.anyOf(blend)),
              wanted,
              firstPass.scoreDocs.length);
    } else {
      if (!interests.clauses().isEmpty()) {
        query.add(
            interests.exactQuery(),
            Occur.MUST); // the date window leads, so exact phrases cost little
      }
      if (request.since() != null) {
        query.add(
            LongField.newRangeQuery(
                PaperFields.PUBLISHED, request.since().toEpochDay(), Long.MAX_VALUE),
            Occur.FILTER);
      }
      blend.forEach(q -> query.add(q, Occur.SHOULD));
      top = searcher.search(query.build(), wanted);
    }
    ScoreDoc[] hits = top.scoreDocs;
    Map<Integer, Paper> loaded = new HashMap<>();
    if (learning && hits.length > 1) {
      hits = learned(searcher, profile, hits);
    }
    hits = InterestShares.share(searcher, interests, profile.topics(), hits);
    hits = Arrays.copyOf(hits, Math.min(hits.length, request.limit()));
    DocMatcher matcher = new DocMatcher(searcher);
    List<Recommendation> items = new ArrayList<>();
    List<Paper> papers = Ranker.papers(searcher, hits, loaded);
    for (int i = 0; i < papers.size(); i++) {
      Paper paper = papers.get(i);
      int doc = hits[i].doc;
      items.add(
          new Recommendation(
              paper,
              hits[i].score,
              Snippets.lead(paper),
              matcher.names(doc, interests.topics()),
              matcher.names(doc, interests.authors()),
              TrendingPrior.of(paper, today)));
    }
    return new Recommendations(items, top.totalHits.value(), 0);
  }

  /**
   * A digest's papers reordered by reciprocal-rank fusion of the digest's own ranking (topics,
   * upvotes, recency) and the member's like model trained against them, with resemblance to
   * disliked papers taking rank off: the learning of the feed. Each keeps its digest score, which
   * the planner's minimum applies to.
   */
  private ScoreDoc[] learned(IndexSearcher searcher, InterestProfile profile, ScoreDoc[] hits)
      throws IOException {
    float[] own = new float[hits.length];
    for (int i = 0; i < hits.length; i++) {
      own[i] = hits[i].score;
    }
    float[] like =
        LikeModel.scores(analyzer, profile.learned(), PaperText.words(searcher, analyzer, hits));
    if (like == null) {
      return hits;
    }
    Query dislikeQuery = queries.dislikeQuery(profile);
    float[] negative =
        dislikeQuery == null ? null : RankFusion.scores(searcher, hits, dislikeQuery);
    Map<Integer, Float> scores = new HashMap<>();
    Arrays.stream(hits).forEach(hit -> scores.put(hit.doc, hit.score));
    return Arrays.stream(RankFusion.fuse(hits, List.of(own, like), negative))
        .map(hit -> new ScoreDoc(hit.doc, scores.get(hit.doc)))
        .toArray(ScoreDoc[]::new);
  }

  /**
   * The papers with the strongest recency and upvote prior: what to show a member with no profile
   * yet, {@code limit} of them from {@code offset} in that order (ties keep index order, so pages
   * of an unchanged index never repeat or skip a paper).
   */
  public Recommendations trending(IndexSearcher searcher, int offset, int limit)
      throws IOException {
    LocalDate today = LocalDate.now(clock);
    TopDocs top = searcher.search(plan.priors(today), offset + limit);
    ScoreDoc[] page =
        Arrays.copyOfRange(
            top.scoreDocs, Math.min(offset, top.scoreDocs.length), top.scoreDocs.length);
    List<Recommendation> items = new ArrayList<>();
    List<Paper> papers = PaperDocuments.papersOf(searcher, page);
    for (int i = 0; i < papers.size(); i++) {
      items.add(
          new Recommendation(
              papers.get(i),
              page[i].score,
              Snippets.lead(papers.get(i)),
              List.of(),
              List.of(),
              TrendingPrior.of(papers.get(i), today)));
    }
    return new Recommendations(
        items,
        top.totalHits.value(),
        top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
        offset);
  }
}
