package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import paperbot.app.FakeArxiv;
import paperbot.app.SeedBotExtension;
import paperbot.app.StoredDeliveryLedger;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcDeliveryClaims;

/**
 * Slack's retried events across processes: each "process" is the real Bolt app over HTTP on
 * loopback with its own workers, its own connection pool and its own delivery ledger, on one H2 or
 * PostgreSQL database. A retry that reaches a restarted process, or another process of the cluster,
 * is acknowledged and not unfurled again.
 */
final class SlackRetriedEventsTest {
  private static final String SECRET = "retried-events-signing-secret-0123456789";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static final FakeArxiv arxiv = FakeArxiv.startQuietly();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(false, arxiv.env());

  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;

  @AfterAll
  static void stop() throws IOException {
    arxiv.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of(
            "H2", (Supplier<String>) () -> Database.h2Url(dir.resolve("h2-" + System.nanoTime()))),
        Arguments.of("PostgreSQL", (Supplier<String>) SlackRetriedEventsTest::postgresDatabase));
  }

  /** A fresh database on a PostgreSQL server started once for this class. */
  private static synchronized String postgresDatabase() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      String name = "t" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (Exception e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  /** One paperbot process's Slack side on the shared database. */
  private record Process(Database database, ExecutorService workers, SlackHttpServer server) {
    static Process start(String url, FakeSlackWebApi slack) throws Exception {
      boolean postgresql = url.startsWith("jdbc:postgresql:");
      Database database =
          Database.open(url, postgresql ? "postgres" : null, postgresql ? "postgres" : null);
      ExecutorService workers = Executors.newFixedThreadPool(2);
      Clock clock = Clock.systemUTC();
      StoredDeliveryLedger ledger =
          new StoredDeliveryLedger(new JdbcDeliveryClaims(database.dataSource(), clock), clock);
      SlackSettings settings =
          new SlackSettings(
              FakeSlackWebApi.BOT_TOKEN, SECRET, "", 0, slack.apiUrl(), Duration.ofSeconds(60));
      SlackHttpServer server =
          SlackHttpServer.start(
              SlackAdapter.start(bot.router(), settings, workers, ledger).app(),
              "127.0.0.1",
              0,
              clock);
      return new Process(database, workers, server);
    }

    /** Stops taking requests, lets the workers finish every unfurl asked for, closes the pool. */
    void stop() throws InterruptedException {
      server.close();
      workers.shutdown();
      assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).as("workers done").isTrue();
      database.close();
    }

    int port() {
      return server.port();
    }
  }

  private static int send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static List<String> unfurledMessages(FakeSlackWebApi slack) {
    return slack.unfurled().stream().map(call -> call.get("ts")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRetryThatReachesTheRestartedProcessIsNotUnfurledAgain(String name, Supplier<String> db)
      throws Exception {
    String url = db.get();
    try (FakeSlackWebApi slack = new FakeSlackWebApi()) {
      String first = SlackForms.linkShared("EvRestart1", "1800000101.000200", "2409.00101");
      String lost = SlackForms.linkShared("EvRestart2", "1800000102.000200", "2409.00102");
      Process before = Process.start(url, slack);
      assertThat(send(SlackForms.event(before.port(), SECRET, first))).isEqualTo(200);
      before.stop();

      // Slack did not see the ack in time and retries; paperbot restarted meanwhile.
      Process after = Process.start(url, slack);
      assertThat(send(SlackForms.retriedEvent(after.port(), SECRET, first, 1, "http_timeout")))
          .isEqualTo(200);
      assertThat(send(SlackForms.retriedEvent(after.port(), SECRET, first, 2, "http_error")))
          .isEqualTo(200);
      // A retry whose first delivery never arrived is new here.
      assertThat(send(SlackForms.retriedEvent(after.port(), SECRET, lost, 1, "connection_failed")))
          .isEqualTo(200);
      after.stop();

      assertThat(unfurledMessages(slack))
          .containsExactlyInAnyOrder("1800000101.000200", "1800000102.000200");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoProcessesOnOneDatabaseUnfurlEachEventOnce(String name, Supplier<String> db)
      throws Exception {
    String url = db.get();
    try (FakeSlackWebApi slack = new FakeSlackWebApi()) {
      Process a = Process.start(url, slack);
      Process b = Process.start(url, slack);
      List<String> messages = new ArrayList<>();
      try {
        for (int i = 1; i <= 5; i++) {
          String ts = "18000002%02d.000200".formatted(i);
          messages.add(ts);
          String event = SlackForms.linkShared("EvCluster" + i, ts, "2409.002%02d".formatted(i));
          // The first delivery reaches one process and, at the same moment, the retry the other
          // (behind a load balancer, Slack's retry lands wherever it lands).
          CompletableFuture<HttpResponse<String>> original =
              HTTP.sendAsync(
                  SlackForms.event(a.port(), SECRET, event), HttpResponse.BodyHandlers.ofString());
          CompletableFuture<HttpResponse<String>> retried =
              HTTP.sendAsync(
                  SlackForms.retriedEvent(b.port(), SECRET, event, 1, "http_timeout"),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(original.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
          assertThat(retried.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
      } finally {
        a.stop();
        b.stop();
      }
      assertThat(unfurledMessages(slack)).containsExactlyInAnyOrderElementsOf(messages);
    }
  }
}
