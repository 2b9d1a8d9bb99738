package paperbot.chat;

/**
 * A member's option that cannot be used, with the short reply that says what is accepted. Commands
 * throw it from the records that validate their options; the router answers with the message and
 * logs one line, never a stack trace, because bad input is not a failure of the bot.
 */
public final class InvalidOption extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param reply what the member reads: what was wrong and what is accepted
   */
  public InvalidOption(String reply) {
    super(reply, null, false, false);
  }
}
