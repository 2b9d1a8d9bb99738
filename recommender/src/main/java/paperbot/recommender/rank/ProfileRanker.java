package paperbot.recommender.rank;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.profile.InterestProfile;

/**
 * Personal ranking for the feed and digests: candidates from the member's topics, followed authors
 * and (feed) like model, muted and already seen or dismissed papers excluded, ranked by fusing the
 * topic match with the member's stored like model ({@link LikeModel}); what dislikes taught pushes
 * similar candidates down.
 */
public final class ProfileRanker {
  /** A followed author lifts a paper about as much as a strong topic match. */
  static final float AUTHOR_BOOST = 3f;

  /**
   * Candidates fetched per shown paper (at least {@link #TOPIC_CANDIDATES}), so the fusion has room
   * to reorder.
   */
  private static final int CANDIDATES_PER_SLOT = 4;

  /**
   * Topic matches among the candidates, and the best of them that make the topic's feedback terms:
   * wider than search's pool, as the like model reorders the topic matches more (dev feed 0.682
   * against 0.669 at search's 50 and 5).
   */
  static final int TOPIC_CANDIDATES = 100;

  static final int FEEDBACK_PAPERS = 10;

  /** Papers most like the liked ones added to the candidates, beside the topic matches. */
  static final int LIKE_CANDIDATES = 50;

  /**
   * Learned terms the like (or dislike) model queries with, heaviest first: enough for a dozen
   * likes' distinctive words, few enough that scoring the candidates stays cheap.
   */
  static final int MODEL_TERMS = 60;

  /**
   * Learned terms that find the like candidates, matched by their word-pair terms where the index
   * has them (no positions read). The candidates are then ranked by the whole model, so the first
   * pass only has to reach them: 20 terms found candidates as good as 60 (dev feed 0.669 against
   * 0.670) with a third of the clauses, the largest first pass of a feed request at a million
   * papers.
   */
  static final int LIKE_QUERY_TERMS = 20;

  /** Likes a why-line may name. */
  static final int NAMED_LIKES = 10;

  /**
   * A shown paper is "like" a liked one when the like model ranks it this high among the
   * candidates.
   */
  static final int RESEMBLES_WITHIN = 20;

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

