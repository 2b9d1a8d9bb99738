package paperbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paperbot.recommender.rank.Recommendation;

/**
 * The reason line under a recommended paper, worded in one place for the personal feed and for
 * digests: which topics it matches, followed authors, the paper you liked it resembles, and how
 * much it is trending.
 */
public final class WhyLines {
  private WhyLines() {}

  /**
   * For the member the papers were picked for: "your topics: offline rl · like *X* you liked";
   * "like papers you liked" only when nothing else picked it (no topic has any of its words).
   */
  public static String forMember(Recommendation rec) {
    List<String> parts = new ArrayList<>();
    if (!rec.topics().isEmpty()) {
      parts.add("your topics: " + String.join(", ", rec.topics()));
    } else if (!rec.partly().isEmpty()) {
      parts.add("some words of your topics: " + String.join(", ", rec.partly()));
    }
    followed(rec, parts);
    if (rec.resembles() != null) {
      parts.add("like " + UserText.emphasis(rec.resembles()) + " you liked");
    }
    if (parts.isEmpty()) {
      parts.add("like papers you liked");
    }
    return trending(rec, parts);
  }

  /** For a channel: "matches offline rl · trending +0.8". */
  public static String forChannel(Recommendation rec) {
    List<String> parts = new ArrayList<>();
    if (!rec.topics().isEmpty()) {
      parts.add("matches " + String.join(", ", rec.topics()));
    }
    followed(rec, parts);
    return trending(rec, parts);
  }

  private static void followed(Recommendation rec, List<String> parts) {
    if (!rec.authors().isEmpty()) {
      parts.add("by " + String.join(", ", rec.authors()) + " (followed)");
    }
  }

  /**
   * Adds how much the paper is trending, unless it rounds to nothing and there is another reason:
   * "trending +0.0" after a topic match tells the reader nothing.
   */
  private static String trending(Recommendation rec, List<String> parts) {
    String trending = String.format(Locale.ROOT, "trending +%.1f", rec.trending());
    if (parts.isEmpty() || !trending.equals("trending +0.0")) {
      parts.add(trending);
    }
    return String.join(" · ", parts);
  }
}
