package paperbot.command;

import java.util.List;
import java.util.Optional;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.PaperCard;
import paperbot.chat.PaperCards;
import paperbot.chat.Reply;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.index.PaperIndex;

/** {@code /paper <id>}: everything known about one paper. */
public final class PaperCommand implements ChatCommand {
  public static final String NAME = "paper";

  private final PaperIndex index;

  public PaperCommand(PaperIndex index) {
    this.index = index;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command(NAME, "Everything about one paper")
            .usage("<id>")
            .options(Option.text("id", "Paper id")));
  }

  @Override
  public Reply handle(ChatRequest request) {
    Optional<Paper> paper = PaperIds.find(index, request.text());
    if (paper.isEmpty()) {
      return PaperIds.notFound(NAME, request.text());
    }
    return details(paper.get());
  }

  private static Reply details(Paper paper) {
    StringBuilder text = new StringBuilder();
    if (!paper.aliases().isEmpty()) {
      text.append("Also titled: ").append(String.join(" · ", paper.aliases())).append('\n');
    }
    line(text, "Categories", String.join(", ", paper.categories()));
    line(text, "Organisation", paper.organisation());
    line(text, "Links", String.join(" ", paper.links()));
    line(text, "Sources", sources(paper.sources()));
    PaperCard card =
        new PaperCard(
            paper.id(),
            paper.displayTitle(),
            PaperCards.url(paper),
            fullAuthors(paper),
            PaperCards.date(paper),
            PaperCards.upvotes(paper),
            paper.abstractText(),
            "",
            List.of());
    return new Reply(text.toString().strip(), List.of(card), List.of(), false);
  }

  private static String fullAuthors(Paper paper) {
    if (paper.authors().isEmpty()) {
      return PaperCards.authors(paper);
    }
    String names = String.join(", ", paper.authors());
    return paper.authorsTruncated() ? names + " et al." : names;
  }

  private static String sources(List<SourceRecord> sources) {
    return String.join(
        ", ",
        sources.stream().map(s -> s.source() + (s.line() > 0 ? ":" + s.line() : "")).toList());
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append(label).append(": ").append(value).append('\n');
    }
  }
}
