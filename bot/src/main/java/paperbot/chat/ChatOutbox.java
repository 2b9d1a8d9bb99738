package paperbot.chat;

/** Posts a message nobody asked for (a digest) to a channel or to one member. */
public interface ChatOutbox {

  /**
   * @param workspace Slack team or Discord guild
   * @param destination channel id, or user id when {@code toMember}
   * @param toMember true to send to the member directly
   * @param key the same for every attempt at one post (a digest's subscription and day), so a
   *     platform that can drop a repeated message (Discord's nonce) does; at most 25 characters
   * @return posted once the platform accepted the message; failed when another try later today may
   *     work; refused, with the reason, when the platform will not take it until someone acts
   */
  PostResult post(String workspace, String destination, boolean toMember, Reply reply, String key)
      throws InterruptedException;

  /** Whether a post went out, as far as the platform can tell. */
  enum Delivery {
    FOUND,
    NOT_FOUND,
    /**
     * The platform cannot be asked (or did not answer); posting again relies on its own repeat
     * check.
     */
    UNKNOWN
  }

  /**
   * Looks for the post with this key at the destination. A run resumed after its process died asks
   * this first: the dead process may have posted before it could record so.
   */
  default Delivery find(String workspace, String destination, boolean toMember, String key)
      throws InterruptedException {
    return Delivery.UNKNOWN;
  }
}
