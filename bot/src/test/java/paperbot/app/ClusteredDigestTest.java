package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * Two paperbot processes on one PostgreSQL database with Quartz clustered, posting to a fake Slack. A paper a third
 * process ingests reaches both indexes through the database. Every digest fires on exactly one of them. The process caught mid-post (Slack has the message, the answer never comes back) is
 * killed with SIGKILL; the other takes its run over, finds the post in the channel's history instead of posting it
 * again, and fires the next digests alone.
 */
final class ClusteredDigestTest {
  private static final String SECRET = "clustered-test-signing-secret-0123456789";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path scratch;

  @Test
  void eachDigestPostsOnceAndTheSurvivorTakesOverWhenAProcessIsKilledMidPost() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); FakeSlackWebApi slack = new FakeSlackWebApi()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      // Digest times have minute resolution: the first wave at a minute far enough ahead for both processes to
      // start, the second a minute later, when one of them is dead.
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
      ZonedDateTime nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      ZonedDateTime firstFire = Duration.between(now, nextMinute).toSeconds() < 40 ? nextMinute.plusMinutes(1)
          : nextMinute;
      ZonedDateTime secondFire = firstFire.plusMinutes(1);
      List<Subscription> firstWave = new ArrayList<>();
      List<Subscription> secondWave = new ArrayList<>();
      try (Database db = Database.open(url, "postgres", "postgres")) {
        JdbcDigestStore store = new JdbcDigestStore(db.dataSource(), java.time.Clock.systemUTC());
        for (int i = 0; i < 4; i++) {
          firstWave.add(store.save(channel("C" + i, firstFire.toLocalTime())));
        }
        for (int i = 4; i < 6; i++) {
          secondWave.add(store.save(channel("C" + i, secondFire.toLocalTime())));
        }
      }
      Map<String, Subscription> byKey = new HashMap<>();
      firstWave.forEach(s -> byKey.put(key(s, firstFire), s));
      secondWave.forEach(s -> byKey.put(key(s, secondFire), s));

      CompletableFuture<FakeSlackWebApi.Posted> held = slack.holdNextPost();
      int portA = freePort();
      int portB = freePort();
      ChildPaperbot a = start("a", portA, url, slack);
      ChildPaperbot b = start("b", portB, url, slack);
      try {
        // A third process ingests a paper into the shared database; both bots index it from there.
        Path file = scratch.resolve("one.jsonl");
        JsonLinesFile.write(file, List.of(new Paper("2611.77777", "Quokka locomotion with diffusion policies",
            List.of(), "We teach a quokka robot to hop.", List.of("Ana Li"), false, 1, LocalDate.now(ZoneOffset.UTC),
            false, 5, List.of("cs.RO"), null, List.of(), List.of())));
        ChildPaperbot ingest = ChildPaperbot.start(scratch.resolve("child.log"), env("c", 0, url, slack), "ingest",
            "--source", "file", file.toString());
        assertThat(ingest.process().waitFor(120, TimeUnit.SECONDS)).as("the ingest finished").isTrue();
        assertThat(ingest.process().exitValue()).isZero();
        assertThat(answerWithin(portA, "quokka", "Quokka locomotion", 30)).as("process a found it")
            .contains("Quokka locomotion");
        assertThat(answerWithin(portB, "quokka", "Quokka locomotion", 30)).as("process b found it")
            .contains("Quokka locomotion");

        FakeSlackWebApi.Posted caught = held.get(firstFire.toEpochSecond() - now.toEpochSecond() + 60, TimeUnit.SECONDS);
        String survivor = caught.node().equals("a") ? "b" : "a";
        (caught.node().equals("a") ? a : b).kill();

        long deadline = secondFire.toEpochSecond() * 1000 + 90_000;
        while (System.currentTimeMillis() < deadline
            && !(postedKeys(slack).keySet().containsAll(byKey.keySet()) && unfinishedRuns(postgres) == 0)) {
          Thread.sleep(500);
        }
        Map<String, Long> posts = postedKeys(slack);
        assertThat(posts.keySet()).as("every digest posted").containsAll(byKey.keySet());
        assertThat(posts).as("no digest posted twice").allSatisfy((key, count) -> assertThat(count).isOne());
        assertThat(unfinishedRuns(postgres)).as("the killed process's run was finished by the survivor").isZero();
        for (Subscription s : secondWave) {
          assertThat(slack.posted()).filteredOn(p -> key(s, secondFire).equals(p.key()))
              .as("the next digests fire on the survivor").extracting(FakeSlackWebApi.Posted::node)
              .containsExactly(survivor);
        }
        assertThat(Files.readString(scratch.resolve("child.log"))).as("the survivor recovered the run")
            .contains("digest recovered reason=already_posted subscription=" + byKey.get(caught.key()).id());
      } finally {
        a.kill();
        b.kill();
      }
    }
  }

  private static Subscription channel(String destination, LocalTime at) {
    return new Subscription(0, "SLACK", "T1", destination, Subscription.Kind.CHANNEL, "UADMIN", at, ZoneOffset.UTC,
        EnumSet.allOf(DayOfWeek.class), List.of(), 3, null);
  }

  /** The key a digest post carries: subscription and local day (see DigestRunner). */
  private static String key(Subscription s, ZonedDateTime fire) {
    return "d" + s.id() + "-" + fire.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  private static Map<String, Long> postedKeys(FakeSlackWebApi slack) {
    return slack.posted().stream().filter(p -> p.key() != null)
        .collect(Collectors.groupingBy(FakeSlackWebApi.Posted::key, Collectors.counting()));
  }

  private static int unfinishedRuns(EmbeddedPostgres postgres) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM digest_run WHERE outcome = 'RUNNING'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private ChildPaperbot start(String node, int port, String url, FakeSlackWebApi slack) throws IOException {
    return ChildPaperbot.start(scratch.resolve("child.log"), env(node, port, url, slack), "chat");
  }

  /** A bot process of the cluster: its own data directory and Slack port, the shared database. */
  private Map<String, String> env(String node, int port, String url, FakeSlackWebApi slack) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SLACK_BOT_TOKEN", FakeSlackWebApi.BOT_TOKEN,
        "SLACK_SIGNING_SECRET", SECRET,
        "SLACK_API_URL", slack.apiUrl(node),
        "PAPERBOT_DB_URL", url,
        "PAPERBOT_DB_USER", "postgres",
        "PAPERBOT_DB_PASSWORD", "postgres",
        "PAPERBOT_DATA_DIR", scratch.resolve(node).toString(),
        "PAPERBOT_CLUSTER_CHECKIN_MS", "1000",
        "PAPERBOT_PAPER_SYNC_SECONDS", "1"));
    if (port > 0) {
      env.put("SLACK_PORT", String.valueOf(port));
    }
    return env;
  }

  /** Sends a signed {@code /papers <query>} to the bot on the port until its answer contains {@code expected}. */
  private static String answerWithin(int port, String query, String expected, int seconds) throws Exception {
    String body = "team_id=T1&channel_id=C9&user_id=U9&command=%2Fpapers&text=" + query
        + "&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fnone&trigger_id=1.2.3&api_app_id=A1";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String answer = "";
    while (System.nanoTime() < deadline) {
      String ts = String.valueOf(System.currentTimeMillis() / 1000);
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
          .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, new SlackSignature.Generator(SECRET).generate(ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
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
