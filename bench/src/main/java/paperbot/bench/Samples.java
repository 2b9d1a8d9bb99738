package paperbot.bench;

import java.util.Arrays;

/** Latencies of one measured operation, in nanoseconds, with percentiles. */
final class Samples {
  private long[] nanos = new long[256];
  private int size;

  void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  int size() {
    return size;
  }

  /** The nearest-rank percentile in milliseconds; {@code p} from 0 to 100. */
  double percentileMillis(double p) {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }
}
