package paperbot.command;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.search.PaperIndex;

/** Reads a paper id a member typed and words the reply when there is none or no such paper. */
final class PaperIds {
  private static final int MAX_ID = 64;

  private PaperIds() {}

  /** Any dash: hyphen, non-breaking hyphen, en and em dash, minus sign. */
  private static final Pattern DASHES = Pattern.compile("[\\p{Pd}\u2212]");

  /** A title-derived id in any case: {@code PB-2605BAD0}. */
  private static final Pattern TITLE_ID =
      Pattern.compile(Pattern.quote(PaperId.TITLE_PREFIX) + "[0-9a-f]+", Pattern.CASE_INSENSITIVE);

  static Optional<Paper> find(PaperIndex index, String text) {
    String id = PaperLinks.id(text).orElse(typed(text));
    if (id.isEmpty() || id.length() > MAX_ID || id.contains(" ")) {
      return Optional.empty();
    }
    return index.get(id);
  }

  /**
   * Whether the text is one paper's id or link and nothing else ({@code 2303.04137}, {@code
   * arxiv.org/abs/2303.04137v2}, {@code pb-2605bad0}): what a researcher pastes to find that paper.
   */
  static boolean isOnePaper(String text) {
    return PaperLinks.id(text).isPresent() || TITLE_ID.matcher(typed(text).strip()).matches();
  }

  /**
   * The id as the index spells it: read as all typed text is (no zero-width characters, full-width
   * letters plain), any dash a hyphen, and a title-derived id in lower case.
   */
  static String typed(String text) {
    String id = DASHES.matcher(UserText.normalise(text)).replaceAll("-");
    return TITLE_ID.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : id;
  }

  static Reply notFound(String command, String text) {
    String id = typed(text);
    if (id.isEmpty()) {
      return Reply.privateText(
          "Which paper? Give its id, e.g. `/"
              + command
              + " pb-1a2b3c4d` "
              + "(ids are shown with each result).");
    }
    if (id.contains(" ") && id.split("\\s+").length <= 10 && id.matches("(?s).*\\d.*")) {
      // Several ids (`/save pb-1 pb-2`) are ids, not a bad one: say the command takes one.
      return Reply.privateText(
          "One paper at a time: `/"
              + command
              + " <id>` takes one id (or arXiv link). Nothing was done.");
    }
    Optional<String> arxiv = PaperLinks.id(text);
    if (arxiv.isPresent()) {
      // Only /paper fetches from arXiv: the others act on papers paperbot has.
      return Reply.privateText(
          "I don't have arXiv "
              + arxiv.get()
              + " yet. `/paper "
              + arxiv.get()
              + "` fetches it from arXiv; then `/"
              + command
              + " "
              + arxiv.get()
              + "` works.");
    }
    if (id.length() > MAX_ID || id.contains(" ")) {
      return Reply.privateText(
          "That doesn't look like a paper id. Ids look like `2310.06114` or `pb-1a2b3c4d`;"
              + " an arXiv link works too.");
    }
    return Reply.privateText(
        "No paper with id `"
            + UserText.shortened(id, MAX_ID)
            + "`. Search with `/papers <words>` to find its id.");
  }
}
