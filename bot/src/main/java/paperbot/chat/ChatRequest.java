package paperbot.chat;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import paperbot.recommender.profile.MemberKey;

/**
 * One command a member typed, already translated out of the platform's payload.
 *
 * @param platform where it came from
 * @param workspace Slack team or Discord guild id ("local" for the console)
 * @param channel channel id the command was typed in
 * @param user the member's platform user id
 * @param command command name without slash, lower case, e.g. {@code papers}
 * @param text everything after the command name, as typed
 * @param canManageChannel whether the member may change the channel's settings (Discord: Manage
 *     Channels), which setting up a channel digest requires
 * @param options typed options by name, as a platform with typed options (Discord) delivered them:
 *     then {@code text} holds only the subcommand, or the one option of a command without
 *     subcommands. Empty when the member typed free text (Slack, console), which the command reads
 *     into the same values.
 */
public record ChatRequest(
    Platform platform,
    String workspace,
    String channel,
    String user,
    String command,
    String text,
    boolean canManageChannel,
    Map<String, String> options) {

  /** A typed request without typed options. */
  public ChatRequest(
      Platform platform,
      String workspace,
      String channel,
      String user,
      String command,
      String text,
      boolean canManageChannel) {
    this(platform, workspace, channel, user, command, text, canManageChannel, Map.of());
  }

  /**
   * A request from a platform that does not restrict channel settings (console; Slack, see the NOTE
   * there).
   */
  public ChatRequest(
      Platform platform,
      String workspace,
      String channel,
      String user,
      String command,
      String text) {
    this(platform, workspace, channel, user, command, text, true);
  }

  public ChatRequest {
    Objects.requireNonNull(platform, "platform");
    workspace = Objects.requireNonNullElse(workspace, "");
    channel = Objects.requireNonNullElse(channel, "");
    user = Objects.requireNonNullElse(user, "");
    command = normaliseCommand(command);
    text = text == null ? "" : text.strip();
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A typed option's value, if the platform delivered it. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** A typed yes/no option: true only when delivered as {@code true}. */
  public boolean flag(String name) {
    return "true".equals(options.get(name));
  }

  private static String normaliseCommand(String command) {
    String name = command == null ? "" : command.strip();
    while (name.startsWith("/")) {
      name = name.substring(1);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * The same member and place with another command, used when a button stands for a typed command.
   */
  public ChatRequest withCommand(String newCommand, String newText) {
    return new ChatRequest(
        platform, workspace, channel, user, newCommand, newText, canManageChannel, Map.of());
  }

  /**
   * The member whose profile this may read and change: always the one who typed or pressed, never
   * anyone else.
   */
  public MemberKey member() {
    return new MemberKey(platform.name(), workspace, user);
  }
}
