package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.ingest.SeedIndexer;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * Search and feed quality on the shared development judgments ({@code ../shared/eval-dev} beside
 * the clone, 22 researcher queries graded against all 303 seed papers): mean nDCG@10 must stay
 * above a floor, and no query may fall far below plain BM25. The judgments live outside the
 * repository (so the ranking is not tuned on files it ships); those tests are skipped, saying so,
 * where they are absent. The team's 24 judged queries and a third set's 24 (test resources) have
 * floors of their own.
 */
final class DevSetQualityTest {
  private static final int K = 10;

  /** Measured 0.715 (docs/ranking.md); the floor catches a real regression, not noise. */
  private static final double MIN_MEAN_NDCG = 0.70;

  /**
   * No query may score below this: plain BM25 with StandardAnalyzer scores 0.37 to 0.85 per query
   * on this set, and the lowest here was 0.46.
   */
  private static final double MIN_QUERY_NDCG = 0.30;

  /**
   * The personal feed's floor: measured 0.695 against 0.661 for plain search (docs/ranking.md,
   * nineteenth session).
   */
  private static final double MIN_PERSONAL_NDCG = 0.67;

  static final Path JUDGMENTS =
      Path.of("..", "..", "shared", "eval-dev", "judgments.json").toAbsolutePath().normalize();

  /**
   * The team's own judged queries (in the test resources; how they were made is in the file): the
   * development set's figures are what the ranking was tuned on, these are not.
   */
  static final String TEAM_JUDGMENTS = "team-judgments.json";

  /** Measured 0.703 search and 0.670 feed (plain search 0.649) in the nineteenth session. */
  private static final double MIN_TEAM_NDCG = 0.68;

  private static final double MIN_TEAM_PERSONAL_NDCG = 0.65;

  /**
   * A third set by other judges (in the test resources), made after the ranking's design: measured
   * 0.536 search (plain BM25 0.402) and 0.525 feed (plain search 0.471) in the twenty-first
   * session. Its queries have fewer relevant papers, so its figures are lower.
   */
  static final String THIRD_JUDGMENTS = "third-judgments.json";

  private static final double MIN_THIRD_NDCG = 0.51;

  private static final double MIN_THIRD_PERSONAL_NDCG = 0.50;

  @TempDir Path dir;

  @Test
  void developmentQueriesRankTheJudgedPapersFirst() throws IOException {
    assumeTrue(
        Files.isRegularFile(JUDGMENTS),
        "development judgments not found at "
            + JUDGMENTS
            + " (shared/eval-dev beside the clone); skipping the dev-set quality floor");
    double[] meanAndWorst = searchQuality(new ObjectMapper().readTree(JUDGMENTS.toFile()), "dev");
    assertThat(meanAndWorst[0]).isGreaterThanOrEqualTo(MIN_MEAN_NDCG);
    assertThat(meanAndWorst[1]).isGreaterThanOrEqualTo(MIN_QUERY_NDCG);
  }

  @Test
  void theTeamsQueriesRankTheJudgedPapersFirst() throws IOException {
    assertThat(searchQuality(judgments(TEAM_JUDGMENTS), "team")[0])
        .isGreaterThanOrEqualTo(MIN_TEAM_NDCG);
  }

  @Test
  void theThirdSetsQueriesRankTheJudgedPapersFirst() throws IOException {
    assertThat(searchQuality(judgments(THIRD_JUDGMENTS), "third")[0])
        .isGreaterThanOrEqualTo(MIN_THIRD_NDCG);
  }

