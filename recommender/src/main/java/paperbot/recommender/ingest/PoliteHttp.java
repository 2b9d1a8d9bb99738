package paperbot.recommender.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP GET the way paper sources ask to be called: at most one request per pacing interval (arXiv
 * asks for one every three seconds), timeouts, and retries with exponential backoff on 5xx, 429 and
 * network errors, honouring Retry-After. Gives up after a bounded number of attempts with a {@link
 * SourceException}.
 */
public final class PoliteHttp {
  private static final Logger log = LoggerFactory.getLogger(PoliteHttp.class);
  static final int ATTEMPTS = 4;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private final HttpClient client;
  private final Duration pacing;
  private final Duration firstBackoff;
  private static final long NEVER = Long.MIN_VALUE;
  private final AtomicLong lastRequest = new AtomicLong(NEVER);

  /**
   * @param pacing least time between two requests
   * @param firstBackoff wait before the first retry; doubles after each
   */
  public PoliteHttp(Duration pacing, Duration firstBackoff) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.pacing = pacing;
    this.firstBackoff = firstBackoff;
  }

  /** The body of a 200 answer. */
  public String get(URI uri) throws InterruptedException {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      pace();
      String problem;
      Duration wait = backoff;
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "paperbot (research paper recommender)")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200) {
          return response.body();
        }
        if (status != 429 && status < 500) {
          throw new SourceException(
              uri.getHost() + " answered " + status + " for " + uri.getPath());
        }
        problem = "status " + status;
        wait =
            response.headers().firstValue("Retry-After").map(PoliteHttp::seconds).orElse(backoff);
      } catch (IOException e) {
        problem = e.getClass().getSimpleName();
      }
      if (attempt == ATTEMPTS) {
        throw new SourceException(
            uri.getHost() + " failed after " + ATTEMPTS + " attempts (" + problem + ")");
      }
      log.info(
          "source retry host={} attempt={} reason=\"{}\" wait_ms={}",
          uri.getHost(),
          attempt,
          problem,
          wait.toMillis());
      Thread.sleep(wait.toMillis());
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
  }

  private void pace() throws InterruptedException {
    synchronized (lastRequest) {
      // Pacing is a gap between requests, so it is measured on the monotonic clock: a wall-clock
      // step (NTP, a
      // changed time zone, a faked date) neither skips nor stretches the wait.
      long now = System.nanoTime();
      long waitNanos = lastRequest.get() == NEVER ? 0 : lastRequest.get() + pacing.toNanos() - now;
      if (waitNanos > 0) {
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      }
      lastRequest.set(System.nanoTime());
    }
  }

  private static Duration seconds(String header) {
    try {
      long value = Long.parseLong(header.strip());
      return Duration.ofSeconds(Math.max(0, Math.min(value, MAX_BACKOFF.toSeconds())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}
