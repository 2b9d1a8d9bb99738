package paperbot.chat;

import java.util.List;

/**
 * One paper as every platform shows it; all text is already worded, renderers only lay it out.
 *
 * @param id the paper id members type in {@code /paper <id>}
 * @param title the title, verbatim
 * @param url the arXiv page when the id is known, otherwise a search link for the title
 * @param authors authors line, e.g. {@code Cheng Chi, Siyuan Feng et al.} or {@code 11 authors};
 *     empty when unknown
 * @param date date line, e.g. {@code Oct 7, 2024} or {@code Jun 4 (year inferred: 2026)}; empty
 *     when unknown
 * @param upvotes upvotes when known, else null
 * @param snippet about two lines of the abstract
 * @param why one line on why it is here, e.g. {@code matched: diffusion policy (title)}
 * @param buttons buttons for this paper
 */
public record PaperCard(
    String id,
    String title,
    String url,
    String authors,
    String date,
    Integer upvotes,
    String snippet,
    String why,
    List<ReplyButton> buttons) {

  public PaperCard {
    buttons = List.copyOf(buttons);
  }

  /** Authors, date and upvotes joined with " · ", skipping what is unknown. */
  public String byline() {
    StringBuilder line = new StringBuilder();
    append(line, authors);
    append(line, date);
    if (upvotes != null) {
      append(line, "▲ " + upvotes);
    }
    return line.toString();
  }

  private static void append(StringBuilder line, String part) {
    if (part == null || part.isBlank()) {
      return;
    }
    if (!line.isEmpty()) {
      line.append(" · ");
    }
    line.append(part);
  }
}
