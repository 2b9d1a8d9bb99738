package paperbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperbot ingest} and {@code paperbot stats} as a user runs them, against a loopback server
 * answering in each service's format: exit statuses, what the summary says, arXiv's own error text,
 * the time limit, and the corpus counts after an ingest.
 */
final class IngestCliTest {
  @TempDir Path data;
  HttpServer server;
  final Map<String, Answer> answers = new HashMap<>();

  record Answer(int status, String body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Answer answer =
              answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "no"));
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private CliRun run(String... args) {
    return run(
        Map.of(
            "PAPERBOT_ARXIV_URL", url("/api/query"),
            "PAPERBOT_HF_URL", url("/api/daily_papers"),
            "PAPERBOT_LISTING_URL", url("/rss/"),
            "PAPERBOT_ARXIV_CATEGORIES", "cs.LG"),
        args);
  }

  private CliRun run(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(1, List.of("--data", data.toString()));
    return CliRun.of(env, all.toArray(String[]::new));
  }

  static String entry(String id, String title) {
    return "<entry><id>http://arxiv.org/abs/"
        + id
        + "v1</id><updated>2026-11-20T18:00:00Z</updated><published>2026-11-20T18:00:00Z</published>"
        + "<title>"
        + title
        + "</title><summary>An abstract about "
        + title.toLowerCase(java.util.Locale.ROOT)
        + ".</summary><author><name>Ana Li</name></author>"
        + "<category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/></entry>";
  }

  static String feed(String... entries) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>arXiv Query: search_query=cat:cs.LG</title>"
        + "<opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">"
        + entries.length
        + "</opensearch:totalResults>"
        + String.join("", entries)
        + "</feed>";
  }

  @Test
  void aWholeFeedExitsZeroAndATruncatedOneExitsThreeSayingWhatWasStoredAndRefused() {
    answers.put("/api/query", new Answer(200, feed(entry("2611.60001", "Whole Feed Paper"))));
    CliRun whole = run("ingest", "--source", "arxiv", "--max", "5");
    assertThat(whole.exitCode()).isZero();
    assertThat(whole.out())
        .contains("arxiv: fetched=1 new=1 updated=0 merged=0 rejected=0 broken_pages=0");

    String full = feed(entry("2611.60002", "Kept Paper"), entry("2611.60003", "Cut Paper"));
    answers.put("/api/query", new Answer(200, full.substring(0, full.indexOf("Cut Paper"))));
    CliRun truncated = run("ingest", "--source", "arxiv", "--max", "5");
    assertThat(truncated.exitCode()).isEqualTo(3);
    assertThat(truncated.out())
        .contains(
            "stored 1 paper (1 new, 0 updated, 0 merged); refused 1 malformed record and 1"
                + " broken page, listed above");
    assertThat(truncated.err()).contains("arxiv feed broken after 1 entries");
    assertThat(run("search", "--json", "kept paper").out()).contains("2611.60002");
  }

  @Test
  void truncatedHuggingFaceJsonAndAnEntityExpansionExitThree() {
    answers.put(
        "/api/daily_papers",
        new Answer(
            200,
            "[{\"paper\":{\"id\":\"2611.60010\",\"title\":\"Kept Trending Paper\",\"summary\":"
                + "\"Trending.\",\"upvotes\":9,\"publishedAt\":\"2026-11-20T00:00:00.000Z\","
                + "\"authors\":[{\"name\":\"Ana Li\"}]},\"numComments\":1},"
                + "{\"paper\":{\"id\":\"2611.600"));
    CliRun hf = run("ingest", "--source", "hf", "--date", "2026-11-21");
    assertThat(hf.exitCode()).isEqualTo(3);
    assertThat(hf.out()).contains("hf: fetched=1 new=1", "refused 1 broken page");
    assertThat(hf.err()).contains("hf response broken after 1 papers (line 1, column");

    answers.put(
        "/api/query",
        new Answer(
            200,
            "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&b;</title></entry></feed>"));
    CliRun laughs = run("ingest", "--source", "arxiv");
    assertThat(laughs.exitCode()).isEqualTo(3);
    assertThat(laughs.out()).contains("stored 0 papers", "1 broken page");
  }

  @Test
  void arxivsOwnErrorIsShownAndHttpFailuresExitOne() {
    answers.put(
        "/api/query",
        new Answer(
            400,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>ArXiv Query: search_query=&amp;id_list=1234.12345</title>"
                + "<id>http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>"
                + "<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>"
                + "<title>Error</title><summary>incorrect id format for 1234.12345</summary>"
                + "<author><name>arXiv api core</name></author></entry></feed>"));
    CliRun refused = run("ingest", "--source", "arxiv", "--query", "id:1234.12345");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("paperbot: arXiv refused the query: incorrect id format for 1234.12345")
        .contains("Nothing from arxiv was stored.")
        .doesNotContain("answered 400");

    CliRun missing = run("ingest", "--source", "hf");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("answered 404");
  }

  @Test
  void aHangingSourceIsGivenUpOnAtTheTimeoutWithWhatToDoNext() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(() -> {
            try {
              while (true) {
                held.add(silent.accept()); // never answered
              }
            } catch (IOException closed) {
              // the test is over
            }
          });
      CliRun hung =
          run(
              Map.of("PAPERBOT_HF_URL", "http://127.0.0.1:" + silent.getLocalPort() + "/api"),
              "ingest",
              "--source",
              "hf",
              "--timeout",
              "1");
      assertThat(hung.exitCode()).isEqualTo(1);
      assertThat(hung.err())
          .contains("gave no usable answer within the 1 s allowed")
          .contains("Try again later, or allow longer with --timeout SECONDS");
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void usageErrorsExitTwoAndNameTheSources() {
    CliRun unknown = run("ingest", "--source", "nowhere");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("No source named 'nowhere'", "arxiv (", "listing (", "hf (");
    assertThat(run("ingest", "--source", "hf", "--timeout", "0").exitCode()).isEqualTo(2);
  }

  @Test
  void aMaxBelowOneIsAUsageErrorAndNothingIsFetched() {
    answers.put("/api/query", new Answer(200, feed(entry("2611.70001", "Fetched Anyway"))));
    for (String max : List.of("0", "-1")) {
      // --max -1 fetched one entry (read as 1) and exited 0.
      CliRun refused = run("ingest", "--source", "arxiv", "--max", max);
      assertThat(refused.exitCode()).as(max).isEqualTo(2);
      assertThat(refused.err()).isEqualTo("--max must be a positive number of papers\n");
    }
    assertThat(run("stats").out()).startsWith("corpus: 303 papers in the database");
  }

  @Test
  void aDateThatIsNoDaySaysSo() {
    CliRun refused = run("ingest", "--source", "hf", "--date", "2026-02-30");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .isEqualTo("--date 2026-02-30 is not a day; give one like 2026-11-23\n");
  }

  @Test
  void statsCountTheWholeCorpusNotOnlyTheSeedFiles() throws Exception {
    answers.put(
        "/rss/cs.LG",
        new Answer(
            200,
            "<?xml version='1.0' encoding='UTF-8'?><rss xmlns:arxiv=\"http://arxiv.org/schemas/atom\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" version=\"2.0\"><channel>"
                + "<title>cs.LG updates on arXiv.org</title>"
                + item("2611.60021", "Listed Paper One")
                + item("2611.60022", "Listed Paper Two")
                + "</channel></rss>"));
    assertThat(run("ingest", "--source", "listing").exitCode()).isZero();
    JsonNode stats = new ObjectMapper().readTree(run("stats", "--json").out());
    assertThat(stats.get("corpus").get("papersInDatabase").asInt()).isEqualTo(305);
    assertThat(stats.get("corpus").get("papersInIndex").asInt()).isEqualTo(305);
    assertThat(stats.get("corpus").get("papersBySource").get("arxiv-listing").asInt()).isEqualTo(2);
    assertThat(stats.get("corpus").get("papersBySource").get("seeds").asInt()).isEqualTo(303);
    assertThat(stats.get("distinctPapers").asInt()).as("the seed files, as before").isEqualTo(303);
    assertThat(run("stats").out())
        .startsWith("corpus: 305 papers in the database, 305 in the index");
  }

  private static String item(String id, String title) {
    return "<item><title>"
        + title
        + "</title><link>https://arxiv.org/abs/"
        + id
        + "</link><description>arXiv:"
        + id
        + "v1 Announce Type: new \nAbstract: About "
        + title
        + ".</description><guid isPermaLink=\"false\">oai:arXiv.org:"
        + id
        + "v1</guid><category>cs.LG</category><pubDate>Mon, 23 Nov 2026 00:00:00 -0500</pubDate>"
        + "<arxiv:announce_type>new</arxiv:announce_type><dc:creator>Ana Li</dc:creator></item>";
  }
}
