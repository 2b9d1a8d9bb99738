package paperbot.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.command.CommandRouter;

/**
 * Runs the Slack adapter in the mode the settings ask for: Socket Mode with an app token, otherwise
 * HTTP.
 */
public final class SlackService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackService.class);

  private final ExecutorService workers;
  private final AutoCloseable transport;

  private SlackService(ExecutorService workers, AutoCloseable transport) {
    this.workers = workers;
    this.transport = transport;
  }

  public static SlackService start(CommandRouter router, SlackSettings settings, Clock clock)
      throws Exception {
    AtomicInteger count = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            8, task -> new Thread(task, "slack-worker-" + count.incrementAndGet()));
    try {
      SlackAdapter adapter = SlackAdapter.start(router, settings, workers);
      if (settings.socketMode()) {
        SocketModeApp socket = new SocketModeApp(settings.appToken(), adapter.app());
        socket.startAsync();
        log.info("slack connected mode=socket");
        return new SlackService(workers, socket::stop);
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

  @Override
  public void close() {
    workers.shutdown();
    try {
      transport.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("slack transport close failed error={}", e.toString());
    }
  }
}
