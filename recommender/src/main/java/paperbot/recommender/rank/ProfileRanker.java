package paperbot.recommender.rank;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
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
 * The personal feed ({@code /papers} without a query): candidates from the member's topics,
 * followed authors and like model, muted and already seen or dismissed papers excluded, ranked by
 * fusing the topic match with the member's stored like model ({@link LikeModel}); what dislikes
 * taught pushes similar candidates down. Digests are {@link DigestRanker}'s.
 */
public final class ProfileRanker {
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
   * Learned terms that find the like candidates, matched by their word-pair terms where the index
   * has them (no positions read). The candidates are then ranked by the whole model, so the first
   * pass only has to reach them: 20 terms found candidates as good as 60 (dev feed 0.669 against
   * 0.670) with a third of the clauses, the largest first pass of a feed request at a million
   * papers.
   */
  static final int LIKE_QUERY_TERMS = 20;

  /**
   * The like model's votes in the fusion, beside one each for the topics' structured match, their
   * plain words and their feedback terms. Those three all read the topic's words and mostly agree,
   * while the likes are the only evidence of what the member wants within the topic. Measured on 70
   * members of three judged sets (docs/ranking.md, twenty-first session): feed +0.013 over one vote
   * (35 members better, 21 worse), +0.029 on the 24 members of the set no earlier change was tuned
   * on; two votes measured the same, three lost.
   */
  static final double LIKE_MODEL_VOTES = 1.5;

  /** Likes a why-line may name. */
  static final int NAMED_LIKES = 10;

  /**
   * A shown paper is "like" a liked one when the like model ranks it this high among the
   * candidates.
   */
  static final int RESEMBLES_WITHIN = 20;

  private final Analyzer analyzer;
  private final QueryPlan plan;
  private final ProfileQueries queries;
  private final Clock clock;

  public ProfileRanker(Analyzer analyzer, QueryExpander expander, Clock clock) {
    this.analyzer = analyzer;
    this.plan = new QueryPlan(analyzer);
    this.queries = new ProfileQueries(expander, plan);
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
   * rank off. The topics (and the followed authors, together) then take turns on the page by their
   * weights ({@link InterestShares}). See docs/ranking.md.
   */
  public Recommendations recommend(IndexSearcher searcher, ProfileQuery request)
      throws IOException {
    InterestProfile profile = request.profile();
    Interests interests = queries.interests(profile, true, searcher.getIndexReader());
    Query likeQuery = queries.modelQuery(profile, true, LIKE_QUERY_TERMS, true);
    if (interests.clauses().isEmpty() && likeQuery == null) {
      return new Recommendations(List.of(), 0, request.offset());
    }
    List<Query> exclusions = queries.exclusions(profile, request.includeSeen());
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
              ProfileQueries.withExclusions(KnownTerms.bind(searcher, likeQuery), exclusions),
              LIKE_CANDIDATES);
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
    List<Paper> papers = Ranker.papers(searcher, page, loaded);
    String[] snippets =
        page.length == 0
            ? new String[0]
            : Snippets.of(searcher, analyzer, interests.highlightQuery(), page, papers);
    String[] resembles = resembles(searcher, profile, likeScores, pool, page, papers);
    DocMatcher matcher = new DocMatcher(searcher);
    LocalDate today = LocalDate.now(clock);
    List<Recommendation> items = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      Paper paper = papers.get(i);
      List<String> topics = matcher.names(page[i].doc, interests.topics());
      items.add(
          new Recommendation(
              paper,
              page[i].score,
              Snippets.orLead(snippets[i], paper),
              topics,
              matcher.names(page[i].doc, interests.authors()),
              TrendingPrior.of(paper, today),
              resembles[i],
              // Named so a paper picked for part of a topic never says it was picked for likes.
              topics.isEmpty() ? matcher.names(page[i].doc, interests.partly()) : List.of()));
    }
    return new Recommendations(items, total, atLeast, request.offset());
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
    Query dislikeQuery = queries.dislikeQuery(profile);
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
      covered(searcher, interests, pool, text, lexical);
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
        Map<String, Double> terms = FeedbackTerms.ofPool(searcher, analyzer, text, best, weights);
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
    double[] votes = new double[signals.size()];
    Arrays.fill(votes, 1);
    if (likeScores != null) {
      votes[votes.length - 1] = LIKE_MODEL_VOTES;
    }
    // A topic of two concepts is usually a term of art: papers naming it come first, as in search.
    ScoreDoc[] fused =
        PhraseFirst.order(
            searcher,
            interests.namedTogether(),
            RankFusion.fuse(pool, signals, votes, negative),
            pool.length);
    // Every topic (and the followed authors, together) shows on the first pages, by its weight.
    return InterestShares.share(searcher, interests, profile.topics(), fused);
  }

  /**
   * Each candidate's topic score times its best share of a topic's concepts, squared ({@link
   * ConceptCoverage}), as search weighs a query's: a paper that has all of one topic keeps its
   * score, as does a followed author's paper. Unchanged when no topic has two concepts.
   */
  private static void covered(
      IndexSearcher searcher, Interests interests, ScoreDoc[] pool, PoolText text, float[] scores)
      throws IOException {
    if (interests.coverages().stream().noneMatch(ConceptCoverage::counts)) {
      return;
    }
    double[] best = new double[pool.length];
    for (ConceptCoverage coverage : interests.coverages()) {
      double[] factors = coverage.factors(searcher, pool, text);
      for (int i = 0; i < pool.length; i++) {
        best[i] = Math.max(best[i], factors[i]);
      }
    }
    if (!interests.authors().isEmpty()) {
      boolean[] byAuthor =
          new DocMatcher(searcher)
              .matching(pool, QueryPlan.anyOf(List.copyOf(interests.authors().values())));
      for (int i = 0; i < pool.length; i++) {
        best[i] = byAuthor[i] ? 1 : best[i];
      }
    }
    for (int i = 0; i < pool.length; i++) {
      scores[i] *= (float) best[i];
    }
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
        positiveTerms(profile).stream().limit(ProfileQueries.MODEL_TERMS).toList();
    List<Paper> liked = papers(searcher, profile.liked(), NAMED_LIKES);
    List<String> likedText = liked.stream().map(ProfileRanker::lowerText).toList();
    for (int i = 0; i < page.length; i++) {
      if (!close.contains(page[i].doc)) {
        continue;
      }
      String text = lowerText(shown.get(i));
      double best = 0;
      for (int j = 0; j < liked.size(); j++) {
        if (liked.get(j).id().equals(shown.get(i).id())) {
          // A liked paper shown again (in /papers all) is not "like" itself.
          continue;
        }
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
}
