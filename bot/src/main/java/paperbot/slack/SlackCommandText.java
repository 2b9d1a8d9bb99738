package paperbot.slack;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slash command's text as the member saw it in the composer. Slack sends what the member typed
 * with {@code &}, {@code <} and {@code >} escaped, and, where it linked something (always for
 * {@code @here} and user groups; for members, channels and links when the command escapes them),
 * its markup in angle brackets: {@code <@U123|jane>}, {@code <#C123|general>}, {@code <!here>},
 * {@code <https://arxiv.org/abs/2101.00001|link>}. Read as typed text, that markup became topics
 * like {@code <#c123|general>} and authors like {@code <@U123|jane>}; read here, it is {@code
 * #general} and {@code @jane}, which the core reads as it reads them typed.
 */
final class SlackCommandText {
  /** Slack's markup: an optional sigil, the target (an id or a link) and an optional label. */
  private static final Pattern MARKUP = Pattern.compile("<([@#!]?)([^<>|]*)(?:\\|([^<>]*))?>");

  private SlackCommandText() {}

  /**
   * The text with each piece of markup as the member saw it, and Slack's entities as characters.
   *
   * @param memberName a member's name by user id, for a mention that carries none
   */
  static String read(String text, Function<String, Optional<String>> memberName) {
    if (text == null) {
      return "";
    }
    Matcher markup = MARKUP.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (markup.find()) {
      String shown = shown(markup.group(1), markup.group(2), markup.group(3), memberName);
      markup.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    markup.appendTail(out);
    return SlackRenderer.unescape(out.toString());
  }

  /** One piece of markup as Slack shows it, still escaped as the text around it is. */
  private static String shown(
      String sigil, String target, String label, Function<String, Optional<String>> memberName) {
    boolean labelled = label != null && !label.isBlank();
    return switch (sigil) {
      case "@" ->
          "@"
              + (labelled
                  ? label
                  : memberName.apply(target).map(SlackCommandText::escaped).orElse(target));
      case "#" -> "#" + (labelled ? label : target);
      case "!" -> special(target, labelled ? label : null);
      // A link: where it leads (a paper's link is its id), but a mail address as written.
      default -> target.startsWith("mailto:") && labelled ? label : target;
    };
  }

  /**
   * {@code <!here>}, {@code <!channel>} and {@code <!everyone>} as typed; a user group by its label
   * (which starts with its @), and a date by its fallback text.
   */
  private static String special(String target, String label) {
    if (target.startsWith("date^")) {
      return label == null ? "" : label;
    }
    if (target.startsWith("subteam^")) {
      return label != null ? label : "@" + target.substring("subteam^".length());
    }
    return "@" + target;
  }

  /** A name from Slack's API, escaped as the command text around it is. */
  private static String escaped(String name) {
    return name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