  /**
   * Recommendations for a profile; empty when the profile has nothing to search for.
   *
   * <p>Candidates are the best matches of the member's topics and followed authors, and the papers
   * most like the ones they liked (seen, liked, dismissed and muted papers left out). They are
   * ranked by reciprocal-rank fusion of the topic match (as search ranks it: structured match,
   * plain words, feedback terms) and the member's like model: the words that set their liked papers
   * apart from the corpus (tf-idf, as a per-member linear model with strong regularisation reduces
   * to), so a like counts from the very next {@code /papers}. Resemblance to disliked papers takes
   * rank off. See docs/ranking.md.
   */
  public Recommendations recommend(IndexSearcher searcher, ProfileQuery request)
      throws IOException {
    InterestProfile profile = request.profile();
    Interests interests = interests(profile, true);
    Query likeQuery = modelQuery(profile, true, LIKE_QUERY_TERMS, true);
    if (interests.clauses().isEmpty() && likeQuery == null) {
      return new Recommendations(List.of(), 0, request.offset());
    }
    List<Query> exclusions = exclusions(profile, request.includeSeen());
    int wanted = request.offset() + request.limit();
    int poolSize = Math.max(TOPIC_CANDIDATES, wanted * CANDIDATES_PER_SLOT);
    Map<Integer, ScoreDoc> candidates = new LinkedHashMap<>();
    long total = 0;
    boolean atLeast = false;
    if (!interests.clauses().isEmpty()) {
      TopDocs topicMatches =
          FlatFirstPass.search(
              searcher,
              QueryPlan.anyOf(interests.clauses()),
              exclusions,
              poolSize,
              Ranker.COUNT_LIMIT);
      Arrays.stream(topicMatches.scoreDocs).forEach(hit -> candidates.putIfAbsent(hit.doc, hit));
      total = topicMatches.totalHits.value();
      atLeast = topicMatches.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
    }
    if (likeQuery != null) {
      TopDocs likeMatches =
          searcher.search(
              withExclusions(KnownTerms.bind(searcher, likeQuery), exclusions), LIKE_CANDIDATES);
      Arrays.stream(likeMatches.scoreDocs).forEach(hit -> candidates.putIfAbsent(hit.doc, hit));
      total = Math.max(total, candidates.size());
    }
    ScoreDoc[] pool = candidates.values().toArray(ScoreDoc[]::new);
    // Candidates' papers read once (the like model reads them all, feedback and the page some).
    Map<Integer, Paper> loaded = new HashMap<>();
    float[] likeScores =
        profile.learned().isEmpty()
            ? null
            : LikeModel.scores(
                analyzer, profile.learned(), PaperText.words(searcher, analyzer, pool));
    ScoreDoc[] ranked = ranked(searcher, profile, interests, likeScores, pool, loaded);
    ScoreDoc[] page =
        request.offset() >= ranked.length
            ? new ScoreDoc[0]
            : Arrays.copyOfRange(ranked, request.offset(), Math.min(ranked.length, wanted));
    List<Paper> papers = papers(searcher, page, loaded);
    String[] snippets =
        page.length == 0
            ? new String[0]
            : Snippets.of(searcher, analyzer, interests.highlightQuery(), page, papers);
    String[] resembles = resembles(searcher, profile, likeScores, pool, page, papers);
    DocMatcher matcher = new DocMatcher(searcher);
    List<Recommendation> items = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Paper paper = papers.get(i);
      items.add(
          new Recommendation(
              paper,
              page[i].score,
              Snippets.orLead(snippets[i], paper),
              matching(matcher, page[i].doc, interests.topics()),
              matching(matcher, page[i].doc, interests.authors()),
              trending(paper),
              resembles[i]));
    }
    return new Recommendations(items, total, atLeast, request.offset());
  }

  /**
   * The feedback terms of the best candidates, counted in the candidates' text; a paper indexed
   * without it is analysed.
   */
  private Map<String, Double> feedbackTerms(
      IndexSearcher searcher, PoolText text, ScoreDoc[] best, double[] weights) throws IOException {
    int[] papers = new int[best.length];
    for (int i = 0; i < best.length; i++) {
      papers[i] = text.paper(best[i].doc);
      if (!text.hasText(papers[i])) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (PaperText paper : PaperText.words(searcher, analyzer, best)) {
          counts.add(paper.counts());
        }
        return FeedbackTerms.of(searcher.getIndexReader(), counts, weights);
      }
    }
    return FeedbackTerms.of(searcher.getIndexReader(), text, papers, weights);
  }

  /** The candidates in fused order (see {@link #recommend}); each score becomes its fused score. */
  private ScoreDoc[] ranked(
      IndexSearcher searcher,
      InterestProfile profile,
      Interests interests,
      float[] likeScores,
      ScoreDoc[] pool,
      Map<Integer, Paper> loaded)
      throws IOException {
    if (pool.length == 0) {
      return pool;
    }
    List<float[]> signals = new ArrayList<>();
    List<Query> words = new ArrayList<>();
    Query dislikeQuery = modelQuery(profile, false, MODEL_TERMS, false);
    // The candidates' text, decoded once for the exact scores, the feedback terms and the words.
    PoolText text =
        interests.clauses().isEmpty() && dislikeQuery == null
            ? null
            : PoolText.read(searcher, pool);
    if (!interests.clauses().isEmpty()) {
      LocalDate today = LocalDate.now(clock);
      Query second = plan.bonusAndPriors(interests.bonuses(), today);
      float[] lexical =
          ExactPoolScores.scores(
              searcher,
              pool,
              text,
              new BooleanQuery.Builder()
                  .add(interests.exactQuery(), Occur.SHOULD)
                  .add(second, Occur.SHOULD)
                  .build(),
              today);
      signals.add(lexical);
      if (interests.words() != null) {
        words.add(interests.words());
      }
      if (pool.length >= 2 * FEEDBACK_PAPERS) {
        // The topic's own feedback terms, as search uses them (likes added to the feedback papers
        // measured no better).
        Integer[] order = RankFusion.byScore(lexical);
        ScoreDoc[] best = new ScoreDoc[FEEDBACK_PAPERS];
        double[] weights = new double[best.length];
        for (int i = 0; i < best.length; i++) {
          best[i] = pool[order[i]];
          weights[i] = lexical[order[i]];
        }
        Map<String, Double> terms = feedbackTerms(searcher, text, best, weights);
        if (!terms.isEmpty()) {
          words.add(FeedbackTerms.query(terms));
        }
      }
    }
    if (dislikeQuery != null) {
      words.add(dislikeQuery);
    }
    // The topics' words, their feedback terms and the disliked papers' words in one pass over the
    // pool's postings (they share many words).
    float[][] scores = PoolScores.of(searcher, pool, text, words);
    int signalsFromWords = dislikeQuery == null ? scores.length : scores.length - 1;
    signals.addAll(Arrays.asList(scores).subList(0, signalsFromWords));
    if (likeScores != null) {
      signals.add(likeScores);
    }
    float[] negative = dislikeQuery == null ? null : scores[scores.length - 1];
    return RankFusion.fuse(pool, signals, negative);
  }

  /**
   * For each shown paper that the like model placed among the candidates' best ({@link
   * #RESEMBLES_WITHIN}), the title of the liked paper it shares most learned words with (by their
   * weights); else null. Read from the papers' text, which is loaded for the page anyway.
   */
  private String[] resembles(
      IndexSearcher searcher,
      InterestProfile profile,
      float[] likeScores,
      ScoreDoc[] pool,
      ScoreDoc[] page,
      List<Paper> shown)
      throws IOException {
    String[] titles = new String[page.length];
    if (likeScores == null || page.length == 0) {
      return titles;
    }
    Integer[] order = RankFusion.byScore(likeScores);
    Set<Integer> close = new HashSet<>();
    for (int rank = 0; rank < Math.min(RESEMBLES_WITHIN, order.length); rank++) {
      if (likeScores[order[rank]] > 0) {
        close.add(pool[order[rank]].doc);
      }
    }
    List<Map.Entry<String, Double>> learned =
        positiveTerms(profile).stream().limit(MODEL_TERMS).toList();
    List<Paper> liked = papers(searcher, profile.liked(), NAMED_LIKES);
    List<String> likedText = liked.stream().map(ProfileRanker::lowerText).toList();
    for (int i = 0; i < page.length; i++) {
      if (!close.contains(page[i].doc)) {
        continue;
      }
      String text = lowerText(shown.get(i));
      double best = 0;
      for (int j = 0; j < liked.size(); j++) {
        double shared = 0;
        for (Map.Entry<String, Double> term : learned) {
          if (text.contains(term.getKey()) && likedText.get(j).contains(term.getKey())) {
            shared += term.getValue();
          }
        }
        if (shared > best) {
          best = shared;
          titles[i] = liked.get(j).displayTitle();
        }
      }
    }
    return titles;
  }

  private static String lowerText(Paper paper) {
    return (Objects.toString(paper.title(), "") + " " + paper.abstractText())
        .toLowerCase(Locale.ROOT);
  }

  /** The member's positively learned terms, heaviest first. */
  private static List<Map.Entry<String, Double>> positiveTerms(InterestProfile profile) {
    return profile.learned().entrySet().stream()
        .filter(term -> term.getValue() > 0)
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .toList();
  }

  /**
   * The member's like model ({@code positive}) or dislike model as one weighted query over title
   * and abstract: the {@code limit} heaviest learned terms of that sign, each weighted by its
   * learned weight (see {@code PaperIndex.likeTerms}); null when there are none. {@code
   * approximate} matches several words by their word pairs (a first pass), else as phrases.
   */
  Query modelQuery(InterestProfile profile, boolean positive, int limit, boolean approximate) {
    List<Map.Entry<String, Double>> terms =
        profile.learned().entrySet().stream()
            .filter(term -> positive ? term.getValue() > 0 : term.getValue() < 0)
            .sorted(
                Comparator.comparingDouble(
                        (Map.Entry<String, Double> term) -> -Math.abs(term.getValue()))
                    .thenComparing(Map.Entry::getKey))
            .limit(limit)
            .toList();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean any = false;
    for (Map.Entry<String, Double> term : terms) {
      float weight = (float) Math.abs(term.getValue());
      for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
        Query match =
            approximate
                ? plan.matchQuery(field, term.getKey())
                : plan.fieldQuery(field, term.getKey(), 0);
        if (match != null) {
          query.add(new BoostQuery(match, weight), Occur.SHOULD);
          any = true;
        }
      }
    }
    return any ? query.build() : null;
  }

  /**
   * The indexed papers with these ids (the first {@code limit}, most recent first), skipping any no
   * longer indexed.
   */
  private static List<Paper> papers(IndexSearcher searcher, List<String> ids, int limit)
      throws IOException {
    List<Paper> papers = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(ids.size(), limit))) {
      PaperDocuments.first(searcher, new Term(PaperFields.ID, id)).ifPresent(papers::add);
    }
    return papers;
  }

  private static List<Paper> papers(
      IndexSearcher searcher, ScoreDoc[] hits, Map<Integer, Paper> loaded) throws IOException {
    return Ranker.papers(searcher, hits, loaded);
  }

  private static Query withExclusions(Query query, List<Query> exclusions) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.SHOULD);
    exclusions.forEach(q -> builder.add(q, Occur.MUST_NOT));
    return builder.build();
  }

  /** Upvotes count more in a digest than in search: a digest is about what is trending. */
  static final float DIGEST_UPVOTE_WEIGHT = 2f;

  /** Interest matches the trending blend reorders when a digest looks past its date window. */
  static final int DIGEST_WINDOW = 50;

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
    Interests interests = interests(profile, false);
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
    exclusions(excluded, false).forEach(q -> query.add(q, Occur.MUST_NOT));
    // With a like model, a wider window is found and the model reorders it, as in the feed.
    boolean learning = !profile.learned().isEmpty();
    int wanted = learning ? Math.max(DIGEST_WINDOW, request.limit()) : request.limit();
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
      hits = learned(searcher, profile, hits, loaded);
    }
    hits = Arrays.copyOf(hits, Math.min(hits.length, request.limit()));
    DocMatcher matcher = new DocMatcher(searcher);
    List<Recommendation> items = new ArrayList<>();
    List<Paper> papers = papers(searcher, hits, loaded);
    for (int i = 0; i < papers.size(); i++) {
      Paper paper = papers.get(i);
      int doc = hits[i].doc;
      items.add(
          new Recommendation(
              paper,
              hits[i].score,
              Snippets.lead(paper),
              matching(matcher, doc, interests.topics()),
              matching(matcher, doc, interests.authors()),
              trending(paper)));
    }
    return new Recommendations(items, top.totalHits.value(), 0);
  }

  /**
   * A digest's papers reordered by reciprocal-rank fusion of the digest's own ranking (topics,
   * upvotes, recency) and the member's like model trained against them, with resemblance to
   * disliked papers taking rank off: the learning of the feed. Each keeps its digest score, which
   * the planner's minimum applies to.
   */
  private ScoreDoc[] learned(
      IndexSearcher searcher, InterestProfile profile, ScoreDoc[] hits, Map<Integer, Paper> loaded)
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
    Query dislikeQuery = modelQuery(profile, false, MODEL_TERMS, false);
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
   * yet.
   */
  public Recommendations trending(IndexSearcher searcher, int limit) throws IOException {
    TopDocs top = searcher.search(plan.priors(LocalDate.now(clock)), limit);
    List<Recommendation> items = new ArrayList<>();
    List<Paper> papers = PaperDocuments.papersOf(searcher, top.scoreDocs);
    for (int i = 0; i < papers.size(); i++) {
      items.add(
          new Recommendation(
              papers.get(i),
              top.scoreDocs[i].score,
              Snippets.lead(papers.get(i)),
              List.of(),
              List.of(),
              trending(papers.get(i))));
    }
    return new Recommendations(items, top.totalHits.value(), 0);
  }

  /**
   * What the recency and upvote prior add for this paper: the same formulas Lucene's feature
   * queries apply.
   */
  double trending(Paper paper) {
    double value = 0;
    if (paper.published() != null) {
      long days = Math.abs(ChronoUnit.DAYS.between(paper.published(), LocalDate.now(clock)));
      value +=
          QueryPlan.RECENCY_WEIGHT
              * QueryPlan.RECENCY_PIVOT_DAYS
              / (double) (QueryPlan.RECENCY_PIVOT_DAYS + days);
    }
    if (paper.upvotes() > 0) {
      value +=
          QueryPlan.UPVOTE_WEIGHT * paper.upvotes() / (paper.upvotes() + QueryPlan.UPVOTE_PIVOT);
    }
    return value;
  }

  /**
   * A profile's interests as queries: per topic and per followed author (named, to explain hits),
   * every clause that may match, and the topics' phrase bonuses for the second pass.
   */
  private record Interests(
      Map<String, Query> topics,
      Map<String, Query> authors,
      List<Query> clauses,
      List<Query> exactClauses,
      List<Query> bonuses,
      List<Query> highlights,
      Query words) {
    /**
     * True when the clauses find phrases by word pairs, so a window must be scored again exactly.
     */
    boolean approximate() {
      return !clauses.equals(exactClauses);
    }

    /** Any interest, with real phrases. */
    Query exactQuery() {
      return QueryPlan.anyOf(exactClauses);
    }

    /**
     * Scores a paper by its exact interest match plus {@code extra}; papers without a match do not
     * qualify.
     */
    Query exactly(Query extra) {
      return new BooleanQuery.Builder()
          .add(exactQuery(), Occur.MUST)
          .add(extra, Occur.SHOULD)
          .build();
    }

    /** The interests' words as real phrases, for snippets. */
    Query highlightQuery() {
      return QueryPlan.anyOf(highlights);
    }
  }

  /**
   * The profile's interests. {@code loose} (the feed) matches a topic as search matches a query,
   * any of its words with the whole topic ranked first; otherwise (digests) every word of a topic
   * must match. Learned terms never widen the candidates here: the like model reorders them.
   * Why-lines name a topic only when all of it matches.
   */
  private Interests interests(InterestProfile profile, boolean loose) {
    Map<String, Query> topics = new LinkedHashMap<>();
    List<Query> clauses = new ArrayList<>();
    List<Query> exactClauses = new ArrayList<>();
    List<Query> bonuses = new ArrayList<>();
    List<Query> highlights = new ArrayList<>();
    List<Query> words = new ArrayList<>();
    profile.topics().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(topic -> {
          List<Concept> concepts =
              expander.concepts(ChatWords.subject(QueryWords.of(topic.getKey())));
          QueryPlan.TextQuery strict = plan.textQuery(concepts, true);
          if (strict != null) {
            float weight = topic.getValue().floatValue();
            QueryPlan.TextQuery text = loose ? plan.textQuery(concepts, false) : strict;
            clauses.add(new BoostQuery(text.match(), weight));
            exactClauses.add(new BoostQuery(text.exact(), weight));
            topics.put(topic.getKey(), new BoostQuery(strict.exact(), weight));
            highlights.add(text.highlight());
            words.add(new BoostQuery(plan.bagOfWords(concepts), weight));
            if (text.bonus() != null) {
              bonuses.add(new BoostQuery(text.bonus(), weight));
            }
          }
        });
    Map<String, Query> authors = authorQueries(profile);
    for (List<Query> list : List.of(clauses, exactClauses)) {
      list.addAll(authors.values());
    }
    return new Interests(
        topics,
        authors,
        clauses,
        exactClauses,
        bonuses,
        highlights,
        words.isEmpty() ? null : QueryPlan.anyOf(words));
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

  /**
   * Muted terms anywhere in title, abstract or authors; seen, liked and dismissed papers unless
   * asked for.
   */
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
      profile.liked().forEach(id -> ids.add(new BytesRef(id)));
      if (!ids.isEmpty()) {
        exclusions.add(new TermInSetQuery(PaperFields.ID, ids));
      }
    }
    return exclusions;
  }

  private static List<String> matching(DocMatcher matcher, int doc, Map<String, Query> named)
      throws IOException {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Query> entry : named.entrySet()) {
      if (matcher.matches(doc, entry.getValue())) {
        names.add(entry.getKey());
      }
    }
    return names;
  }
}
