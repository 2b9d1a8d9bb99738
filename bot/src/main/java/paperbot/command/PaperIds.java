package paperbot.command;

import java.util.Optional;
import paperbot.chat.Reply;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.search.PaperIndex;

/** Reads a paper id a member typed and words the reply when there is none or no such paper. */
final class PaperIds {
  private static final int MAX_ID = 64;

  private PaperIds() {}

  static Optional<Paper> find(PaperIndex index, String text) {
    String id = PaperLinks.id(text).orElse(text.strip());
    if (id.isEmpty() || id.length() > MAX_ID || id.contains(" ")) {
      return Optional.empty();
    }
    return index.get(id);
  }

  static Reply notFound(String command, String text) {
    String id = text.strip();
    if (id.isEmpty()) {
      return Reply.privateText(
          "Which paper? Give its id, e.g. `/"
              + command
              + " pb-1a2b3c4d` "
              + "(ids are shown with each result).");
    }
    if (id.length() > MAX_ID || id.contains(" ")) {
      return Reply.privateText(
          "That doesn't look like a paper id. Ids look like `2310.06114` or `pb-1a2b3c4d`;"
              + " an arXiv link works too.");
    }
    return Reply.privateText(
        "No paper with id `" + id + "`. Search with `/papers <words>` to find its id.");
  }
}
