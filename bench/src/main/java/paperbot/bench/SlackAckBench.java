package paperbot.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import paperbot.chat.DeliveryLedger;
import paperbot.command.CommandRouter;
import paperbot.slack.SignedSlackRequest;
import paperbot.slack.SlackAdapter;
import paperbot.slack.SlackHttpServer;
import paperbot.slack.SlackSettings;

/**
 * Slack's 3-second acknowledgement under concurrent load: signed {@code /papers} commands through
 * the real Bolt app on loopback, many in flight, each timed from send to ack. The baseline is the
 * same client, concurrency and request against a bare JDK HTTP server that acks at once: the HTTP
 * round trip alone. Slack's limit is absolute, so the target is the 3 seconds, not a ratio.
 */
final class SlackAckBench {
  static final int COMMANDS = 600;
  static final int IN_FLIGHT = 32;

  /** A burst: this many signed commands sent at once, all in flight together. */
  static final int BURST = 100;

  private static final String SECRET = "bench-signing-secret";

  private final CommandRouter router;
  private final DeliveryLedger deliveries;

  SlackAckBench(CommandRouter router, DeliveryLedger deliveries) {
    this.router = router;
    this.deliveries = deliveries;
  }

  /**
   * Returns {paperbot's acks, the bare server's acks} for {@link #COMMANDS} with {@link #IN_FLIGHT}
   * in flight, then the same pair for a burst of {@link #BURST} sent at once.
   */
  Samples[] run() throws Exception {
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Slack's side: the Web API and the response_urls that slow answers go to, and the baseline's
    // endpoint.
    stub.createContext(
        "/",
        exchange -> {
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(
              200, exchange.getRequestURI().getPath().startsWith("/raw") ? -1 : body.length);
          if (!exchange.getRequestURI().getPath().startsWith("/raw")) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    stub.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    stub.start();
    String base = "http://127.0.0.1:" + stub.getAddress().getPort();
    ExecutorService workers = Executors.newFixedThreadPool(8); // as SlackService
    SlackSettings settings =
        new SlackSettings(
            "xoxb-bench", SECRET, "", 0, base + "/api/", SlackSettings.DEFAULT_INLINE_BUDGET);
    try (SlackHttpServer bolt =
        SlackHttpServer.start(
            SlackAdapter.start(router, settings, workers, deliveries).app(),
            "127.0.0.1",
            0,
            java.time.Clock.systemUTC())) {
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
      URI ours = URI.create("http://127.0.0.1:" + bolt.port() + SlackHttpServer.PATH);
      URI raw = URI.create(base + "/raw");
      send(http, raw, base, COMMANDS / 4, IN_FLIGHT); // warm-up, both sides
      send(http, ours, base, COMMANDS / 4, IN_FLIGHT);
      return new Samples[] {
        send(http, ours, base, COMMANDS, IN_FLIGHT),
        send(http, raw, base, COMMANDS, IN_FLIGHT),
        send(http, ours, base, BURST, BURST),
        send(http, raw, base, BURST, BURST)
      };
    } finally {
      workers.shutdownNow();
      stub.stop(0);
    }
  }

  private Samples send(HttpClient http, URI target, String base, int count, int inFlight)
      throws Exception {
    Samples acks = new Samples();
    Semaphore slots = new Semaphore(inFlight);
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      String body =
          "team_id=T1&channel_id=C1&user_id=U"
              + (i % 50)
              + "&command=%2Fpapers&text="
              + URLEncoder.encode(
                  Benchmark.QUERIES.get(i % Benchmark.QUERIES.size()), StandardCharsets.UTF_8)
              + "&response_url="
              + URLEncoder.encode(base + "/respond", StandardCharsets.UTF_8)
              + "&trigger_id=1.2.3&api_app_id=A1";
      // Signed with the wall-clock time that Bolt checks requests against, not the bench's clock,
      // which is fixed for the run and, in tests, set to another day.
      HttpRequest request =
          SignedSlackRequest.post(target, SECRET, body, System.currentTimeMillis() / 1000);
      long began = System.nanoTime();
      sent.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete((response, error) -> {
                synchronized (acks) {
                  acks.add(System.nanoTime() - began);
                }
                slots.release();
                if (error != null || response.statusCode() != 200) {
                  throw new IllegalStateException(
                      "ack failed: " + (error != null ? error : response.statusCode()));
                }
              }));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    return acks;
  }
}
