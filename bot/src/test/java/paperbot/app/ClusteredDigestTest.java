package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.ingest.JsonLinesFile;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcDigestStore;
import paperbot.slack.FakeSlackWebApi;

/**
 * Two paperbot processes on one PostgreSQL database with Quartz clustered, posting to a fake Slack.
 * A paper a third process ingests reaches both indexes through the database. Every digest fires on
 * exactly one of them. The process caught mid-post (Slack has the message, the answer never comes
 * back) is killed with SIGKILL; the other takes its run over, finds the post in the channel's
 * history instead of posting it again, and fires the next digests alone.
 *
 * <p>Quartz fires on the machine's real clock, so the digests are subscribed (through Slack, as an
 * admin would) only once both processes answer: however slow the machine is to start them, the
 * first wave is still ahead. Every wait is a bounded poll, generous for a busy machine; nothing
 * asserts how long a step took.
 */
final class ClusteredDigestTest {
  private static final String SECRET = "clustered-test-signing-secret-0123456789";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path scratch;

  @Test
  void eachDigestPostsOnceAndTheSurvivorTakesOverWhenAProcessIsKilledMidPost() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        FakeSlackWebApi slack = new FakeSlackWebApi()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      CompletableFuture<FakeSlackWebApi.Posted> held = slack.holdNextPost();
      int portA = freePort();
      int portB = freePort();
      ChildPaperbot a = start("a", portA, url, slack);
      ChildPaperbot b = start("b", portB, url, slack);
      try {
        // A third process ingests a paper into the shared database; both bots index it from there.
        Path file = scratch.resolve("one.jsonl");
        JsonLinesFile.write(
            file,
            List.of(
                new Paper(
                    "2611.77777",
                    "Quokka locomotion with diffusion policies",
                    List.of(),
                    "We teach a quokka robot to hop.",
                    List.of("Ana Li"),
                    false,
                    1,
                    LocalDate.now(ZoneOffset.UTC),
                    false,
                    5,
                    List.of("cs.RO"),
                    null,
                    List.of(),
                    List.of())));
        ChildPaperbot ingest =
            ChildPaperbot.start(
                scratch.resolve("child.log"),
                env("c", 0, url, slack),
                "ingest",
                "--source",
                "file",
                file.toString());
        assertThat(ingest.process().waitFor(10, TimeUnit.MINUTES))
            .as("the ingest finished")
            .isTrue();
        assertThat(ingest.process().exitValue()).isZero();
        assertThat(answerWithin(portA, "papers", "quokka", "Quokka locomotion", 300))
            .as("process a found it")
            .contains("Quokka locomotion");
        assertThat(answerWithin(portB, "papers", "quokka", "Quokka locomotion", 300))
            .as("process b found it")
            .contains("Quokka locomotion");

        // Both answer: now the digests. Minute resolution: the first wave at the next minute at
        // least 30 s ahead,
        // the second a minute later, when one of the processes is dead.
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime firstFire =
            Duration.between(now, nextMinute).toSeconds() < 30
                ? nextMinute.plusMinutes(1)
                : nextMinute;
        ZonedDateTime secondFire = firstFire.plusMinutes(1);
        for (int i = 0; i < 6; i++) {
          String at =
              (i < 4 ? firstFire : secondFire)
                  .toLocalTime()
                  .format(DateTimeFormatter.ofPattern("HH:mm"));
          assertThat(
                  answerWithin(
                      i % 2 == 0 ? portA : portB,
                      "digest",
                      "subscribe " + at + " UTC days:mon-sun",
                      "Subscribed this channel",
                      120,
                      "C" + i))
              .as("subscribed C" + i)
              .contains("Subscribed this channel");
        }
        Map<String, Subscription> byKey = new HashMap<>();
        List<Subscription> secondWave = new ArrayList<>();
        try (Database db = Database.open(url, "postgres", "postgres")) {
          for (Subscription s : new JdbcDigestStore(db.dataSource(), Clock.systemUTC()).all()) {
            boolean first = s.at().equals(firstFire.toLocalTime());
            byKey.put(key(s, first ? firstFire : secondFire), s);
            if (!first) {
              secondWave.add(s);
            }
          }
        }
        assertThat(byKey).hasSize(6);
        assertThat(secondWave).hasSize(2);

        FakeSlackWebApi.Posted caught =
            held.get(firstFire.toEpochSecond() - now.toEpochSecond() + 300, TimeUnit.SECONDS);
        String survivor = caught.node().equals("a") ? "b" : "a";
        (caught.node().equals("a") ? a : b).kill();

        long deadline = secondFire.toEpochSecond() * 1000 + 300_000;
        while (System.currentTimeMillis() < deadline
            && !(postedKeys(slack).keySet().containsAll(byKey.keySet())
                && unfinishedRuns(postgres) == 0)) {
          Thread.sleep(500);
        }
        Map<String, Long> posts = postedKeys(slack);
        assertThat(posts.keySet()).as("every digest posted").containsAll(byKey.keySet());
        assertThat(posts)
            .as("no digest posted twice")
            .allSatisfy((key, count) -> assertThat(count).isOne());
        assertThat(unfinishedRuns(postgres))
            .as("the killed process's run was finished by the survivor")
            .isZero();
        for (Subscription s : secondWave) {
          assertThat(slack.posted())
              .filteredOn(p -> key(s, secondFire).equals(p.key()))
              .as("the next digests fire on the survivor")
              .extracting(FakeSlackWebApi.Posted::node)
              .containsExactly(survivor);
        }
        assertThat(Files.readString(scratch.resolve("child.log")))
            .as("the survivor recovered the run")
            .contains(
                "digest recovered reason=already_posted subscription="
                    + byKey.get(caught.key()).id());
      } finally {
        a.kill();
        b.kill();
      }
    }
  }

  /** The key a digest post carries: subscription and local day (see DigestRunner). */
  private static String key(Subscription s, ZonedDateTime fire) {
    return "d" + s.id() + "-" + fire.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  private static Map<String, Long> postedKeys(FakeSlackWebApi slack) {
    return slack.posted().stream()
        .filter(p -> p.key() != null)
        .collect(Collectors.groupingBy(FakeSlackWebApi.Posted::key, Collectors.counting()));
  }

  private static int unfinishedRuns(EmbeddedPostgres postgres) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT COUNT(*) FROM digest_run WHERE outcome = 'RUNNING'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private ChildPaperbot start(String node, int port, String url, FakeSlackWebApi slack)
      throws IOException {
    return ChildPaperbot.start(scratch.resolve("child.log"), env(node, port, url, slack), "chat");
  }

  /** A bot process of the cluster: its own data directory and Slack port, the shared database. */
  private Map<String, String> env(String node, int port, String url, FakeSlackWebApi slack) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "SLACK_BOT_TOKEN",
                FakeSlackWebApi.BOT_TOKEN,
                "SLACK_SIGNING_SECRET",
                SECRET,
                "SLACK_API_URL",
                slack.apiUrl(node),
                "PAPERBOT_DB_URL",
                url,
                "PAPERBOT_DB_USER",
                "postgres",
                "PAPERBOT_DB_PASSWORD",
                "postgres",
                "PAPERBOT_DATA_DIR",
                scratch.resolve(node).toString(),
                "PAPERBOT_CLUSTER_CHECKIN_MS",
                "1000",
                "PAPERBOT_PAPER_SYNC_SECONDS",
                "1"));
    if (port > 0) {
      env.put("SLACK_PORT", String.valueOf(port));
    }
    return env;
  }

  private static String answerWithin(
      int port, String command, String text, String expected, int seconds) throws Exception {
    return answerWithin(port, command, text, expected, seconds, "C9");
  }

  /**
   * Sends a signed {@code /<command> <text>} from the workspace admin in a channel to the bot on
   * the port until its answer contains {@code expected}.
   */
  private static String answerWithin(
      int port, String command, String text, String expected, int seconds, String channel)
      throws Exception {
    String body =
        "team_id=T1&channel_id="
            + channel
            + "&user_id=UADMIN&command=%2F"
            + command
            + "&text="
            + URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fnone&trigger_id=1.2.3&api_app_id=A1";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String answer = "";
    while (System.nanoTime() < deadline) {
      HttpRequest request = paperbot.slack.SlackForms.signedNow(port, SECRET, body);
      try {
        answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (answer.contains(expected)) {
          return answer;
        }
      } catch (IOException notListeningYet) {
        answer = notListeningYet.toString();
      }
      Thread.sleep(1_000);
    }
    return answer;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
