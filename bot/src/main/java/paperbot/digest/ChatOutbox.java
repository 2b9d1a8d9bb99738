package paperbot.digest;

import paperbot.command.Reply;

/** Posts a message nobody asked for (a digest) to a channel or to one member. */
public interface ChatOutbox {

  /**
   * @param workspace Slack team or Discord guild
   * @param destination channel id, or user id when {@code toMember}
   * @param toMember true to send to the member directly
   * @return true once the platform accepted the message
   */
  boolean post(String workspace, String destination, boolean toMember, Reply reply) throws InterruptedException;
}
