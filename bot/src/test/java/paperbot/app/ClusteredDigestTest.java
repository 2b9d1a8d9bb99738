package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
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
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcDigestStore;
import paperbot.slack.FakeSlackWebApi;

/**
 * Two paperbot processes on one PostgreSQL database with Quartz clustered, posting to a fake Slack: every digest
 * fires on exactly one of them. The process caught mid-post (Slack has the message, the answer never comes back) is
 * killed with SIGKILL; the other takes its run over, finds the post in the channel's history instead of posting it
 * again, and fires the next digests alone.
 */
final class ClusteredDigestTest {
  private static final String SECRET = "clustered-test-signing-secret-0123456789";

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
        JdbcDigestStore store = new JdbcDigestStore(db.dataSource());
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
      ChildPaperbot a = start("a", url, slack);
      ChildPaperbot b = start("b", url, slack);
      try {
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

  private ChildPaperbot start(String node, String url, FakeSlackWebApi slack) throws IOException {
    Map<String, String> env = new HashMap<>(Map.of(
        "SLACK_BOT_TOKEN", FakeSlackWebApi.BOT_TOKEN,
        "SLACK_SIGNING_SECRET", SECRET,
        "SLACK_PORT", String.valueOf(freePort()),
        "SLACK_API_URL", slack.apiUrl(node),
        "PAPERBOT_DB_URL", url,
        "PAPERBOT_DB_USER", "postgres",
        "PAPERBOT_DB_PASSWORD", "postgres",
        "PAPERBOT_DATA_DIR", scratch.resolve(node).toString(),
        "PAPERBOT_CLUSTER_CHECKIN_MS", "1000"));
    return ChildPaperbot.start(scratch.resolve("child.log"), env, "chat");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
