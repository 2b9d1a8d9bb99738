package paperbot.console;

import java.util.ArrayList;
import java.util.List;
import paperbot.chat.PaperCard;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;

/**
 * Lays a {@link Reply} out as plain terminal text: numbered papers, a byline, a two-line snippet,
 * the why-line.
 */
public final class ConsoleRenderer {
  private static final int WIDTH = 100;
  private static final String INDENT = "   ";

  public String render(Reply reply) {
    StringBuilder out = new StringBuilder();
    if (!reply.text().isBlank()) {
      out.append(UserText.plain(reply.text()).strip()).append('\n');
    }
    int rank = 1;
    for (PaperCard card : reply.cards()) {
      out.append('\n');
      renderCard(out, reply.cards().size() > 1 ? rank++ + ". " : "", card);
    }
    if (reply.cards().stream().anyMatch(card -> !card.buttons().isEmpty())) {
      // Four button hints under every paper would drown the results; the console shows the commands
      // once.
      out.append("\nReact with /like <id>, /dislike <id>, /more <id> or /save <id>.\n");
    }
    for (ReplyButton button : reply.buttons()) {
      if (button.typed().isEmpty()) {
        continue; // nothing to type for it in a console (e.g. sharing to a channel)
      }
      out.append('\n').append(button.label()).append(": ").append(button.typed()).append('\n');
    }
    return out.toString();
  }

  private static void renderCard(StringBuilder out, String number, PaperCard card) {
    out.append(number).append(card.title()).append('\n');
    String byline = card.byline();
    out.append(INDENT)
        .append("id ")
        .append(card.id())
        .append(byline.isEmpty() ? "" : " · " + byline)
        .append('\n');
    boolean fullText = card.why().isEmpty() && card.snippet().length() > 2 * WIDTH;
    for (String line :
        wrap(card.snippet(), WIDTH - INDENT.length(), fullText ? Integer.MAX_VALUE : 2)) {
      out.append(INDENT).append(line).append('\n');
    }
    if (!card.why().isEmpty()) {
      out.append(INDENT).append(UserText.plain(card.why())).append('\n');
    }
    out.append(INDENT).append(card.url()).append('\n');
  }

  /**
   * Word-wraps text to lines of at most width characters, keeping at most maxLines (the last one
   * ends with …).
   */
  static List<String> wrap(String text, int width, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        if (lines.size() == maxLines) {
          String last = lines.remove(maxLines - 1);
          lines.add(last.endsWith("…") ? last : last + " …");
          return lines;
        }
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word.length() > width ? word.substring(0, width - 1) + "…" : word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
