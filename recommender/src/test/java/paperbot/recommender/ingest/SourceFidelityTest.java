package paperbot.recommender.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.rank.DigestQuery;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.rank.Recommendation;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * The live sources as a user meets them, each against a loopback server answering in the service's
 * own format: the arXiv API's Atom (papers and its error entries), arXiv's 2024+ listing RSS with
 * {@code arxiv:announce_type}, and Hugging Face's {@code daily_papers} JSON.
 */
final class SourceFidelityTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  FixtureServer server;
  LucenePaperIndex index;
  PoliteHttp http = new PoliteHttp(Duration.ZERO, Duration.ofMillis(10));

  @BeforeEach
  void start() throws Exception {
    server = new FixtureServer();
    index = LucenePaperIndex.open(dir.resolve("index"), QueryExpander.defaults(), CLOCK);
  }

  @AfterEach
  void stop() {
    index.close();
    server.close();
  }

  private LiveSources sources() {
    return new LiveSources(
        List.of(
            new ArxivSource(http, server.url("/api/query"), List.of("cs.LG")),
            new ArxivListingSource(http, server.url("/rss"), List.of("cs.LG", "cs.RO")),
            new HfDailySource(http, server.url("/api/daily_papers"))),
        new CorpusUpdater(CorpusService.indexOnly(index)),
        CLOCK);
  }

  private static SourceRequest request() {
    return new SourceRequest("", 50, null, null, Deadline.in(Duration.ofMinutes(1)), n -> {});
  }

  /** An arXiv API answer, laid out as export.arxiv.org sends it. */
  static String atom(String... entries) {
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
      <id>https://arxiv.org/api/Hy3nYpqV8Zx2E0mTQk4l1vS9cDs</id>
      <title>arXiv Query: search_query=cat:cs.LG&amp;id_list=&amp;start=0&amp;max_results=50</title>
      <updated>2026-11-24T00:00:00Z</updated>
      <link href="https://arxiv.org/api/query?search_query=cat:cs.LG&amp;start=0&amp;max_results=50" type="application/atom+xml"/>
      <opensearch:itemsPerPage>50</opensearch:itemsPerPage>
      <opensearch:totalResults>%d</opensearch:totalResults>
      <opensearch:startIndex>0</opensearch:startIndex>
    %s
    </feed>
    """
        .formatted(entries.length, String.join("\n", entries));
  }

  static String atomEntry(String idWithVersion, String published, String title, String summary) {
    return """
      <entry>
        <id>http://arxiv.org/abs/%1$s</id>
        <title>%3$s</title>
        <updated>2026-11-23T18:00:00Z</updated>
        <link href="https://arxiv.org/abs/%1$s" rel="alternate" type="text/html"/>
        <link href="https://arxiv.org/pdf/%1$s" rel="related" type="application/pdf" title="pdf"/>
        <summary>%4$s</summary>
        <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
        <published>%2$s</published>
        <arxiv:primary_category term="cs.LG"/>
        <author><name>Ana Li</name></author>
      </entry>
    """
        .formatted(idWithVersion, published, title, summary);
  }

  /** arXiv's listing feed of one category (rss.arxiv.org, 2024+ format). */
  static String listing(String category, String... items) {
    return """
    <?xml version='1.0' encoding='UTF-8'?>
    <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
      <channel>
        <title>%1$s updates on arXiv.org</title>
        <link>http://rss.arxiv.org/rss/%1$s</link>
        <description>%1$s updates on the arXiv.org e-print archive.</description>
        <atom:link href="https://rss.arxiv.org/rss/%1$s" rel="self" type="application/rss+xml"/>
        <docs>http://www.rssboard.org/rss-specification</docs>
        <language>en-us</language>
        <lastBuildDate>Tue, 24 Nov 2026 00:30:00 +0000</lastBuildDate>
        <managingEditor>rss-help@arxiv.org</managingEditor>
        <pubDate>Tue, 24 Nov 2026 00:00:00 -0500</pubDate>
        <skipDays><day>Saturday</day><day>Sunday</day></skipDays>
    %2$s
      </channel>
    </rss>
    """
        .formatted(category, String.join("\n", items));
  }

  static String listingItem(String idWithVersion, String type, String title, String summary) {
    String id = idWithVersion.substring(0, idWithVersion.indexOf('v'));
    return """
        <item>
          <title>%2$s</title>
          <link>https://arxiv.org/abs/%5$s</link>
          <description>arXiv:%1$s Announce Type: %3$s
    Abstract: %4$s</description>
          <guid isPermaLink="false">oai:arXiv.org:%1$s</guid>
          <category>cs.LG</category>
          <pubDate>Tue, 24 Nov 2026 00:00:00 -0500</pubDate>
          <arxiv:announce_type>%3$s</arxiv:announce_type>
          <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
          <dc:creator>Ana Li, Bo Chen</dc:creator>
        </item>
    """
        .formatted(idWithVersion, title, type, summary, id);
  }

  /** The fixture server answers the next request for {@code path} with 200 and this body. */
  private void answerOk(String path, String body) {
    server.script(path, new FixtureServer.Answer(200, body, Map.of()));
  }

  @Test
  void aNewVersionBringsItsTitleAndAbstractAndTheOldTitleStaysAnAlias() throws Exception {
    String firstVersion =
        atom(
            atomEntry(
                "2611.07777v1",
                "2026-11-20T17:00:00Z",
                "Scaling Laws for World Models",
                "We fit scaling laws for world models on many robot datasets and tasks."));
    answerOk("/api/query", firstVersion);
    sources().ingest("arxiv", request());
    answerOk(
        "/api/query",
        atom(
            atomEntry(
                "2611.07777v2",
                "2026-11-20T17:00:00Z",
                "Scaling Laws for World-Model Policies",
                "We fit scaling laws for policies.")));
    IngestSummary second = sources().ingest("arxiv", request());

    assertThat(second.updated()).isEqualTo(1);
    Paper paper = index.get("2611.07777").orElseThrow();
    assertThat(paper.title()).isEqualTo("Scaling Laws for World-Model Policies");
    assertThat(paper.abstractText()).isEqualTo("We fit scaling laws for policies.");
    assertThat(paper.aliases()).containsExactly("Scaling Laws for World Models");
    assertThat(paper.version()).isEqualTo(2);
    assertThat(paper.published()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(index.findByTitle("Scaling Laws for World Models")).get().isEqualTo(paper);

    // An older version seen later (a stale mirror) changes neither.
    answerOk("/api/query", firstVersion);
    assertThat(sources().ingest("arxiv", request()).updated()).isZero();
    assertThat(index.get("2611.07777").orElseThrow()).isEqualTo(paper);
  }

  @Test
  void replacementAnnouncementsKeepTheFirstPublicationDateAndOnlyNewPapersLookNew()
      throws Exception {
    answerOk(
        "/api/query",
        atom(
            atomEntry(
                "2311.01223v2",
                "2023-11-02T15:10:00Z",
                "Offline Reinforcement Learning with Diffusion Critics",
                "Offline reinforcement learning with a diffusion critic.")));
    sources().ingest("arxiv", request());
    answerOk(
        "/rss/cs.LG",
        listing(
            "cs.LG",
            listingItem(
                "2311.01223v3",
                "replace",
                "Offline Reinforcement Learning with Diffusion Critics",
                "Offline reinforcement learning with a diffusion critic."),
            listingItem(
                "2310.00042v2",
                "replace-cross",
                "An Older Offline Reinforcement Learning Benchmark",
                "A benchmark for offline reinforcement learning."),
            listingItem(
                "2611.30001v1",
                "new",
                "Fresh Offline Reinforcement Learning",
                "Offline reinforcement learning announced today.")));
    answerOk(
        "/rss/cs.RO",
        listing(
            "cs.RO",
            listingItem(
                "2611.30002v1",
                "cross",
                "Offline Reinforcement Learning for Legged Robots",
                "Offline reinforcement learning on quadrupeds.")));
    IngestSummary summary = sources().ingest("listing", request());
    assertThat(summary.line())
        .isEqualTo("fetched=4 new=3 updated=1 merged=0 rejected=0 broken_pages=0");

    Paper replaced = index.get("2311.01223").orElseThrow();
    assertThat(replaced.published()).isEqualTo(LocalDate.of(2023, 11, 2));
    assertThat(replaced.version()).isEqualTo(3);
    assertThat(replaced.announcement()).isEqualTo("replace");
    Paper unknownReplaced = index.get("2310.00042").orElseThrow();
    assertThat(unknownReplaced.published())
        .as("a replacement's day is not its publication date")
        .isNull();
    assertThat(unknownReplaced.announcement()).isEqualTo("replace-cross");
    assertThat(index.get("2611.30002").orElseThrow().published())
        .isEqualTo(LocalDate.of(2026, 11, 24));

    // What a digest takes as "published since yesterday": the new paper and the new cross-listing.
    InterestProfile offlineRl =
        new InterestProfile(
            Map.of("offline reinforcement learning", 1.0),
            List.of(),
            Map.of(),
            List.of(),
            Set.of(),
            Set.of(),
            List.of());
    List<String> fresh =
        index
            .digest(new DigestQuery(offlineRl, LocalDate.of(2026, 11, 23), Set.of(), 10, 7))
            .items()
            .stream()
            .map(Recommendation::paper)
            .map(Paper::id)
            .toList();
    assertThat(fresh).containsExactlyInAnyOrder("2611.30001", "2611.30002");
  }

  @Test
  void aPaperInTwoCategoryFeedsCountsOnce() throws Exception {
    String both =
        listingItem(
            "2611.30010v1",
            "new",
            "Diffusion Policies for Manipulation",
            "Diffusion policies for robot manipulation.");
    answerOk(
        "/rss/cs.LG",
        listing(
            "cs.LG",
            both,
            listingItem("2611.30011v1", "new", "Sparse Autoencoders", "Sparse features.")));
    answerOk(
        "/rss/cs.RO",
        listing(
            "cs.RO",
            both.replace("<category>cs.LG</category>", "<category>cs.RO</category>"),
            listingItem("2611.30012v1", "new", "Legged Locomotion", "Quadrupeds walk.")));
    long before = index.size();
    IngestSummary summary = sources().ingest("listing", request());
    assertThat(summary.added()).isEqualTo(3);
    assertThat(summary.fetched()).isEqualTo(3);
    assertThat(index.size() - before).isEqualTo(3);
    assertThat(index.get("2611.30010").orElseThrow().categories()).contains("cs.LG", "cs.RO");
  }

  /** arXiv's error answer: a feed with one entry whose summary is the message (API manual 3.4). */
  static final String ARXIV_ERROR =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/api/query?search_query=&amp;id_list=1234.12345&amp;start=0&amp;max_results=10" rel="self" type="application/atom+xml"/>
        <title xmlns="http://www.w3.org/2005/Atom">ArXiv Query: search_query=&amp;id_list=1234.12345&amp;start=0&amp;max_results=10</title>
        <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>
        <updated xmlns="http://www.w3.org/2005/Atom">2026-11-24T00:00:00-05:00</updated>
        <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
        <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
        <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
        <entry xmlns="http://www.w3.org/2005/Atom">
          <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
          <title xmlns="http://www.w3.org/2005/Atom">Error</title>
          <summary xmlns="http://www.w3.org/2005/Atom">incorrect id format for 1234.12345</summary>
          <updated xmlns="http://www.w3.org/2005/Atom">2026-11-24T00:00:00-05:00</updated>
          <link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
          <author xmlns="http://www.w3.org/2005/Atom"><name xmlns="http://www.w3.org/2005/Atom">arXiv api core</name></author>
        </entry>
      </feed>
      """;

  @Test
  void arxivsOwnErrorMessageIsShownWhetherSentWith400OrWith200() {
    for (int status : new int[] {400, 200}) {
      server.script("/api/query", new FixtureServer.Answer(status, ARXIV_ERROR, Map.of()));
      assertThatThrownBy(() -> sources().ingest("arxiv", request()))
          .isInstanceOf(SourceException.class)
          .hasMessage("arXiv refused the query: incorrect id format for 1234.12345");
    }
    assertThat(index.size()).isZero();
  }

  @Test
  void aTruncatedHuggingFaceAnswerKeepsWhatParsedAndSaysWhereItBroke() throws Exception {
    String day =
        """
        [{"paper":{"id":"2611.40001","authors":[{"_id":"6740a1","name":"Ana Li","hidden":false}],
          "publishedAt":"2026-11-23T17:59:59.000Z","title":"World Models for Dexterous Hands",
          "summary":"We learn world models for dexterous hands.","upvotes":31,"discussionId":"6741b2"},
          "publishedAt":"2026-11-24T01:31:35.437Z","title":"World Models for Dexterous Hands",
          "thumbnail":"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.40001.png",
          "numComments":2,"submittedBy":{"_id":"60f1","fullname":"Ana Li","name":"ana","type":"user"}},
         {"paper":{"id":"2611.40002","authors":[{"_id":"6740a2","name":"Bo Chen","hidden":false}],
          "publishedAt":"2026-11-23T12:00:00.000Z","title":"Token Merging for Video Transformers",
          "summary":"Merging tokens speeds video transformers up.","upvotes":12,"discussionId":"6741b3"},
          "publishedAt":"2026-11-24T02:00:00.000Z","title":"Token Merging for Video Transformers",
          "numComments":0},
         {"paper":{"id":"2611.40003","authors":[{"_id":"6740a3","name":"Cy Dee","hid\
        """;
    answerOk("/api/daily_papers", day);
    IngestSummary summary =
        sources()
            .ingest(
                "hf",
                new SourceRequest(
                    "",
                    10,
                    LocalDate.of(2026, 11, 24),
                    null,
                    Deadline.in(Duration.ofMinutes(1)),
                    n -> {}));
    assertThat(summary.added()).isEqualTo(2);
    assertThat(summary.brokenPages()).isEqualTo(1);
    assertThat(summary.refusedAny()).isTrue();
    assertThat(summary.problems())
        .singleElement()
        .asString()
        .startsWith("hf response broken after 2 papers (line 12, column");
    assertThat(index.get("2611.40001").orElseThrow().upvotes()).isEqualTo(31);
    assertThat(server.requests.get(0).getQuery()).isEqualTo("p=0&limit=100&date=2026-11-24");
  }

  @Test
  void aTruncatedAtomFeedAndAnEntityExpansionCountAsBrokenPages() throws Exception {
    String entries =
        atom(
            atomEntry("2611.50001v1", "2026-11-23T10:00:00Z", "Kept One", "First abstract."),
            atomEntry("2611.50002v1", "2026-11-23T11:00:00Z", "Kept Two", "Second abstract."),
            atomEntry("2611.50003v1", "2026-11-23T12:00:00Z", "Cut Off", "Third abstract."));
    answerOk("/api/query", entries.substring(0, entries.indexOf("Third abstract")));
    IngestSummary truncated = sources().ingest("arxiv", request());
    assertThat(truncated.line())
        .isEqualTo("fetched=2 new=2 updated=0 merged=0 rejected=1 broken_pages=1");

    String laughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE feed [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2611.50009v1</id>
        <title>&lol3;</title><summary>x</summary></entry></feed>
        """;
    answerOk("/api/query", laughs);
    IngestSummary expanded = sources().ingest("arxiv", request());
    assertThat(expanded.added()).isZero();
    assertThat(expanded.brokenPages()).isEqualTo(1);
    assertThat(expanded.refusedAny()).isTrue();
    assertThat(index.get("2611.50009")).isEmpty();
    assertThat(index.search(SearchRequest.firstPage("lol", 5)).hits()).isEmpty();
  }

  @Test
  void aHangingServerIsGivenUpOnAtTheDeadlineWithAMessageThatSaysSo() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          Thread.ofVirtual()
              .start(() -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepted, read from never, answered never
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/query");
      assertThatThrownBy(() -> http.get(uri, Deadline.in(Duration.ofMillis(1500))))
          .isInstanceOf(SourceException.TimedOut.class)
          .hasMessageContaining("127.0.0.1 gave no usable answer within the 1 s allowed");
      acceptor.interrupt();
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void aRateLimitLongerThanTheDeadlineIsNotWaitedFor() {
    server.script(
        "/api/query",
        new FixtureServer.Answer(429, "Rate exceeded.", Map.of("Retry-After", "120")));
    assertThatThrownBy(() ->
            http.get(URI.create(server.url("/api/query")), Deadline.in(Duration.ofSeconds(30))))
        .isInstanceOf(SourceException.TimedOut.class)
        .hasMessageContaining("status 429, next try in 60 s");
    assertThat(server.requests).as("gave up at once instead of sleeping").hasSize(1);
  }
}