  private static JsonNode judgments(String resource) throws IOException {
    try (var in = DevSetQualityTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Mean and lowest nDCG@10 of search over the judged queries, each query's printed. */
  private double[] searchQuality(JsonNode judgments, String set) throws IOException {
    JsonNode queries = judgments.get("queries");
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    double total = 0;
    double worst = 1;
    List<String> report = new ArrayList<>();
    try (LucenePaperIndex index =
        LucenePaperIndex.open(dir.resolve("index-" + set), QueryExpander.defaults(), clock)) {
      SeedIndexer.ensureCurrent(CorpusService.indexOnly(index), Path.of("..", "seeds"), clock);
      for (JsonNode query : queries) {
        Map<String, Integer> grades = new HashMap<>();
        query
            .get("relevant")
            .forEach(r -> grades.put(key(r.get("title").asText()), r.get("grade").asInt()));
        List<Paper> ranked =
            index.search(SearchRequest.firstPage(query.get("query").asText(), K)).hits().stream()
                .map(SearchHit::paper)
                .toList();
        double ndcg = ndcg(ranked, grades);
        total += ndcg;
        worst = Math.min(worst, ndcg);
        report.add(
            String.format(
                Locale.ROOT,
                "%s %.3f %s",
                query.get("id").asText(),
                ndcg,
                query.get("query").asText()));
      }
    }
    double mean = total / queries.size();
    System.out.printf(
        Locale.ROOT,
        "%s-set quality: mean ndcg@10=%.3f over %d queries%n  %s%n",
        set,
        mean,
        queries.size(),
        String.join("\n  ", report));
    return new double[] {mean, worst};
  }

  /**
   * The personal feed protocol of {@code personal.py} without the chat: a member saves the query as
   * a topic and likes two core papers; the first ten papers of the next two {@code /papers} (five
   * each) are scored against the judgments without the liked papers, beside the plain search of the
   * topic (liked papers removed).
   */
  @Test
  void aFeedThatKnowsTheLikesBeatsThePlainSearch() throws Exception {
    assumeTrue(
        Files.isRegularFile(JUDGMENTS),
        "development judgments not found at "
            + JUDGMENTS
            + " (shared/eval-dev beside the clone); skipping the personal-feed quality floor");
    assertFeedBeatsPlainSearch(
        new ObjectMapper().readTree(JUDGMENTS.toFile()), "dev", MIN_PERSONAL_NDCG);
  }

  @Test
  void theTeamsMembersFeedsBeatThePlainSearch() throws Exception {
    assertFeedBeatsPlainSearch(judgments(TEAM_JUDGMENTS), "team", MIN_TEAM_PERSONAL_NDCG);
  }

  @Test
  void theThirdSetsMembersFeedsBeatThePlainSearch() throws Exception {
    assertFeedBeatsPlainSearch(judgments(THIRD_JUDGMENTS), "third", MIN_THIRD_PERSONAL_NDCG);
  }

  /** The feed's mean reaches {@code floor} and beats the plain search of the same topics. */
  private void assertFeedBeatsPlainSearch(JsonNode judgments, String set, double floor)
      throws Exception {
    double[] feedAndSearch = feedQuality(judgments, set);
    assertThat(feedAndSearch[0]).isGreaterThanOrEqualTo(floor).isGreaterThan(feedAndSearch[1]);
  }

  /** Mean nDCG@10 of the feed and of the plain search under the protocol, each member's printed. */
  private double[] feedQuality(JsonNode judgments, String set) throws Exception {
    JsonNode queries = judgments.get("queries");
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    double personal = 0;
    double search = 0;
    int members = 0;
    List<String> report = new ArrayList<>();
    try (LucenePaperIndex index =
        LucenePaperIndex.open(dir.resolve("feed-" + set), QueryExpander.defaults(), clock)) {
      SeedIndexer.ensureCurrent(CorpusService.indexOnly(index), Path.of("..", "seeds"), clock);
      for (JsonNode query : queries) {
        String id = query.get("id").asText();
        String text = query.get("query").asText();
        Map<String, Integer> grades = new HashMap<>();
        List<String> core = new ArrayList<>();
        for (JsonNode r : query.get("relevant")) {
          grades.put(key(r.get("title").asText()), r.get("grade").asInt());
          if (r.get("grade").asInt() == 2) {
            core.add(r.get("title").asText());
          }
        }
        core.sort(Comparator.comparing(title -> sha1(id + key(title))));
        List<Paper> liked = new ArrayList<>();
        for (String title : core) {
          index.findByTitle(title).filter(p -> liked.size() < 2).ifPresent(liked::add);
        }
        Map<String, Integer> rest = new HashMap<>(grades);
        liked.forEach(p -> rest.remove(key(p.title())));
        if (liked.isEmpty() || rest.size() < 3) {
          continue;
        }
        List<String> likedIds = liked.stream().map(Paper::id).toList();
        // What /like stores: each liked paper's weighted terms, summed.
        Map<String, Double> learned = new HashMap<>();
        likedIds.forEach(likedId -> learned.putAll(sum(learned, index.likeTerms(likedId))));
        Set<String> seen = new HashSet<>();
        List<Paper> feed = new ArrayList<>();
        for (int call = 0; call < 2; call++) {
          InterestProfile profile =
              new InterestProfile(
                  Map.of(text, 1.0),
                  List.of(),
                  learned,
                  List.of(),
                  seen,
                  Set.of(),
                  List.of(),
                  likedIds);
          List<Paper> shown =
              index.recommend(new ProfileQuery(profile, false, 0, 5)).items().stream()
                  .map(Recommendation::paper)
                  .toList();
          feed.addAll(shown);
          shown.forEach(p -> seen.add(p.id()));
        }
        List<Paper> plain =
            index.search(SearchRequest.firstPage(text, 15)).hits().stream()
                .map(SearchHit::paper)
                .filter(p -> !likedIds.contains(p.id()))
                .limit(K)
                .toList();
        double p = ndcg(feed, rest);
        double b = ndcg(plain, rest);
        personal += p;
        search += b;
        members++;
        report.add(String.format(Locale.ROOT, "%s personal %.3f search %.3f %s", id, p, b, text));
      }
    }
    double mean = personal / members;
    double baseline = search / members;
    System.out.printf(
        Locale.ROOT,
        "%s-set personal feed: mean ndcg@10=%.3f (plain search %.3f) over %d members%n  %s%n",
        set,
        mean,
        baseline,
        members,
        String.join("\n  ", report));
    return new double[] {mean, baseline};
  }

  private static Map<String, Double> sum(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> total = new HashMap<>(a);
    b.forEach((term, weight) -> total.merge(term, weight, Double::sum));
    return total;
  }

  private static String sha1(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-1")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** nDCG@10 as the shared scorer computes it: linear gain, a judged paper counts once. */
  static double ndcg(List<Paper> ranked, Map<String, Integer> grades) {
    double dcg = 0;
    Set<String> counted = new HashSet<>();
    for (int i = 0; i < Math.min(K, ranked.size()); i++) {
      String judged = judgedKey(ranked.get(i), grades);
      if (judged != null && counted.add(judged)) {
        dcg += grades.get(judged) / log2(i + 2);
      }
    }
    List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).limit(K).toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /**
   * The judged name of a paper: its title or an alias, or (untitled papers) the start of its
   * abstract.
   */
  private static String judgedKey(Paper paper, Map<String, Integer> grades) {
    List<String> names = new ArrayList<>();
    names.add(paper.title());
    names.addAll(paper.aliases());
    for (String name : names) {
      if (name != null && grades.containsKey(key(name))) {
        return key(name);
      }
    }
    String start = key(paper.abstractText());
    for (String judged : grades.keySet()) {
      if (judged.length() >= 40
          && start.startsWith(judged.substring(0, Math.min(judged.length(), 60)))) {
        return judged;
      }
    }
    return null;
  }

  static String key(String text) {
    if (text == null) {
      return "";
    }
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("['\u2019\u2018`]", "");
    return folded.replaceAll("[\\W_]+", "");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
