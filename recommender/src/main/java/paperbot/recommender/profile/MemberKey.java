package paperbot.recommender.profile;

import java.util.Objects;

/**
 * Who a profile belongs to: platform, workspace (Slack team, Discord guild) and user. Two
 * workspaces never share a profile, even for the same user id.
 */
public record MemberKey(String platform, String workspace, String user) {
  public MemberKey {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(user, "user");
  }
}
