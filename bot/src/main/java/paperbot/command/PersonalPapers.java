package paperbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.WhyLines;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.ProfileQuery;
import paperbot.recommender.rank.Recommendation;
import paperbot.recommender.rank.Recommendations;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /papers} with no query: papers ranked for the member's profile, each saying which topics
 * picked it and what the trending prior added. Shown papers are remembered as seen, so the next
 * {@code /papers} brings new ones; {@code /papers all} includes seen and dismissed papers again. A
 * member without a profile gets a guide and what is trending, and pages through the trending list
 * with {@code more} or {@code page N} as through search results.
 */
final class PersonalPapers {
  static final String ALL = "all";

  private final PaperIndex index;
  private final ProfileStore store;

  PersonalPapers(PaperIndex index, ProfileStore store) {
    this.index = index;
    this.store = store;
  }

  /** True when the text after /papers asks for personal results: nothing, or "all". */
  static boolean isPersonal(String query) {
    String q = query.strip().toLowerCase(Locale.ROOT);
    return q.isEmpty() || q.equals(ALL);
  }

  /**
   * Why the feed is empty, in terms of what the member has (topics, followed authors): {@code none}
   * when nothing matches at all, else every match was seen.
   */
  private static String nothingLeft(InterestProfile profile, boolean none) {
    if (profile.topics().isEmpty() && !profile.follows().isEmpty()) {
      // A member who follows authors and has no topic was told about topics they never added.
      return none
          ? "Nothing by the authors you follow yet (sources list the authors of some papers only)."
              + " Add topics with `/topics add <topic>`."
          : "You've seen every paper by the authors you follow for now. `/papers all` shows them"
              + " again, or add topics with `/topics add <topic>`.";
    }
    return none
        ? "Nothing matches your topics yet. Add or broaden topics with `/topics add <topic>`."
        : "You've seen everything that matches your topics for now. `/papers all` shows them again, "
            + "or add topics with `/topics add <topic>`.";
  }

  Reply show(MemberKey member, String query, int page) {
    InterestProfile profile = store.load(member);
    boolean all = query.strip().equalsIgnoreCase(ALL);
    // Pages count for the trending list and "all"; the feed itself always brings the next unseen.
    if ((profile.isNew() || all) && page > PapersCommand.MAX_PAGE) {
      return PapersCommand.pastLastPage();
    }
    if (profile.isNew()) {
      return newcomer(query, page);
    }
    // Without "all", seen papers drop out, so the first page is always the next unseen batch.
    int offset = all ? (page - 1) * PapersCommand.PAGE_SIZE : 0;
    Recommendations recs =
        index.recommend(new ProfileQuery(profile, all, offset, PapersCommand.PAGE_SIZE));
    if (recs.items().isEmpty()) {
      // Seen everything, or never anything: "all" (seen papers included) tells them apart.
      boolean none = index.recommend(new ProfileQuery(profile, true, 0, 1)).items().isEmpty();
      if (all && !none) {
        return Reply.privateText(
            "Your papers end before page " + page + ": `/papers all` shows them from the first.");
      }
      return Reply.privateText(nothingLeft(profile, none));
    }
    List<PaperCard> cards = new ArrayList<>();
    for (Recommendation rec : recs.items()) {
      String why = WhyLines.forMember(rec);
      cards.add(PaperCards.of(rec.paper(), rec.snippet(), all ? verdict(profile, rec, why) : why));
    }
    store.markSeen(member, recs.items().stream().map(r -> r.paper().id()).toList());
    List<ReplyButton> buttons = new ArrayList<>();
    if (recs.hasMore()) {
      String next = (all ? new PapersQuery(ALL, page + 1) : new PapersQuery("", 1)).buttonValue();
      buttons.add(
          new ReplyButton(
              ReplyButton.NEXT_PAGE, "Next 5", next, all ? "/papers all more" : "/papers"));
    }
    String header =
        "For you"
            + (all ? " (including papers you've seen)" : "")
            + ": "
            + recs.totalText()
            + " papers match your profile.";
    return new Reply(header, cards, buttons, true);
  }

  /**
   * The why-line of a paper in {@code /papers all}, after what the member already said of it ("you
   * liked it", "you dismissed it", "saved"): that list brings back papers the feed leaves out for
   * those reasons, and a dismissed one shown unmarked reads as a recommendation.
   */
  private static String verdict(InterestProfile profile, Recommendation rec, String why) {
    String id = rec.paper().id();
    List<String> said = new ArrayList<>();
    if (profile.liked().contains(id)) {
      said.add("you liked it");
    } else if (profile.disliked().contains(id)) {
      said.add("you dismissed it");
    }
    if (profile.saved().contains(id)) {
      said.add("saved");
    }
    said.add(why);
    return String.join(" · ", said);
  }

  /**
   * What's trending, for a member nothing tells us about yet: a guide on the first page, and pages
   * in trending order after it ({@code /papers more} or {@code page 2}), as search pages. Nothing
   * is marked seen: seen papers would drop out of the feed their first topic brings.
   */
  private Reply newcomer(String query, int page) {
    Recommendations trending =
        index.trending((page - 1) * PapersCommand.PAGE_SIZE, PapersCommand.PAGE_SIZE);
    if (trending.items().isEmpty()) {
      return Reply.privateText(
          (page > 1
                  ? "That's all that's trending: " + trending.totalText() + " papers. "
                  : "Nothing is trending yet. ")
              + "Add a topic with `/topics add <topic>` and `/papers` ranks papers for you.");
    }
    List<PaperCard> cards =
        trending.items().stream()
            .map(rec -> PaperCards.of(rec.paper(), rec.snippet(), WhyLines.forChannel(rec)))
            .toList();
    List<ReplyButton> buttons = new ArrayList<>();
    if (trending.hasMore() && page < PapersCommand.MAX_PAGE) {
      String typed = query.strip().equalsIgnoreCase(ALL) ? "/papers all more" : "/papers more";
      buttons.add(
          new ReplyButton(
              ReplyButton.NEXT_PAGE,
              "Next 5",
              new PapersQuery(query.strip(), page + 1).buttonValue(),
              typed));
    }
    if (page > 1) {
      int first = trending.offset() + 1;
      int last = trending.offset() + trending.items().size();
      return new Reply(
          "Trending: "
              + first
              + "–"
              + last
              + " of "
              + trending.totalText()
              + " (page "
              + page
              + "). Add a topic with `/topics add <topic>` and `/papers` ranks papers for you.",
          cards,
          buttons,
          true);
    }
    return new Reply(
        "You have no topics yet, so here is what's trending. Tell me what you work on and `/papers` "
            + "will rank papers for you:\n• `/topics add offline rl` (add a weight: `/topics add diffusion policy 2`)\n"
            + "• `/topics mute voice cloning` to never see a subject\n• `/follow <author>` to lift an author's papers",
        cards,
        buttons,
        true);
  }
}
