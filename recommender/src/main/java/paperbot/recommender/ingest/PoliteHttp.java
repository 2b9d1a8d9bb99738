package paperbot.recommender.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP GET the way paper sources ask to be called: at most one request per pacing interval (arXiv
 * asks for one every three seconds), timeouts, and retries with exponential backoff on 5xx, 429 and
 * network errors, honouring Retry-After. Gives up after a bounded number of attempts, or when the
 * caller's {@link Deadline} has passed, with a {@link SourceException}.
 */
public final class PoliteHttp {
  private static final Logger log = LoggerFactory.getLogger(PoliteHttp.class);
  static final int ATTEMPTS = 4;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Without a deadline of its own, a request gives up after this (retries included). */
  static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(10);

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

  /** The body of a 200 answer, with the default patience. */
  public String get(URI uri) throws InterruptedException {
    return get(uri, Deadline.in(DEFAULT_PATIENCE));
  }

  /** The body of a 200 answer, giving up when the deadline passes. */
  public String get(URI uri, Deadline deadline) throws InterruptedException {
    Duration backoff = firstBackoff;
    String problem = "no attempt made";
    for (int attempt = 1; ; attempt++) {
      pace(deadline);
      if (deadline.passed()) {
        throw timedOut(uri, deadline, problem);
      }
      Duration wait = backoff;
      Duration timeout = min(REQUEST_TIMEOUT, deadline.remaining());
      CompletableFuture<HttpResponse<String>> pending =
          client.sendAsync(
              HttpRequest.newBuilder(uri)
                  .timeout(timeout)
                  .header("User-Agent", "paperbot (research paper recommender)")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      try {
        // The future bounds the whole exchange, body included: a server that sends its headers
        // and then stalls is given up on too.
        HttpResponse<String> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int status = response.statusCode();
        if (status == 200) {
          return response.body();
        }
        if (status != 429 && status < 500) {
          throw new SourceException(
              uri.getHost() + " answered " + status + " for " + uri.getPath(),
              status,
              response.body());
        }
        problem = "status " + status;
        wait =
            response.headers().firstValue("Retry-After").map(PoliteHttp::seconds).orElse(backoff);
      } catch (TimeoutException e) {
        pending.cancel(true);
        problem = "no answer in " + timeout.toSeconds() + " s";
      } catch (ExecutionException e) {
        problem = e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName();
      } catch (InterruptedException e) {
        pending.cancel(true);
        throw e;
      }
      if (attempt == ATTEMPTS) {
        throw new SourceException(
            uri.getHost() + " failed after " + ATTEMPTS + " attempts (" + problem + ")");
      }
      if (wait.compareTo(deadline.remaining()) >= 0) {
        // Waiting would pass the deadline anyway: say so now rather than sleep through it.
        throw timedOut(uri, deadline, problem + ", next try in " + wait.toSeconds() + " s");
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

  private static SourceException timedOut(URI uri, Deadline deadline, String problem) {
    return new SourceException.TimedOut(
        uri.getHost()
            + " "
            + SourceException.TimedOut.WORDING
            + " "
            + deadline.allowed().toSeconds()
            + " s allowed ("
            + problem
            + ")");
  }

  private static Duration min(Duration a, Duration b) {
    Duration least = a.compareTo(b) <= 0 ? a : b;
    // HttpRequest refuses a zero timeout; a millisecond fails at once, as it should.
    return least.isZero() ? Duration.ofMillis(1) : least;
  }

  private void pace(Deadline deadline) throws InterruptedException {
    synchronized (lastRequest) {
      // Pacing is a gap between requests, so it is measured on the monotonic clock: a wall-clock
      // step (NTP, a changed time zone, a faked date) neither skips nor stretches the wait.
      long now = System.nanoTime();
      long waitNanos = lastRequest.get() == NEVER ? 0 : lastRequest.get() + pacing.toNanos() - now;
      if (waitNanos > 0) {
        TimeUnit.NANOSECONDS.sleep(Math.min(waitNanos, deadline.remaining().toNanos()));
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
