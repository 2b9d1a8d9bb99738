package paperbot.recommender.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * arXiv and Hugging Face sources against a local server serving fixtures in each source's format.
 */
final class LiveSourcesTest {
  @TempDir Path dir;
  FixtureServer server;
  PoliteHttp http = new PoliteHttp(Duration.ZERO, Duration.ofMillis(10));

  @BeforeEach
  void start() throws Exception {
    server = new FixtureServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String entry(String id, String title, String summary) {
    return "<entry><id>http://arxiv.org/abs/"
        + id
        + "v2</id><updated>2026-11-20T18:00:00Z</updated>"
        + "<published>2026-11-19T17:59:59Z</published><title>"
        + title
        + "</title><summary>\n  "
        + summary
        + "\n</summary><author><name>Ana Li</name></author><author><name>Bo Chen</name></author>"
        + "<link href=\"http://arxiv.org/abs/"
        + id
        + "v2\" rel=\"alternate\" type=\"text/html\"/>"
        + "<arxiv:primary_category xmlns:arxiv=\"http://arxiv.org/schemas/atom\" term=\"cs.LG\"/>"
        + "<category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/>"
        + "<category term=\"cs.RO\" scheme=\"http://arxiv.org/schemas/atom\"/></entry>";
  }

  static String feed(long total, String... entries) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
        + "xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\"><title>ArXiv Query</title>"
        + "<opensearch:totalResults>"
        + total
        + "</opensearch:totalResults>"
        + String.join("", entries)
        + "</feed>";
  }

  static Deadline patient() {
    return Deadline.in(Duration.ofMinutes(1));
  }

  static SourceRequest query(String query, int max) {
    return new SourceRequest(query, max, null, null, patient(), n -> {});
  }

  static SourceRequest day(LocalDate day) {
    return new SourceRequest("", 10, day, null, patient(), n -> {});
  }

  private List<String> pagedArxiv() {
    List<String> firstPage = pageOfEntries();
    server.script(
        "/api/query",
        new FixtureServer.Answer(200, feed(102, firstPage.toArray(String[]::new)), Map.of()),
        new FixtureServer.Answer(
            200,
            feed(
                102,
                entry("2611.00100", "Paper number 100", "More policies."),
                "<entry><id>http://arxiv.org/abs/2611.00101v1</id><title>No abstract</title></entry>"),
            Map.of()));
    return firstPage;
  }

