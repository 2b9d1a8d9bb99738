package paperbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.recommender.profile.VisibleText;

/**
 * Text that is not ours, on its way in and out.
 *
 * <p>In: every platform's command name, text and typed options pass {@link #normalise} once, in
 * {@link ChatRequest}, so the core only ever sees one spelling of what looks the same.
 *
 * <p>Out: the core marks what it echoes of a member's text (a topic, an author, a query) or of a
 * paper's (a title) with {@link #emphasis} or {@link #literal}, and each renderer writes the marked
 * text in its platform's way with {@link #render}: escaped, so that {@code *Bold*}, {@code
 * <!channel>} or {@code @everyone} show as typed and never format or ping.
 */
public final class UserText {
  /** Private-use marks around echoed text; never typed (normalise drops them). */
  private static final char EMPHASIS_START = '\uE000';

  private static final char EMPHASIS_END = '\uE001';
  private static final char LITERAL_START = '\uE002';
  private static final char LITERAL_END = '\uE003';
  private static final char MENTION_START = '\uE004';
  private static final char MENTION_END = '\uE005';
  private static final Pattern MARKS = Pattern.compile("[\uE000-\uE005]");
  private static final Pattern MARKED =
      Pattern.compile("\uE000([^\uE000-\uE005]*)\uE001|\uE002([^\uE000-\uE005]*)\uE003");
  private static final Pattern MENTION = Pattern.compile("\uE004([A-Za-z0-9]+)\uE005");

  private UserText() {}

  /**
   * Text that is not ours, shown emphasised (Slack bold, Discord italics, {@code *x*} elsewhere).
   */
  public static String emphasis(String text) {
    return EMPHASIS_START + unmarked(text) + EMPHASIS_END;
  }

  /** Text that is not ours, shown as it is. */
  public static String literal(String text) {
    return LITERAL_START + unmarked(text) + LITERAL_END;
  }

  /**
   * Typed text cut to its first {@code max} characters ("…" marks a cut), fit to stand inside a
   * code span the core writes ({@code `/topics mute …`}): a backtick in it would end the span, so
   * it becomes a look-alike (ˋ). Not escaped otherwise: platforms show a code span as it is.
   */
  public static String shortened(String text, int max) {
    String kept = unmarked(text).replace('`', '\u02CB');
    return kept.length() <= max ? kept : kept.substring(0, max) + "…";
  }

  /**
   * A member to notify, by their platform user id: written {@code <@id>} by {@link #render}, as
   * both Slack and Discord write a mention, and never escaped. A member's own {@code <@id>} typed
   * in a topic is text, escaped like any echo: only the core mentions.
   */
  public static String mention(String userId) {
    return MENTION_START + unmarked(userId).replaceAll("[^A-Za-z0-9]", "") + MENTION_END;
  }

  /** The user ids the text mentions, in order (a platform may have to allow each to notify). */
  public static List<String> mentioned(String text) {
    List<String> ids = new ArrayList<>();
    Matcher mention = MENTION.matcher(text == null ? "" : text);
    while (mention.find()) {
      ids.add(mention.group(1));
    }
    return ids;
  }

  /**
   * The text with each marked part written by the platform: {@code emphasised} and {@code literal}
   * get the part as it was marked, and must escape it. Text outside the marks is ours and kept.
   */
  public static String render(
      String text, UnaryOperator<String> emphasised, UnaryOperator<String> literal) {
    text = MENTION.matcher(text).replaceAll("<@$1>");
    if (text.indexOf(EMPHASIS_START) < 0 && text.indexOf(LITERAL_START) < 0) {
      return unmarked(text);
    }
    Matcher marked = MARKED.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    while (marked.find()) {
      String part =
          marked.group(1) != null
              ? emphasised.apply(marked.group(1))
              : literal.apply(marked.group(2));
      marked.appendReplacement(out, Matcher.quoteReplacement(part));
    }
    marked.appendTail(out);
    return unmarked(out.toString());
  }

  /** A web address as chat clients link it: up to a space, a quote or an angle bracket. */
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  /**
   * The text with {@code outside} applied to all but its web addresses, which stay as written: a
   * renderer's escape or look-alike inside {@code github.com/a_b} would change where it leads.
   */
  public static String outsideLinks(String text, UnaryOperator<String> outside) {
    Matcher link = LINK.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int done = 0;
    while (link.find()) {
      out.append(outside.apply(text.substring(done, link.start()))).append(link.group());
      done = link.end();
    }
    return out.append(outside.apply(text.substring(done))).toString();
  }

  /** The text as plain text shows it: emphasis as {@code *x*}, nothing escaped. */
  public static String plain(String text) {
    return render(text, part -> "*" + part + "*", part -> part);
  }

  private static String unmarked(String text) {
    return text == null ? "" : MARKS.matcher(text).replaceAll("");
  }

  /**
   * The text as the core reads it: as it looks ({@link VisibleText}: NFKC, without format or
   * control characters, every kind of whitespace one plain space, trimmed), without the marks the
   * core puts around echoed text. Never null.
   */
  public static String normalise(String text) {
    return text == null ? "" : VisibleText.of(unmarked(text));
  }
}
