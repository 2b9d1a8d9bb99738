package paperbot.digest;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paperbot.command.PaperCard;
import paperbot.command.PaperCards;
import paperbot.command.Reply;
import paperbot.recommender.digest.DigestPlan;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.rank.Recommendation;

/** The words of a digest post, the same on every platform. */
public final class DigestReplies {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH);

  private DigestReplies() {}

  public static Reply of(DigestPlan plan) {
    Subscription s = plan.subscription();
    String about = s.kind() == Subscription.Kind.MEMBER ? " for you"
        : s.topics().isEmpty() ? "" : " on " + String.join(", ", s.topics());
    if (plan.quiet()) {
      return new Reply("Quiet day" + about + " (" + DAY.format(plan.day()) + "): nothing new worth your time.",
          List.of(), List.of(), false);
    }
    List<PaperCard> cards = new ArrayList<>();
    for (Recommendation rec : plan.papers()) {
      cards.add(PaperCards.of(rec.paper(), rec.snippet(), why(rec)));
    }
    return new Reply("Trending papers" + about + " · " + DAY.format(plan.day()), cards, List.of(), false);
  }

  private static String why(Recommendation rec) {
    String trending = String.format(Locale.ROOT, "trending +%.1f", rec.trending());
    List<String> parts = new ArrayList<>();
    if (!rec.topics().isEmpty()) {
      parts.add("matches " + String.join(", ", rec.topics()));
    }
    if (!rec.authors().isEmpty()) {
      parts.add("by " + String.join(", ", rec.authors()) + " (followed)");
    }
    parts.add(trending);
    return String.join(" · ", parts);
  }
}
