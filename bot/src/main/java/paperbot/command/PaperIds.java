package paperbot.command;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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

  /**
   * What a member wraps an id in or leaves beside it: a code span or quotes copied with it, the
   * angle brackets chat apps put around links, a sentence's full stop, or the card's own {@code id}
   * label ({@code id pb-2605bad0}).
   */
  private static final Pattern WRAPPED =
      Pattern.compile(
          "(?i)^(?:id\\s*[:\\s]\\s*)?[<(\\[\"'`\u201C\u2018\u00AB]*(.*?)[>)\\]\"'`\u201D\u2019\u00BB.,;:!?]*$");

  /**
   * An arXiv id of the form used before 2007 ({@code hep-th/9901001}, {@code math.GT/0309136}),
   * bare or in a link: paperbot knows papers by the new form only.
   */
  private static final Pattern OLD_ARXIV =
      Pattern.compile(
          "(?i)(?:^|/abs/|/pdf/|arxiv:)([a-z]+(?:-[a-z]+)?(?:\\.[a-z]{2})?/\\d{7})(?:v\\d+)?");

  static Optional<Paper> find(PaperIndex index, String text) {
    String id = arxivId(text).orElse(typed(text));
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
    return arxivId(text).isPresent() || TITLE_ID.matcher(typed(text).strip()).matches();
  }

  /** The arXiv id the member typed or linked, as {@link #typed} reads the text. */
  static Optional<String> arxivId(String text) {
    return PaperLinks.id(typed(text));
  }

  /**
   * The id as the index spells it: read as all typed text is (no zero-width characters, full-width
   * letters plain), any dash a hyphen, and a title-derived id in lower case.
   */
  static String typed(String text) {
    String id = DASHES.matcher(UserText.normalise(text)).replaceAll("-");
    Matcher wrapped = WRAPPED.matcher(id);
    id = wrapped.matches() && !wrapped.group(1).isEmpty() ? wrapped.group(1) : id;
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
    Optional<String> arxiv = PaperLinks.id(id);
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
    Matcher old = OLD_ARXIV.matcher(id);
    if (!id.contains(" ") && old.find()) {
      return Reply.privateText(
          "`"
              + UserText.shortened(old.group(1), MAX_ID)
              + "` is an arXiv id of the form used before 2007; I only read the newer form, like"
              + " `2303.04137`. Search for the paper with `/papers <words of its title>`.");
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
