package paperbot.command;

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
 */
public record ChatAction(
    Platform platform, String workspace, String channel, String user, String actionId, String value) {

  public ChatAction {
    Objects.requireNonNull(platform, "platform");
    actionId = Objects.requireNonNullElse(actionId, "");
    value = Objects.requireNonNullElse(value, "");
  }

  /** The request this button press acts as: same member and place, the given command and text. */
  public ChatRequest asRequest(String command, String text) {
    return new ChatRequest(platform, workspace, channel, user, command, text);
  }

  /** The member whose profile this may read and change: always the one who typed or pressed, never anyone else. */
  public MemberKey member() {
    return new MemberKey(platform.name(), workspace, user);
  }
}