  @Test
  void arxivPagesThroughResultsAndRejectsMalformedEntries() throws Exception {
    pagedArxiv();
    List<Integer> progress = new ArrayList<>();
    Fetched fetched =
        new ArxivSource(http, server.url("/api/query"), ArxivSource.DEFAULT_CATEGORIES)
            .fetch(new SourceRequest("", 500, null, null, patient(), progress::add));
    assertThat(fetched.papers()).hasSize(101);
    assertThat(fetched.rejected()).isEqualTo(1);
    assertThat(fetched.problems())
        .singleElement()
        .asString()
        .contains("2611.00101 has no abstract");
    assertThat(progress).containsExactly(100, 102);
    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(1).getQuery()).contains("start=100", "cat:cs.LG+OR+cat:cs.AI");
    Paper first = fetched.papers().get(0);
    assertThat(first.id()).isEqualTo("2611.00000");
    assertThat(first.authors()).containsExactly("Ana Li", "Bo Chen");
    assertThat(first.published()).isEqualTo(LocalDate.of(2026, 11, 19));
    assertThat(first.categories()).containsExactly("cs.LG", "cs.RO");
    assertThat(first.abstractText()).isEqualTo("An abstract about policies 0");
  }

  /** A busy day has more papers than one page of the API holds (at most 100). */
  @Test
  void hfDailyPapersOfABusyDayAreReadPageByPage() throws Exception {
    server.script(
        "/api/daily_papers",
        new FixtureServer.Answer(200, hfPage(0, HfDailySource.PAGE_SIZE), Map.of()),
        new FixtureServer.Answer(200, hfPage(HfDailySource.PAGE_SIZE, 7), Map.of()));
    Fetched fetched =
        new HfDailySource(http, server.url("/api/daily_papers"))
            .fetch(day(LocalDate.of(2026, 11, 21)));
    assertThat(fetched.papers()).hasSize(HfDailySource.PAGE_SIZE + 7);
    assertThat(server.requests).hasSize(2);
    assertThat(server.requests.get(1).getQuery()).isEqualTo("p=1&limit=100&date=2026-11-21");
  }

  @Test
  void aServerThatIgnoresThePageNumberIsNotReadForever() throws Exception {
    server.script(
        "/api/daily_papers",
        new FixtureServer.Answer(200, hfPage(0, HfDailySource.PAGE_SIZE), Map.of()));
    Fetched fetched =
        new HfDailySource(http, server.url("/api/daily_papers"))
            .fetch(day(LocalDate.of(2026, 11, 21)));
    assertThat(fetched.papers()).hasSize(HfDailySource.PAGE_SIZE);
    assertThat(server.requests).as("the repeated page ends the reading").hasSize(2);
  }

  /** Hugging Face daily papers {@code from}, {@code from + 1}, ... as the API lists them. */
  private static String hfPage(int from, int count) {
    List<String> items = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      items.add(
          String.format(
              "{\"paper\":{\"id\":\"2611.%05d\",\"title\":\"Daily paper %d\","
                  + "\"summary\":\"About policies %d.\",\"upvotes\":%d,"
                  + "\"publishedAt\":\"2026-11-20T12:00:00.000Z\"},"
                  + "\"title\":\"Daily paper %d\"}",
              i, i, i, i, i));
    }
    return "[" + String.join(",", items) + "]";
  }

  /** arXiv's API sometimes answers a page inside its results with no entries. */
  @Test
  void anEmptyPageInsideTheResultsIsAskedForAgain() throws Exception {
    String firstPage = feed(102, pageOfEntries().toArray(String[]::new));
    String secondPage = feed(102, entry("2611.00100", "Paper number 100", "More policies."));
    server.script(
        "/api/query",
        new FixtureServer.Answer(200, firstPage, Map.of()),
        new FixtureServer.Answer(200, feed(102), Map.of()),
        new FixtureServer.Answer(200, feed(102), Map.of()),
        new FixtureServer.Answer(200, secondPage, Map.of()));
    Fetched fetched =
        new ArxivSource(http, server.url("/api/query"), ArxivSource.DEFAULT_CATEGORIES)
            .fetch(query("", 500));
    assertThat(fetched.papers()).hasSize(101);
    assertThat(fetched.brokenPages()).isZero();
    assertThat(server.requests).hasSize(4);
    assertThat(server.requests.get(3).getQuery()).contains("start=100");
  }

  @Test
  void aPageThatStaysEmptyIsABrokenPageAndThePapersBeforeItAreKept() throws Exception {
    server.script(
        "/api/query",
        new FixtureServer.Answer(200, feed(250, pageOfEntries().toArray(String[]::new)), Map.of()),
        new FixtureServer.Answer(200, feed(250), Map.of()));
    Fetched fetched =
        new ArxivSource(http, server.url("/api/query"), ArxivSource.DEFAULT_CATEGORIES)
            .fetch(query("", 500));
    assertThat(fetched.papers()).hasSize(ArxivSource.PAGE_SIZE);
    assertThat(fetched.brokenPages()).isEqualTo(1);
    assertThat(fetched.problems())
        .singleElement()
        .asString()
        .contains("no entries at 100 of its 250 results");
    assertThat(server.requests).hasSize(2 + ArxivSource.EMPTY_PAGE_RETRIES);
  }

  @Test
  void noResultsAtAllIsAnEmptyAnswerAskedOnce() throws Exception {
    server.script("/api/query", new FixtureServer.Answer(200, feed(0), Map.of()));
    Fetched fetched =
        new ArxivSource(http, server.url("/api/query"), ArxivSource.DEFAULT_CATEGORIES)
            .fetch(query("all:quokka", 50));
    assertThat(fetched.papers()).isEmpty();
    assertThat(fetched.brokenPages()).isZero();
    assertThat(server.requests).hasSize(1);
  }

  private static List<String> pageOfEntries() {
    List<String> page = new ArrayList<>();
    for (int i = 0; i < ArxivSource.PAGE_SIZE; i++) {
      page.add(
          entry(
              String.format("2611.%05d", i),
              "Paper number " + i,
              "An abstract about policies " + i));
    }
    return page;
  }

  @Test
  void aTruncatedFeedKeepsTheEntriesBeforeTheBreak() throws Exception {
    String truncated =
        feed(
                    3,
                    entry("2611.00001", "Kept one", "Abstract one."),
                    entry("2611.00002", "Kept two", "Abstract two."))
                .replace("</feed>", "")
            + "<entry><id>http://arxiv.org/abs/2611.00003v1</id><title>Cut";
    server.script("/api/query", new FixtureServer.Answer(200, truncated, Map.of()));
    Fetched fetched =
        new ArxivSource(http, server.url("/api/query"), List.of()).fetch(query("all:kept", 10));
    assertThat(fetched.papers()).extracting(Paper::id).containsExactly("2611.00001", "2611.00002");
    assertThat(fetched.rejected()).isEqualTo(1);
    assertThat(fetched.problems()).anyMatch(p -> p.startsWith("arxiv feed broken after 2 entries"));
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedWithBackoff() throws Exception {
    server.script(
        "/api/query",
        new FixtureServer.Answer(429, "slow down", Map.of("Retry-After", "0")),
        new FixtureServer.Answer(503, "busy", Map.of()),
        new FixtureServer.Answer(
            200, feed(1, entry("2611.00009", "After retries", "Abstract.")), Map.of()));
    Fetched fetched =
        new ArxivSource(http, server.url("/api/query"), List.of("cs.LG")).fetch(query("", 10));
    assertThat(fetched.papers()).extracting(Paper::title).containsExactly("After retries");
    assertThat(server.requests).hasSize(3);

    server.script("/gone", new FixtureServer.Answer(500, "down", Map.of()));
    assertThatThrownBy(() -> http.get(java.net.URI.create(server.url("/gone"))))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("failed after 4 attempts");
    server.script("/missing", new FixtureServer.Answer(404, "no", Map.of()));
    assertThatThrownBy(() -> http.get(java.net.URI.create(server.url("/missing"))))
        .hasMessageContaining("answered 404");
  }

  @Test
  void requestsArePacedAsArxivAsks() throws Exception {
    server.script("/api/query", new FixtureServer.Answer(200, feed(0), Map.of()));
    PoliteHttp paced = new PoliteHttp(Duration.ofMillis(300), Duration.ofMillis(10));
    long start = System.nanoTime();
    paced.get(java.net.URI.create(server.url("/api/query")));
    paced.get(java.net.URI.create(server.url("/api/query")));
    paced.get(java.net.URI.create(server.url("/api/query")));
    // Three requests need at least two pacing intervals between them (a lower bound, not a timing
    // benchmark).
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void hfDailyPapersCarryUpvotesAndMalformedItemsAreCounted() throws Exception {
    server.script(
        "/api/daily_papers",
        new FixtureServer.Answer(
            200,
            """
            [{"paper":{"id":"2611.01234","title":"Trending Diffusion Policies","summary":"We study diffusion policies.",
              "authors":[{"name":"Ana Li","hidden":false}],"publishedAt":"2026-11-20T12:00:00.000Z","upvotes":42},
              "publishedAt":"2026-11-21T00:00:00.000Z","title":"Trending Diffusion Policies","numComments":3},
             {"paper":{"id":"not-an-id","title":"Broken","summary":"x"}},
             {"paper":{"id":"2611.09999","summary":"no title"}}]
            """,
            Map.of()));
    Fetched fetched =
        new HfDailySource(http, server.url("/api/daily_papers"))
            .fetch(day(LocalDate.of(2026, 11, 21)));
    assertThat(fetched.papers())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.upvotes()).isEqualTo(42);
          assertThat(p.published()).isEqualTo(LocalDate.of(2026, 11, 20));
        });
    assertThat(fetched.rejected()).isEqualTo(2);
    assertThat(server.requests.get(0).getQuery()).isEqualTo("p=0&limit=100&date=2026-11-21");
    server.script(
        "/api/daily_papers", new FixtureServer.Answer(200, "[{\"paper\": {\"id\": ", Map.of()));
    Fetched cut = new HfDailySource(http, server.url("/api/daily_papers")).fetch(day(null));
    assertThat(cut.papers()).isEmpty();
    assertThat(cut.brokenPages()).isEqualTo(1);
  }

  @Test
  void liveSourcesMergeIntoTheSeedCorpus() throws Exception {
    try (LucenePaperIndex index =
        LucenePaperIndex.open(dir.resolve("index"), QueryExpander.defaults(), Clock.systemUTC())) {
      SeedIndexer.ensureCurrent(
          CorpusService.indexOnly(index), Path.of("..", "seeds"), Clock.systemUTC());
      Paper seed =
          index
              .findByTitle("Diffusion Policy: Visuomotor Policy Learning via Action Diffusion")
              .orElseThrow();
      CorpusUpdater updater = new CorpusUpdater(CorpusService.indexOnly(index));

      Fetched arxiv =
          new Fetched(
              List.of(
                  new Paper(
                      "2303.04137",
                      "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
                      List.of(),
                      seed.abstractText(),
                      List.of("Cheng Chi", "Siyuan Feng"),
                      false,
                      2,
                      LocalDate.of(2023, 3, 7),
                      false,
                      0,
                      List.of("cs.RO"),
                      null,
                      List.of(),
                      List.of(
                          new paperbot.recommender.corpus.SourceRecord("arxiv", 0, "arxiv-atom"))),
                  new Paper(
                      "2611.77777",
                      "A Brand New Paper on Gflownets",
                      List.of(),
                      "Generative flow networks again.",
                      List.of(),
                      false,
                      null,
                      LocalDate.of(2026, 11, 20),
                      false,
                      0,
                      List.of(),
                      null,
                      List.of(),
                      List.of())),
              1,
              List.of("one bad entry"));
      IngestSummary summary = updater.apply(arxiv);
      assertThat(summary.line())
          .isEqualTo("fetched=2 new=1 updated=0 merged=1 rejected=1 broken_pages=0");
      assertThat(index.size()).isEqualTo(304);
      Paper joined = index.get("2303.04137").orElseThrow();
      assertThat(joined.authors()).containsExactly("Cheng Chi", "Siyuan Feng");
      assertThat(index.get(seed.id())).get().extracting(Paper::id).isEqualTo("2303.04137");
      assertThat(
              index
                  .search(SearchRequest.firstPage("a brand new paper on gflownets", 1))
                  .hits()
                  .get(0)
                  .paper()
                  .id())
          .isEqualTo("2611.77777");

      IngestSummary upvotes =
          updater.apply(
              new Fetched(
                  List.of(
                      new Paper(
                          "2303.04137",
                          "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
                          List.of(),
                          "short",
                          List.of(),
                          false,
                          null,
                          null,
                          false,
                          17,
                          List.of(),
                          null,
                          List.of(),
                          List.of())),
                  0,
                  List.of()));
      assertThat(upvotes.line())
          .isEqualTo("fetched=1 new=0 updated=1 merged=0 rejected=0 broken_pages=0");
      assertThat(index.get("2303.04137").orElseThrow().upvotes()).isEqualTo(17);
      assertThat(index.get("2303.04137").orElseThrow().abstractText())
          .isEqualTo(seed.abstractText());
    }
  }

  @Test
  void jsonLinesRoundTripAndBadLinesAreRejectedByLine() throws Exception {
    Path file = dir.resolve("papers.jsonl");
    Paper paper =
        new Paper(
            "2611.00042",
            "Exported",
            List.of("Old title"),
            "Text.",
            List.of("Ana"),
            false,
            1,
            LocalDate.of(2026, 1, 2),
            true,
            3,
            List.of("cs.LG"),
            null,
            List.of(),
            List.of());
    assertThat(JsonLinesFile.write(file, List.of(paper))).isEqualTo(1);
    Files.writeString(file, Files.readString(file) + "{not json}\n\n");
    Fetched read = JsonLinesFile.read(file);
    assertThat(read.papers()).containsExactly(paper);
    assertThat(read.problems()).containsExactly("papers.jsonl:2: not a paper record");
  }

  @Test
  void theDailyListingFeedIsReadPerCategory() throws Exception {
    String rss =
        """
        <?xml version='1.0' encoding='UTF-8'?>
        <rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" version="2.0">
        <channel><title>cs.LG updates on arXiv.org</title>
        <item><title>Listed Offline RL Paper</title><link>https://arxiv.org/abs/2611.20001</link>
          <description>arXiv:2611.20001v1 Announce Type: new
        Abstract: We study offline reinforcement learning from listings.</description>
          <guid isPermaLink="false">oai:arXiv.org:2611.20001v1</guid><category>cs.LG</category>
          <pubDate>Mon, 23 Nov 2026 00:00:00 -0500</pubDate><arxiv:announce_type>new</arxiv:announce_type>
          <dc:creator>Ana Li, Bo Chen</dc:creator></item>
        <item><title>No abstract here</title><link>https://arxiv.org/abs/2611.20002</link>
          <description>arXiv:2611.20002v1 Announce Type: new</description></item>
        </channel></rss>\
        """;
    server.script("/rss/cs.LG", new FixtureServer.Answer(200, rss, Map.of()));
    server.script(
        "/rss/cs.AI",
        new FixtureServer.Answer(200, rss.substring(0, rss.indexOf("<item><title>No")), Map.of()));
    Fetched fetched =
        new ArxivListingSource(http, server.url("/rss"), List.of("cs.LG", "cs.AI"))
            .fetch(day(null));
    assertThat(fetched.papers()).extracting(Paper::id).containsExactly("2611.20001", "2611.20001");
    Paper listed = fetched.papers().get(0);
    assertThat(listed.authors()).containsExactly("Ana Li", "Bo Chen");
    assertThat(listed.abstractText())
        .isEqualTo("We study offline reinforcement learning from listings.");
    assertThat(listed.published()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(fetched.rejected()).isEqualTo(1);
    assertThat(fetched.problems())
        .anyMatch(p -> p.contains("2611.20002 lacks a title or abstract"))
        .anyMatch(p -> p.startsWith("arxiv listing broken after 1 items"));
  }
}
