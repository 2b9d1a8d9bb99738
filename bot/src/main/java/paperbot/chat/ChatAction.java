package paperbot.chat;

import java.util.Objects;
import paperbot.recommender.profile.MemberKey;

/**
 * A button a member pressed under an earlier reply.
 *
 * @param platform where it came from
 * @param workspace Slack team or Discord guild id
 * @param channel channel of the message that carried the button
 * @param user the member who pressed it
 * @param actionId which kind of button, one of the {@code ReplyButton} action ids
 * @param value the button's payload, as the core put it there
 * @param owner the member whose request produced the button, where the platform tells us; empty
 *     when unknown
 */
public record ChatAction(
    Platform platform,
    String workspace,
    String channel,
    String user,
    String actionId,
    String value,
    String owner) {

  public ChatAction {
    Objects.requireNonNull(platform, "platform");
    actionId = Objects.requireNonNullElse(actionId, "");
    value = Objects.requireNonNullElse(value, "");
    owner = Objects.requireNonNullElse(owner, "");
  }

  /**
   * A press where the button's owner is not known (the platform shows the message only to its
   * owner).
   */
  public ChatAction(
      Platform platform,
      String workspace,
      String channel,
      String user,
      String actionId,
      String value) {
    this(platform, workspace, channel, user, actionId, value, "");
  }

  /** True when someone other than the member who asked pressed the button. */
  public boolean byOtherMember() {
    return !owner.isEmpty() && !owner.equals(user);
  }

  /** The request this button press acts as: same member and place, the given command and text. */
  public ChatRequest asRequest(String command, String text) {
    return new ChatRequest(platform, workspace, channel, user, command, text);
  }

  /**
   * The member whose profile this may read and change: always the one who typed or pressed, never
   * anyone else.
   */
  public MemberKey member() {
    return new MemberKey(platform.name(), workspace, user);
  }
}
