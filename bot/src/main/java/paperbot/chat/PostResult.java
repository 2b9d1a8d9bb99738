package paperbot.chat;

/**
 * What became of an unprompted post: the platform took it; it failed for now (an outage, a rate
 * limit, the network), so a later try the same day may work; or the platform refused it for a
 * reason that will not change until someone acts (the bot was removed from the channel, the channel
 * was archived or deleted, the member takes no direct messages), so trying again today only repeats
 * the refusal.
 */
public sealed interface PostResult {
  PostResult POSTED = new Posted();
  PostResult FAILED = new Failed();

  /** The platform took the message. */
  record Posted() implements PostResult {}

  /** Not taken this time; worth another try later the same day. */
  record Failed() implements PostResult {}

  /**
   * Refused until someone acts.
   *
   * @param code the platform's short name for it, for logs ({@code not_in_channel}, {@code
   *     missing_access})
   * @param reason one sentence for members: what is wrong and what to do, e.g. "paperbot is not in
   *     this channel; invite it with `/invite @paperbot`"
   * @param gone true when the platform says the destination itself no longer exists (a deleted
   *     channel), so no one can act on it any more; false when someone still could (re-invite
   *     paperbot, unarchive, grant a permission), or the platform's answer cannot tell
   */
  record Refused(String code, String reason, boolean gone) implements PostResult {
    /** A refusal someone can still act on. */
    public Refused(String code, String reason) {
      this(code, reason, false);
    }
  }
}
