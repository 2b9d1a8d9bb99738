package paperbot.command;

import java.util.Locale;
import java.util.regex.Pattern;
import paperbot.chat.UserText;
import paperbot.recommender.search.PaperIndex;

/**
 * Normalises and checks what members type as topics, mutes and author names. Answers problems in
 * words.
 */
final class TopicText {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SEARCHABLE = Pattern.compile("[\\p{L}\\p{N}]");

  private TopicText() {}

  /**
   * Lower case, single spaces, trimmed, so "Offline RL" and "offline rl" are one topic; read as
   * {@link UserText#normalise} reads typed text (requests are already, an autocomplete prefix is
   * not), so no invisible character makes a second topic that looks the same.
   */
  static String normalise(String text) {
    return SPACES.matcher(UserText.normalise(text)).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** A short reason the text cannot be stored, or null when it is fine. */
  static String problem(String text, String what, ProfileLimits limits) {
    if (text.isEmpty()) {
      return "Which " + what + "? For example `/topics add offline rl`.";
    }
    if (text.length() > limits.maxTopicLength()) {
      return "That "
          + what
          + " is "
          + text.length()
          + " characters; keep it to "
          + limits.maxTopicLength()
          + ", a few words like `diffusion policy`.";
    }
    if (!SEARCHABLE.matcher(text).find()) {
      return "A " + what + " needs at least one letter or digit.";
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
}
