package paperbot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import paperbot.chat.PaperCard;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;

/**
 * Lays a {@link Reply} out as Block Kit: a text section, a section and a button row per paper,
 * reply buttons.
 */
public final class SlackRenderer {
  /**
   * Block Kit limits (docs.slack.dev/reference/block-kit): section text, blocks per message,
   * elements per actions block, button text and value.
   */
  static final int MAX_SECTION_TEXT = 3000;

  static final int MAX_BLOCKS = 50;
  static final int MAX_ACTIONS = 25;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_VALUE = 2000;

  /** "ephemeral" (only the asker sees it) or "in_channel". */
  public static String responseType(Reply reply) {
    return reply.ephemeral() ? "ephemeral" : "in_channel";
  }

  /**
   * Text for notifications and clients that cannot show blocks. Slack reads it as mrkdwn too, so it
   * is escaped as the blocks are: {@code <!channel>} typed by a member must not notify anyone.
   */
  public static String fallbackText(Reply reply) {
    String text =
        !reply.text().isBlank()
            ? mrkdwn(reply.text())
            : reply.cards().isEmpty() ? "paperbot" : escape(reply.cards().get(0).title());
    return cut(text, MAX_SECTION_TEXT);
  }

  /**
   * The reply as at most {@link #MAX_BLOCKS} blocks: its text in as many sections as it needs (a
   * {@code /topics list} of 30 topics, mutes and follows runs past one section's 3,000 characters),
   * then as many cards as fit with a block kept for the reply's buttons.
   */
  public List<LayoutBlock> blocks(Reply reply) {
    List<ButtonElement> replyButtons = buttons(reply.buttons());
    int room = MAX_BLOCKS - (replyButtons.isEmpty() ? 0 : 1);
    List<LayoutBlock> blocks = new ArrayList<>();
    List<String> text = pieces(mrkdwn(reply.text()), MAX_SECTION_TEXT);
    text.subList(0, Math.min(text.size(), room)).forEach(piece -> blocks.add(section(piece)));
    for (PaperCard card : reply.cards()) {
      List<ButtonElement> buttons = buttons(card.buttons());
      if (blocks.size() + (buttons.isEmpty() ? 1 : 2) > room) {
        break;
      }
      blocks.add(section(cardText(card)));
      if (!buttons.isEmpty()) {
        blocks.add(ActionsBlock.builder().elements(List.copyOf(buttons)).build());
      }
    }
    if (!replyButtons.isEmpty()) {
      blocks.add(ActionsBlock.builder().elements(List.copyOf(replyButtons)).build());
    }
    return blocks;
  }

  /**
   * Mrkdwn split into pieces of at most {@code max} characters, between lines where it can be;
   * blank pieces are left out (a section's text may not be empty).
   */
  static List<String> pieces(String text, int max) {
    List<String> pieces = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int newline = rest.lastIndexOf('\n', max);
      int end = newline > 0 ? newline : cutPoint(rest, max);
      pieces.add(rest.substring(0, end));
      rest = rest.substring(newline > 0 ? end + 1 : end);
    }
    pieces.add(rest);
    pieces.removeIf(String::isBlank);
    return pieces;
  }

  /**
   * A paper as mrkdwn. Its title, authors and abstract are the sources' text, shown as printed: a
   * title of {@code *Bold* _it_} neither formats nor ends the link it stands in.
   */
  private static String cardText(PaperCard card) {
    StringBuilder text = new StringBuilder();
    text.append("*<")
        .append(card.url())
        .append('|')
        .append(literal(cut(card.title(), 300)).replace("|", "¦"))
        .append(">*\n");
    String byline = card.byline();
    text.append('`')
        .append(card.id())
        .append('`')
        .append(byline.isEmpty() ? "" : " · " + literal(byline));
    if (!card.snippet().isBlank()) {
      text.append('\n').append(literal(card.snippet()));
    }
    if (!card.why().isBlank()) {
      text.append("\n_").append(mrkdwn(card.why())).append('_');
    }
    return text.toString();
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder()
        .text(MarkdownTextObject.builder().text(cut(mrkdwn, MAX_SECTION_TEXT)).build())
        .build();
  }

  /**
   * The buttons Slack can carry, at most {@link #MAX_ACTIONS}. A button whose value is too long (a
   * page of a query of thousands of characters) is left out: cut, it would page a different query.
   * The member can still type {@code /papers <query> more}.
   */
  private static List<ButtonElement> buttons(List<ReplyButton> buttons) {
    List<ButtonElement> elements = new ArrayList<>();
    for (ReplyButton button : buttons) {
      if (button.value().length() > MAX_BUTTON_VALUE || elements.size() == MAX_ACTIONS) {
        continue;
      }
      elements.add(
          ButtonElement.builder()
              .actionId(button.actionId())
              .text(
                  PlainTextObject.builder()
                      .text(cut(button.label(), MAX_BUTTON_TEXT))
                      .emoji(true)
                      .build())
              .value(button.value())
              .build());
    }
    return elements;
  }

  /** Slack mrkdwn treats &, < and > as control characters. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The core's text as mrkdwn: escaped, and the text it echoes of members and papers (topics,
   * authors, queries, titles) bold or plain without formatting of its own.
   */
  static String mrkdwn(String text) {
    return UserText.render(
        escape(text), part -> "*" + unformatted(part) + "*", SlackRenderer::unformatted);
  }

  /** Text that is not ours, as mrkdwn that shows it as it is. */
  private static String literal(String text) {
    return unformatted(escape(text));
  }

  /**
   * Text that cannot format: mrkdwn has no escape for its markers, so {@code * _ ~ `} become the
   * look-alikes {@code ∗ ˍ ∼ ˋ} (as jsx-slack's Escape does), and {@code /follow *Bold*} echoes
   * {@code ∗Bold∗} inside the bold, not a second bold. Web addresses keep theirs, or their links
   * would lead elsewhere.
   */
  static String unformatted(String text) {
    return UserText.outsideLinks(
        text,
        part ->
            part.replace('*', '\u2217')
                .replace('_', '\u02cd')
                .replace('~', '\u223c')
                .replace('`', '\u02cb'));
  }

  /**
   * What the member typed: Slack sends command text with {@code &}, {@code <} and {@code >} as
   * {@code &amp;}, {@code &lt;} and {@code &gt;}, and the core must not store or echo the entities.
   */
  static String unescape(String text) {
    return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** At most {@code max} characters, the last an ellipsis when anything was cut. */
  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, cutPoint(text, max - 1)) + "…";
  }

  /**
   * Where to cut text to at most {@code max} characters: never between the halves of a surrogate
   * pair (an emoji would become a lone half) nor inside an entity {@code &amp;}, {@code &lt;} or
   * {@code &gt;} (Slack would show {@code &am}).
   */
  private static int cutPoint(String text, int max) {
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    int amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && end - amp < "&amp;".length() && text.indexOf(';', amp) >= end) {
      end = amp;
    }
    return end;
  }
}
