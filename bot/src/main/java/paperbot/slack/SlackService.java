package paperbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.DeliveryLedger;
import paperbot.command.CommandRouter;

/**
 * Runs the Slack adapter in the mode the settings ask for: Socket Mode with an app token, otherwise
 * HTTP.
 */
public final class SlackService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackService.class);

  /** How long a shutdown waits for acknowledged commands to be answered. */
  static final Duration DRAIN = Duration.ofSeconds(10);

  private final ExecutorService workers;
  private final AutoCloseable transport;

  private SlackService(ExecutorService workers, AutoCloseable transport) {
    this.workers = workers;
    this.transport = transport;
  }

  /**
   * @param deliveries tells an event Slack sends again from its first delivery, across restarts and
   *     processes
   */
  public static SlackService start(
      CommandRouter router, SlackSettings settings, DeliveryLedger deliveries, Clock clock)
      throws Exception {
    AtomicInteger count = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            8, task -> new Thread(task, "slack-worker-" + count.incrementAndGet()));
    try {
      SlackAdapter adapter = SlackAdapter.start(router, settings, workers, deliveries);
      if (settings.socketMode()) {
        App app = adapter.app();
        SocketModeClient client = app.slack().socketMode(settings.appToken());
        ExecutorService envelopes =
            Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("slack-envelope-", 0).factory());
        client.addWebSocketMessageListener(new SocketModeEnvelopes(app, client, envelopes));
        SocketModeApp socket = new SocketModeApp(client, app);
        socket.startAsync();
        log.info("slack connected mode=socket");
        return new SlackService(
            workers,
            () -> {
              try {
                socket.stop();
              } finally {
                envelopes.shutdownNow();
              }
            });
      }
      SlackHttpServer http =
          SlackHttpServer.start(adapter.app(), "0.0.0.0", settings.port(), clock);
      log.info("slack listening mode=http port={} path={}", http.port(), SlackHttpServer.PATH);
      return new SlackService(workers, http);
    } catch (Exception e) {
      workers.shutdownNow();
      throw e;
    }
  }

  /**
   * Stops taking requests first (the HTTP server lets the exchanges in flight finish), then lets
   * the workers finish the commands already acknowledged, whose answers go to their response_url.
   */
  @Override
  public void close() {
    try {
      transport.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("slack transport close failed error={}", e.toString());
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("slack stopping with commands unanswered");
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
