package paperbot.command;

import java.util.ArrayList;
import java.util.List;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.SearchHit;
import paperbot.recommender.rank.SearchRequest;
import paperbot.recommender.rank.SearchResults;
import paperbot.recommender.search.PaperIndex;

/** {@code /papers <query>}: the best matching papers, five at a time. */
public final class PapersCommand implements ChatCommand {
  public static final String NAME = "papers";
  static final int PAGE_SIZE = 5;

  /** Deep pages are cheap to ask for and useless to read; past this a better query helps more. */
  static final int MAX_PAGE = 200;

  /** The longest query a reply repeats as typed. */
  private static final int ECHOED = 80;

  private final PaperIndex index;
  private final PersonalPapers personal;
  private final PagingMemory paging = new PagingMemory();

  public PapersCommand(PaperIndex index, ProfileStore store) {
    this.index = index;
    this.personal = new PersonalPapers(index, store);
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command(NAME, "Best matching papers; leave empty for papers picked for you")
            .usage("[query] [more] | all")
            .options(
                Option.text("query", "What to look for, e.g. diffusion policy (empty: for you)")
                    .optional()));
  }

  @Override
  public Reply handle(ChatRequest request) {
    return show(request, PapersQuery.parse(request.text()));
  }

  private Reply show(ChatRequest request, PapersQuery asked) {
    String member = request.platform() + "/" + request.workspace() + "/" + request.user();
    String query = paging.resolveQuery(member, asked);
    int page = paging.resolvePage(member, asked, query);
    if (PersonalPapers.isPersonal(query)) {
      paging.remember(member, query, page);
      return personal.show(request.member(), query, page);
    }
    if (page > MAX_PAGE) {
      return pastLastPage();
    }
    SearchResults results =
        index.search(new SearchRequest(query, (page - 1) * PAGE_SIZE, PAGE_SIZE));
    paging.remember(member, query, page);
    return reply(query, page, results);
  }

  /**
   * The reply to "more" after page {@link #MAX_PAGE} (typed pages and buttons stop there): said,
   * not page 200 again.
   */
  static Reply pastLastPage() {
    return Reply.privateText(
        "That's as far as paging goes: page "
            + MAX_PAGE
            + " was the last. More words in the query find more than paging does.");
  }

  /** Shows the page a next-page button carries. */
  Reply showPage(ChatRequest request, PapersQuery page) {
    return show(request, page);
  }

  /** The same page for the whole channel: public, without the asker's paging and share buttons. */
  Reply share(ChatRequest request, PapersQuery page) {
    Reply mine = show(request, page);
    if (mine.cards().isEmpty()) {
      return mine;
    }
    return new Reply(mine.text(), mine.cards(), List.of(), false);
  }

  private static Reply reply(String query, int page, SearchResults results) {
    if (results.hits().isEmpty()) {
      return Reply.privateText(emptyText(query, page, results));
    }
    List<PaperCard> cards = new ArrayList<>();
    for (SearchHit hit : results.hits()) {
      cards.add(PaperCards.of(hit, PaperCards.feedbackButtons(hit.paper().id())));
    }
    List<ReplyButton> buttons = new ArrayList<>();
    if (results.hasMore() && page < MAX_PAGE) {
      buttons.add(
          new ReplyButton(
              ReplyButton.NEXT_PAGE,
              "Next 5",
              new PapersQuery(query, page + 1).buttonValue(),
              // A long query is not echoed whole (the header shortens it too): `more` alone pages
              // through the query asked last.
              query.length() <= ECHOED ? "/papers " + query + " more" : "/papers more"));
    }
    buttons.add(
        new ReplyButton(
            ReplyButton.SHARE, "Share to channel", new PapersQuery(query, page).buttonValue(), ""));
    // Results go to the asker first; the share button posts them for everyone.
    return new Reply(header(query, page, results), cards, buttons, true);
  }

  private static String header(String query, int page, SearchResults results) {
    int first = results.offset() + 1;
    int last = results.offset() + results.hits().size();
    String text =
        "Papers for \""
            + shorten(query)
            + "\": "
            + first
            + "–"
            + last
            + " of "
            + results.totalText()
            + (page > 1 ? " (page " + page + ")" : "");
    return results.notice() == null ? text : text + "\n" + notice(results);
  }

  /**
   * How the query was read. It quotes words as typed ({@code polic*}, {@code *}), which no platform
   * may read as formatting: the search engine's notices carry no formatting of their own.
   */
  private static String notice(SearchResults results) {
    return UserText.literal(results.notice());
  }

  private static String emptyText(String query, int page, SearchResults results) {
    if (SearchResults.NOTHING_TO_SEARCH.equals(results.notice())
        || SearchResults.ONLY_LEFT_OUT.equals(results.notice())) {
      return results.notice();
    }
    if (page > 1 && results.totalHits() > 0) {
      return "That's all: \"" + shorten(query) + "\" matched " + results.totalText() + " papers.";
    }
    String none =
        "No papers match \""
            + shorten(query)
            + "\". Try fewer or broader words, e.g. `/papers imitation learning`.";
    // The notice says how the query was read (cut to length, a typo fixed).
    return results.notice() == null ? none : none + "\n" + notice(results);
  }

  /**
   * The query as echoed: marked as the member's text (no platform formats or pings it), and short,
   * as echoing a 5,000-character query back helps no one.
   */
  private static String shorten(String query) {
    String oneLine = query.replaceAll("\\s+", " ");
    return UserText.literal(
        oneLine.length() <= ECHOED ? oneLine : oneLine.substring(0, ECHOED - 1) + "…");
  }
}
