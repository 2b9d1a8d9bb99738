package paperbot.command;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.Match;
import paperbot.recommender.rank.SearchHit;
import paperbot.recommender.rank.SearchResults;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /more <id>}: papers like this one, found from its distinctive terms (Lucene's
 * MoreLikeThis) and ranked with the member's like model beside the paper's own words.
 */
public final class SimilarCommand implements ChatCommand {
  public static final String NAME = "more";

  private final PaperIndex index;
  private final ProfileStore profiles;

  public SimilarCommand(PaperIndex index, ProfileStore profiles) {
    this.index = index;
    this.profiles = profiles;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command(NAME, "Papers like this one")
            .usage("<id>")
            .options(Option.text("id", "Paper id")));
  }

  @Override
  public Reply handle(ChatRequest request) {
    Optional<Paper> source = PaperIds.find(index, request.text());
    if (source.isEmpty()) {
      return PaperIds.notFound(NAME, request.text());
    }
    SearchResults similar =
        index.moreLikeThis(
            source.get().id(), PapersCommand.PAGE_SIZE, profiles.load(request.member()).learned());
    if (similar.hits().isEmpty()) {
      return Reply.privateText(
          "I found no papers like " + UserText.emphasis(source.get().displayTitle()) + " yet.");
    }
    List<PaperCard> cards = similar.hits().stream().map(SimilarCommand::card).toList();
    return new Reply(
        "Papers like " + UserText.emphasis(source.get().displayTitle()) + ":",
        cards,
        List.of(),
        true);
  }

  private static PaperCard card(SearchHit hit) {
    String shared = hit.matched().stream().map(Match::concept).collect(Collectors.joining(", "));
    return PaperCards.of(
        hit.paper(), hit.snippet(), shared.isEmpty() ? "similar wording" : "similar: " + shared);
  }
}
