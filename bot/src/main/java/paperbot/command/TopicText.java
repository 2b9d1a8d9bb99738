package paperbot.command;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.chat.UserText;
import paperbot.recommender.profile.FoldedText;
import paperbot.recommender.rank.TopicSubject;
import paperbot.recommender.search.PaperIndex;

/**
 * Normalises and checks what members type as topics, mutes and author names. Answers problems in
 * words, naming the item at fault (one of a list may be).
 */
final class TopicText {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern QUOTED =
      Pattern.compile(
          "^[\"'`\u201C\u201D\u2018\u2019\u00AB\u00BB](.*)[\"'`\u201C\u201D\u2018\u2019\u00AB\u00BB]$");

  /** A web address, which is no one's name. */
  private static final Pattern LINK = Pattern.compile("(?i)^(?:https?://|www\\.)\\S*$|://");

  /** A word to leave out, as {@code /papers diffusion -video} has. */
  private static final Pattern MINUS_WORD = Pattern.compile("(?:^|\\s)-(\\p{L}\\S*)");

  /** What the text is, for the replies. */
  enum Kind {
    TOPIC("topic", "A topic", "/topics add offline rl", "diffusion policy"),
    MUTE("term to mute", "A term to mute", "/topics mute voice cloning", "voice cloning"),
    AUTHOR("author", "An author's name", "/follow Sergey Levine", "Sergey Levine");

    private final String noun;
    private final String subject;
    private final String example;
    private final String sample;

    Kind(String noun, String subject, String example, String sample) {
      this.noun = noun;
      this.subject = subject;
      this.example = example;
      this.sample = sample;
    }
  }

  private TopicText() {}

  /**
   * Lower case, single spaces, trimmed, so "Offline RL" and "offline rl" are one topic; read as
   * {@link UserText#normalise} reads typed text (requests are already, an autocomplete prefix is
   * not), so no invisible character makes a second topic that looks the same.
   */
  static String normalise(String text) {
    return unquoted(
        SPACES.matcher(UserText.normalise(text)).replaceAll(" ").toLowerCase(Locale.ROOT));
  }

  /**
   * What two entries of a profile (topics, muted terms, followed authors, a digest's topics)
   * compare by: the text {@link #normalise}d, with accents folded as search folds them ({@link
   * FoldedText}), so "café" and "cafe", or "Müller" and "Muller", are one entry. Entries keep the
   * spelling typed.
   */
  static String key(String text) {
    return FoldedText.of(normalise(text));
  }

  /**
   * The text without quotes around the whole of it, as researchers quote a phrase ({@code
   * "diffusion policy"}): kept, they made a second topic, mute or author that reads the same.
   */
  static String unquoted(String text) {
    Matcher quoted = QUOTED.matcher(text);
    return quoted.matches() && !quoted.group(1).isBlank() ? quoted.group(1).strip() : text;
  }

  /**
   * An author's name as typed, without the {@code @} of a chat mention ({@code @Sergey Levine}) or
   * quotes around it.
   */
  static String authorName(String text) {
    String name = unquoted(text.strip());
    while (name.startsWith("@")) {
      name = name.substring(1).strip();
    }
    return name;
  }

  /** A short reason the text cannot be stored, naming it, or null when it is fine. */
  static String problem(String text, Kind kind, ProfileLimits limits) {
    if (text.isEmpty()) {
      return "Which " + kind.noun + "? For example `" + kind.example + "`.";
    }
    if (text.length() > limits.maxTopicLength()) {
      return "The "
          + kind.noun
          + " "
          + UserText.emphasis(shorten(text))
          + " is "
          + text.length()
          + " characters; keep it to "
          + limits.maxTopicLength()
          + ", a few words like `"
          + kind.sample
          + "`.";
    }
    if (!LETTER.matcher(text).find()) {
      return kind.subject
          + " needs at least one letter; "
          + UserText.emphasis(shorten(text))
          + " has none.";
    }
    if (kind == Kind.AUTHOR) {
      return LINK.matcher(text).find()
          ? "Follow an author by name, not by a link: for example `/follow Sergey Levine`."
          : null;
    }
    Matcher minus = MINUS_WORD.matcher(text);
    if (minus.find()) {
      return kind == Kind.TOPIC
          ? "A topic can't leave words out ("
              + UserText.emphasis("-" + shorten(minus.group(1)))
              + "). To never see papers about a term, use `/topics mute "
              + shorten(minus.group(1))
              + "`."
          : "A muted term is left out already; type it without the minus: `/topics mute "
              + shorten(minus.group(1))
              + "`.";
    }
    if (TopicSubject.hasOnlyStopWords(text)) {
      return UserText.emphasis(shorten(text))
          + " has only common words that searches leave out (such as “the”, “of”); "
          + "name a subject, e.g. `"
          + kind.example
          + "`.";
    }
    return null;
  }

  /**
   * " No paper spells *difusion polcy* that way; it follows *diffusion policy*." when ranking reads
   * a word of the topic as the nearest word papers use (the member may want to fix it), else "".
   */
  static String spellingNote(PaperIndex index, String topic) {
    return index
        .spellingFixed(topic)
        .map(fixed ->
            " No paper spells "
                + UserText.emphasis(topic)
                + " that way; it follows "
                + UserText.emphasis(fixed)
                + ".")
        .orElse("");
  }

  static String shorten(String text) {
    return UserText.shortened(text, 40);
  }
}
