package paperbot.chat;

/**
 * A button under a reply or a paper card. Platforms draw it their own way; the console prints the
 * equivalent command.
 *
 * @param actionId which handler takes the press, e.g. {@link #NEXT_PAGE}
 * @param label text on the button
 * @param value opaque payload handed back with the press
 * @param typed the command a console user types to do the same, e.g. {@code /papers diffusion
 *     more}; empty when the button has no typed equivalent (sharing to a channel)
 */
public record ReplyButton(String actionId, String label, String value, String typed) {
  /** Shows the next page of a search; value is {@code <page>|<query>}. */
  public static final String NEXT_PAGE = "papers.next";

  /** Posts a private result list to the channel for everyone; value is {@code <page>|<query>}. */
  public static final String SHARE = "papers.share";

  /** Confirms {@code /topics clear}. */
  public static final String CLEAR_TOPICS = "topics.clear";

  /** Sends the member's saved papers as a BibTeX file; no value. */
  public static final String SAVED_BIBTEX = "saved.bibtex";

  /** Feedback on one paper; value is the paper id. */
  public static final String LIKE = "paper.like";

  public static final String DISLIKE = "paper.dislike";
  public static final String MORE_LIKE_THIS = "paper.more";
  public static final String SAVE = "paper.save";
}
