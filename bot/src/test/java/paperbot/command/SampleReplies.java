package paperbot.command;

import java.util.ArrayList;
import java.util.List;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;

/** Fixed replies for renderer snapshot and limit tests, the same for every platform. */
public final class SampleReplies {
  private SampleReplies() {}

  public static PaperCard card(String id, String title, String snippet) {
    return new PaperCard(
        id,
        title,
        "https://arxiv.org/abs/" + id,
        "Cheng Chi, Siyuan Feng et al.",
        "Mar 7, 2023",
        12,
        snippet,
        "matched: diffusion policy (title), imitation learning (abstract)",
        PaperCards.feedbackButtons(id));
  }

  /** A channel digest of one paper whose why-line is {@code why} (a member's mention, say). */
  public static Reply digest(String why) {
    return new Reply(
        "Trending papers · Mon, Nov 30",
        List.of(
            new PaperCard(
                "pb-1",
                "A paper",
                "https://arxiv.org/abs/2411.00001",
                "",
                "",
                null,
                "Snippet.",
                why,
                List.of())),
        List.of(),
        false);
  }

  /** A search reply with two papers, next page and share. */
  public static Reply search(String secondId, String secondTitle, String secondSnippet) {
    return new Reply(
        "Papers for \"diffusion policy\": 1–2 of 258",
        List.of(
            card(
                "2303.04137",
                "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
                "This paper introduces Diffusion Policy, a new way of generating robot behavior …"),
            card(secondId, secondTitle, secondSnippet)),
        List.of(
            new ReplyButton(
                ReplyButton.NEXT_PAGE,
                "Next 5",
                "2|diffusion policy",
                "/papers diffusion policy more"),
            new ReplyButton(ReplyButton.SHARE, "Share to channel", "1|diffusion policy", "")),
        true);
  }

  /**
   * {@code /topics list} at its longest: 30 topics, 30 mutes and 30 follows of 60 characters,
   * echoed, with every character a platform escapes.
   */
  public static Reply topicsList() {
    return topicsList(" *_~`|<>&@#[] ");
  }

  /** {@code /topics list} of 90 items of 60 characters, each made of {@code filler}. */
  public static Reply topicsList(String filler) {
    StringBuilder text = new StringBuilder("Your topics:");
    for (String kind : List.of("topic", "mute", "follow")) {
      for (int i = 0; i < 30; i++) {
        String item = (kind + i + filler).repeat(10).substring(0, 60);
        text.append("\n• ").append(UserText.emphasis(item)).append(" (weight 1)");
      }
      text.append("\n");
    }
    return Reply.privateText(text.append("`/topics remove <topic>` removes one.").toString());
  }

  /** A saved list of {@code count} papers with long titles, authors and snippets. */
  public static Reply manyCards(int count) {
    List<PaperCard> cards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cards.add(card("2411.0" + (1000 + i), "A long title ".repeat(25), "snippet ".repeat(40)));
    }
    return new Reply(
        "Your saved papers: 25 (newest 20 shown)",
        cards,
        List.of(new ReplyButton(ReplyButton.SAVED_BIBTEX, "BibTeX (.bib)", "", "/saved bibtex")),
        true);
  }

  /** A search page for a query, with next page and share carrying it. */
  public static Reply longQuery(String query) {
    return new Reply(
        "Papers for " + UserText.literal(query),
        List.of(card("2303.04137", "Diffusion Policy", "A snippet.")),
        List.of(
            new ReplyButton(ReplyButton.NEXT_PAGE, "Next 5", "2|" + query, "/papers " + query),
            new ReplyButton(ReplyButton.SHARE, "Share to channel", "1|" + query, "")),
        true);
  }

  /** Forty papers with 5,000-character titles and snippets: more than any platform allows. */
  public static Reply oversized() {
    List<PaperCard> cards = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      cards.add(card("pb-" + i, "T".repeat(5000), "s ".repeat(5000)));
    }
    return new Reply(
        "x".repeat(10_000),
        cards,
        List.of(new ReplyButton(ReplyButton.SHARE, "L".repeat(200), "v".repeat(5000), "")),
        false);
  }
}
