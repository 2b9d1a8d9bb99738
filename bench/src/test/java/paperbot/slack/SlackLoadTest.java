package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.app.LogCapture;
import paperbot.app.TestBots;
import paperbot.app.Wiring;
import paperbot.bench.SyntheticCorpus;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.ingest.SeedCorpus;
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * Many concurrent signed slash commands against the real Bolt app on loopback, on a 20,000-paper
 * index: every one is acknowledged, every one is answered (in the ack or through its response_url),
 * none fails, and threads stay bounded. Slack's 3-second ack is met by design (slow answers are
 * acked empty and sent later); how fast the acks came is printed for docs/reliability.md and never
 * asserted, since a test cannot know how busy its machine is.
 */
final class SlackLoadTest {
  private static final String SECRET = "load-test-signing-secret-0123456789";
  private static final int PAPERS = 20_000;
  private static final int REQUESTS = 1_500;
  private static final int IN_FLIGHT = 32;
  private static final List<String> QUERIES =
      List.of(
          "diffusion",
          "offline rl",
          "vla",
          "world model",
          "imitation learning from demonstrations",
          "rlhf reward model",
          "mcts",
          "chain of thought",
          "",
          "all");

  @TempDir Path data;

  @Test
  void everyCommandIsAckedAndAnsweredUnderConcurrentLoad() throws Exception {
    Clock clock = TestBots.CLOCK;
    buildIndex(clock);
    ExecutorService workers = Executors.newFixedThreadPool(8); // as SlackService
    try (LogCapture logs = LogCapture.start();
        Wiring wiring = Wiring.open(TestBots.config(data), clock);
        FakeSlackWebApi slackApi = new FakeSlackWebApi()) {
      assertThat(wiring.index().size()).isEqualTo(PAPERS);
      SlackSettings settings =
          new SlackSettings(
              FakeSlackWebApi.BOT_TOKEN,
              SECRET,
              "",
              0,
              slackApi.apiUrl(),
              SlackSettings.DEFAULT_INLINE_BUDGET);
      SlackHttpServer server =
          SlackHttpServer.start(
              SlackAdapter.start(wiring.router(), settings, workers, wiring.deliveries()).app(),
              "127.0.0.1",
              0,
              java.time.Clock.systemUTC());
      try {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        int threadsBefore = Thread.activeCount();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        ConcurrentLinkedQueue<long[]> results =
            new ConcurrentLinkedQueue<>(); // {status, millis, answered inline}
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
          slots.acquire();
          String query = QUERIES.get(i % QUERIES.size());
          String topic = i % 7 == 0 ? "add load topic " + (i % 5) : null;
          String body =
              SlackForms.command(
                  "U" + (i % 50),
                  topic != null ? "/topics" : "/papers",
                  topic != null ? topic : query,
                  slackApi.responseUrl("load"));
          long start = System.nanoTime();
          sent.add(
              http.sendAsync(signed(server, body), HttpResponse.BodyHandlers.ofString())
                  .whenComplete((response, error) -> {
                    results.add(
                        new long[] {
                          error == null ? response.statusCode() : -1,
                          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                          error == null && !response.body().isBlank() ? 1 : 0
                        });
                    slots.release();
                  }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - began) / 1e9;
        int threadsAfter = Thread.activeCount();

        long[] millis = results.stream().mapToLong(r -> r[1]).sorted().toArray();
        assertThat(results).hasSize(REQUESTS);
        assertThat(results).allSatisfy(r -> assertThat(r[0]).as("status").isEqualTo(200));
        // Acked empty means answered later through the response_url: every command gets its answer.
        long inline = results.stream().filter(r -> r[2] == 1).count();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (inline + slackApi.count("/respond/load") < REQUESTS
            && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(inline + slackApi.count("/respond/load"))
            .as("commands answered, inline or by response_url")
            .isEqualTo(REQUESTS);
        assertThat(threadsAfter - threadsBefore).as("threads added under load").isLessThan(64);
        assertThat(logs.lines())
            .noneMatch(line ->
                line.contains("slack request failed")
                    || line.contains("slack app failed")
                    || line.contains("slack command failed"));
        System.out.printf(
            "slack load: %d commands, %d in flight, %.0f commands/s, %d answered in the ack, ack p50 %d"
                + " ms, p99 %d ms, max %d ms, heap used %d MB%n",
            REQUESTS,
            IN_FLIGHT,
            REQUESTS / seconds,
            inline,
            millis[millis.length / 2],
            millis[(int) (millis.length * 0.99)],
            millis[millis.length - 1],
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
      } finally {
        server.close();
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /** 100,000 synthetic papers, marked current for the seeds so the bot opens them as they are. */
  private void buildIndex(Clock clock) {
    SyntheticCorpus corpus =
        new SyntheticCorpus(
            SeedCorpus.load(TestBots.REPO.resolve("seeds"), clock).papers(),
            42,
            LocalDate.now(clock));
    LucenePaperIndex index =
        LucenePaperIndex.open(data.resolve("index"), QueryExpander.none(), clock);
    try (LucenePaperIndex.BulkLoad load =
        index.startBulkLoad(LucenePaperIndex.BulkLoad.DEFAULT_THREADS)) {
      for (int start = 0; start < PAPERS; start += 10_000) {
        Paper[] batch = new Paper[Math.min(10_000, PAPERS - start)];
        for (int i = 0; i < batch.length; i++) {
          batch[i] = corpus.paper(start + i);
        }
        load.add(Arrays.asList(batch));
      }
      load.commit(SeedCorpus.fingerprint(TestBots.REPO.resolve("seeds")));
    } finally {
      index.close();
    }
  }

  private static HttpRequest signed(SlackHttpServer server, String body) {
    return SlackForms.signedNow(server.port(), SECRET, body);
  }
}
