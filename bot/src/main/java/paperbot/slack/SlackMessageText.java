package paperbot.slack;

import com.slack.api.model.Attachment;
import com.slack.api.model.Message;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a message a shortcut was used on, where its links can be: what was typed, the text of
 * its sections and context lines (a bot's message, such as paperbot's own cards, carries its links
 * there, its top-level text being only the notification text), and the links Slack unfurled under
 * it.
 */
final class SlackMessageText {
  private SlackMessageText() {}

  /** Every part joined by newlines, Slack's {@code &amp; &lt; &gt;} read as the characters. */
  static String of(Message message) {
    if (message == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    parts.add(message.getText());
    for (LayoutBlock block : nonNull(message.getBlocks())) {
      if (block instanceof SectionBlock section) {
        parts.add(text(section.getText()));
        nonNull(section.getFields()).forEach(field -> parts.add(text(field)));
      } else if (block instanceof ContextBlock context) {
        for (ContextBlockElement element : nonNull(context.getElements())) {
          if (element instanceof TextObject text) {
            parts.add(text.getText());
          }
        }
      }
    }
    for (Attachment attachment : nonNull(message.getAttachments())) {
      parts.add(attachment.getFromUrl());
      parts.add(attachment.getOriginalUrl());
    }
    parts.removeIf(part -> part == null || part.isBlank());
    return SlackRenderer.unescape(String.join("\n", parts));
  }

  private static String text(TextObject text) {
    return text == null ? null : text.getText();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
