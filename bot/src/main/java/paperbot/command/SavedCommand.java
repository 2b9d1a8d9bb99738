package paperbot.command;

import java.util.ArrayList;
import java.util.List;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.recommender.index.PaperIndex;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.Snippets;

/** {@code /saved}: the member's saved papers, newest first. */
public final class SavedCommand implements ChatCommand {
  public static final String NAME = "saved";

  /** Saved lists can grow long; the newest are what a member comes back for. */
  static final int SHOWN = 20;

  private final PaperIndex index;
  private final ProfileStore store;

  public SavedCommand(PaperIndex index, ProfileStore store) {
    this.index = index;
    this.store = store;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(CommandSpec.command(NAME, "Papers you saved"));
  }

  @Override
  public Reply handle(ChatRequest request) {
    List<String> saved = store.load(request.member()).saved();
    if (saved.isEmpty()) {
      return Reply.privateText(
          "Nothing saved yet. Press Save under any paper, or type `/save <id>`.");
    }
    List<PaperCard> cards = new ArrayList<>();
    for (String id : saved.subList(0, Math.min(SHOWN, saved.size()))) {
      index
          .get(id)
          .ifPresent(paper -> cards.add(PaperCards.of(paper, Snippets.lead(paper), "saved")));
    }
    String more = saved.size() > SHOWN ? " (newest " + SHOWN + " shown)" : "";
    return new Reply("Your saved papers: " + saved.size() + more, cards, List.of(), true);
  }
}
