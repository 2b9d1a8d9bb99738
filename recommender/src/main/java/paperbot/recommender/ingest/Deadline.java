package paperbot.recommender.ingest;

import java.time.Duration;

/**
 * How long one ingest may take in all, requests, retries and waits together: the command line gives
 * up after about a minute and says what to do next, a scheduled refresh can wait longer. A gap
 * measured on the monotonic clock, so a wall-clock step neither shortens nor stretches it.
 */
public final class Deadline {
  private final long endNanos;
  private final Duration allowed;

  private Deadline(Duration allowed) {
    this.allowed = allowed;
    this.endNanos = System.nanoTime() + allowed.toNanos();
  }

  /** A deadline this long from now. */
  public static Deadline in(Duration allowed) {
    return new Deadline(allowed);
  }

  /** What is left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  public boolean passed() {
    return remaining().isZero();
  }

  /** The time allowed in all, for messages ("gave up after 60 s"). */
  public Duration allowed() {
    return allowed;
  }
}
