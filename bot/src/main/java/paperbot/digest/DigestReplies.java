package paperbot.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.chat.WhyLines;
import paperbot.recommender.digest.DigestPlan;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.rank.Recommendation;

/** The words of a digest post, the same on every platform. */
public final class DigestReplies {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH);

  private DigestReplies() {}

  public static Reply of(DigestPlan plan) {
    return of(plan, Map.of());
  }

  /**
   * @param mentions per paper id, the members it matches and their topic, e.g. {@code <@U1>'s topic
   *     offline rl}; {@code <@id>} is how both Slack and Discord write a mention
   */
  public static Reply of(DigestPlan plan, Map<String, List<String>> mentions) {
    Subscription s = plan.subscription();
    String about =
        s.kind() == Subscription.Kind.MEMBER
            ? " for you"
            : s.topics().isEmpty() ? "" : " on " + UserText.literal(String.join(", ", s.topics()));
    if (plan.quiet()) {
      return new Reply(
          "Quiet day" + about + " (" + DAY.format(plan.day()) + "): nothing new worth your time.",
          List.of(),
          List.of(),
          false);
    }
    List<PaperCard> cards = new ArrayList<>();
    for (Recommendation rec : plan.papers()) {
      List<String> who = mentions.getOrDefault(rec.paper().id(), List.of());
      String why =
          WhyLines.forChannel(rec) + (who.isEmpty() ? "" : " · matches " + String.join(", ", who));
      cards.add(PaperCards.of(rec.paper(), rec.snippet(), why));
    }
    return new Reply(
        "Trending papers" + about + " · " + DAY.format(plan.day()), cards, List.of(), false);
  }

  /** The weekly team post: what the workspace's members liked and saved most. */
  public static Reply team(
      LocalDate day, List<Map.Entry<paperbot.recommender.corpus.Paper, Integer>> picks) {
    if (picks.isEmpty()) {
      return new Reply(
          "Team picks (week to "
              + DAY.format(day)
              + "): nobody liked, saved or linked a paper this week. "
              + "Press 👍 or Save under any paper, or paste an arXiv link, to share your finds.",
          List.of(),
          List.of(),
          false);
    }
    List<PaperCard> cards = new ArrayList<>();
    for (var pick : picks) {
      String votes =
          pick.getValue() == 1
              ? "1 like, save or link"
              : pick.getValue() + " likes, saves and links";
      cards.add(
          PaperCards.of(
              pick.getKey(),
              paperbot.recommender.rank.Snippets.lead(pick.getKey()),
              votes + " from your team"));
    }
    return new Reply(
        "Team picks: what this team liked and saved most this week (to " + DAY.format(day) + ")",
        cards,
        List.of(),
        false);
  }
}
