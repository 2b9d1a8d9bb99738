package paperbot.chat;

import java.util.List;

/**
 * What the core answers: a short text, paper cards, and buttons. Platforms render it; they never
 * reword it.
 *
 * @param text the message text (may be empty when the cards say it all)
 * @param cards papers to show, in rank order
 * @param buttons buttons under the whole reply (e.g. next page)
 * @param ephemeral true when only the asking member should see it, where the platform supports that
 * @param attachment a file that goes with the reply, or null
 */
public record Reply(
    String text,
    List<PaperCard> cards,
    List<ReplyButton> buttons,
    boolean ephemeral,
    Attachment attachment) {

  public Reply {
    text = text == null ? "" : text;
    cards = List.copyOf(cards);
    buttons = List.copyOf(buttons);
  }

  /** A reply without a file. */
  public Reply(String text, List<PaperCard> cards, List<ReplyButton> buttons, boolean ephemeral) {
    this(text, cards, buttons, ephemeral, null);
  }

  /** A private text answer with a file. */
  public static Reply privateFile(String text, Attachment attachment) {
    return new Reply(text, List.of(), List.of(), true, attachment);
  }

  /** A plain, private text answer: help, usage, errors. */
  public static Reply privateText(String text) {
    return new Reply(text, List.of(), List.of(), true);
  }
}
