package paperbot.recommender.rank;

import java.util.Locale;

/** A match count as people read it. */
final class TotalText {
  private TotalText() {}

  static String of(long total, boolean lowerBound) {
    return String.format(Locale.ROOT, "%,d", total) + (lowerBound ? "+" : "");
  }
}
