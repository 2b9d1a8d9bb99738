package paperbot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
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
   * Block Kit limits (api.slack.com/reference/block-kit): section text, blocks per message, button
   * text and value.
   */
  static final int MAX_SECTION_TEXT = 3000;

  static final int MAX_BLOCKS = 50;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_VALUE = 2000;

  /** Each card takes two blocks; the reply text and reply buttons take one each. */
  static final int MAX_CARDS = (MAX_BLOCKS - 2) / 2;

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

  public List<LayoutBlock> blocks(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!reply.text().isBlank()) {
      blocks.add(section(mrkdwn(reply.text())));
    }
    for (PaperCard card : reply.cards().subList(0, Math.min(MAX_CARDS, reply.cards().size()))) {
      blocks.add(section(cardText(card)));
      if (!card.buttons().isEmpty()) {
        blocks.add(actions(card.buttons()));
      }
    }
    if (!reply.buttons().isEmpty()) {
      blocks.add(actions(reply.buttons()));
    }
    return blocks;
  }

  private static String cardText(PaperCard card) {
    StringBuilder text = new StringBuilder();
    text.append("*<")
        .append(card.url())
        .append('|')
        .append(escape(cut(card.title(), 300)).replace("|", "¦"))
        .append(">*\n");
    String byline = card.byline();
    text.append('`')
        .append(card.id())
        .append('`')
        .append(byline.isEmpty() ? "" : " · " + escape(byline));
    if (!card.snippet().isBlank()) {
      text.append('\n').append(escape(card.snippet()));
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

  private static ActionsBlock actions(List<ReplyButton> buttons) {
    List<BlockElement> elements = new ArrayList<>();
    for (ReplyButton button : buttons) {
      elements.add(
          ButtonElement.builder()
              .actionId(button.actionId())
              .text(
                  PlainTextObject.builder()
                      .text(cut(button.label(), MAX_BUTTON_TEXT))
                      .emoji(true)
                      .build())
              .value(cut(button.value(), MAX_BUTTON_VALUE))
              .build());
    }
    return ActionsBlock.builder().elements(elements).build();
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

  /**
   * Text that cannot format: mrkdwn has no escape for its markers, so {@code * _ ~ `} become the
   * look-alikes {@code ∗ ˍ ∼ ˋ} (as jsx-slack's Escape does), and {@code /follow *Bold*} echoes
   * {@code ∗Bold∗} inside the bold, not a second bold.
   */
  static String unformatted(String text) {
    return text.replace('*', '\u2217')
        .replace('_', '\u02cd')
        .replace('~', '\u223c')
        .replace('`', '\u02cb');
  }

  /**
   * What the member typed: Slack sends command text with {@code &}, {@code <} and {@code >} as
   * {@code &amp;}, {@code &lt;} and {@code &gt;}, and the core must not store or echo the entities.
   */
  static String unescape(String text) {
    return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
