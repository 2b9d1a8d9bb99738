package paperbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paperbot.chat.Attachment;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.export.BibTex;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.Snippets;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /saved}: the member's saved papers, newest first; {@code /saved bibtex} sends them all as
 * a {@code .bib} file for a reference manager.
 */
public final class SavedCommand implements ChatCommand {
  public static final String NAME = "saved";
  static final String BIBTEX = "bibtex";
  static final String FILE_NAME = "paperbot-saved.bib";

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
    return List.of(
        CommandSpec.command(NAME, "Papers you saved; bibtex sends them as a .bib file")
            .usage("[bibtex]")
            .options(
                Option.text("format", "bibtex: all your saved papers as a .bib file")
                    .optional()
                    .choices(BIBTEX)));
  }

  @Override
  public Reply handle(ChatRequest request) {
    String format = request.text().strip().toLowerCase(Locale.ROOT);
    if (!format.isEmpty() && !format.equals(BIBTEX)) {
      return Reply.privateText(
          "`/saved` lists your saved papers; `/saved bibtex` sends them as a .bib file.");
    }
    List<String> saved = store.load(request.member()).saved();
    if (saved.isEmpty()) {
      return Reply.privateText(
          "Nothing saved yet. Press Save under any paper, or type `/save <id>`.");
    }
    if (format.equals(BIBTEX)) {
      return bibtex(saved);
    }
    List<PaperCard> cards = new ArrayList<>();
    for (String id : saved.subList(0, Math.min(SHOWN, saved.size()))) {
      index
          .get(id)
          .ifPresent(paper -> cards.add(PaperCards.of(paper, Snippets.lead(paper), "saved")));
    }
    // The older ones are not lost: say where they are, as the list alone cannot show them.
    String more =
        saved.size() > SHOWN
            ? " (the newest "
                + SHOWN
                + " shown; `/saved "
                + BIBTEX
                + "` sends all "
                + saved.size()
                + ")"
            : "";
    ReplyButton export =
        new ReplyButton(ReplyButton.SAVED_BIBTEX, "BibTeX (.bib)", "", "/saved " + BIBTEX);
    return new Reply("Your saved papers: " + saved.size() + more, cards, List.of(export), true);
  }

  /** Every saved paper, not just the newest shown: a reference manager wants the whole list. */
  private Reply bibtex(List<String> saved) {
    List<Paper> papers = saved.stream().flatMap(id -> index.get(id).stream()).toList();
    return Reply.privateFile(
        (papers.size() == 1 ? "Your saved paper" : "Your " + papers.size() + " saved papers")
            + " as BibTeX: "
            + FILE_NAME
            + " (import it into Zotero, BibDesk or JabRef).",
        new Attachment(FILE_NAME, "application/x-bibtex", BibTex.of(papers)));
  }
}
