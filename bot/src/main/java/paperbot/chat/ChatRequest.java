package paperbot.chat;

import java.util.LinkedHashMap;
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
 * @param text everything after the command name, as typed but {@link UserText#normalise
 *     normalised}; words a platform delivered with the command name (a console line whose name and
 *     text are parted by a tab or a no-break space) are moved here
 * @param canManageChannel whether the member may change the channel's settings (Discord: Manage
 *     Channels), which setting up a channel digest requires
 * @param options typed options by name, as a platform with typed options (Discord) delivered them:
 *     then {@code text} holds only the subcommand, or the one option of a command without
 *     subcommands. Empty when the member typed free text (Slack, console), which the command reads
 *     into the same values.
 * @param cannotPost why paperbot could not post in this channel, in one sentence for members, when
 *     the platform said so with the command (Discord sends the app's permissions in the channel);
 *     null when it can, or the platform did not say
 */
public record ChatRequest(
    Platform platform,
    String workspace,
    String channel,
    String user,
    String command,
    String text,
    boolean canManageChannel,
    Map<String, String> options,
    String cannotPost) {

  /** A request from a platform that did not say whether paperbot can post in the channel. */
  public ChatRequest(
      Platform platform,
      String workspace,
      String channel,
      String user,
      String command,
      String text,
      boolean canManageChannel,
      Map<String, String> options) {
    this(platform, workspace, channel, user, command, text, canManageChannel, options, null);
  }

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

  /**
   * Every platform's text enters the core here: the command name, the text and each typed option
   * are {@link UserText#normalise normalised}, so what looks the same is the same (a topic typed
   * with a zero-width space is the topic without one).
   */
  public ChatRequest {
    Objects.requireNonNull(platform, "platform");
    workspace = Objects.requireNonNullElse(workspace, "");
    channel = Objects.requireNonNullElse(channel, "");
    user = Objects.requireNonNullElse(user, "");
    String name = commandLine(command);
    text = UserText.normalise(text);
    int space = name.indexOf(' ');
    if (space >= 0) {
      // Words stuck to the name (the console's whole line, or a name typed with its text) are
      // text, in their own case: "NOT", "PST" and "Sergey Levine" mean what they say.
      text = (name.substring(space + 1) + " " + text).strip();
      name = name.substring(0, space);
    }
    command = name.toLowerCase(Locale.ROOT);
    options = options == null ? Map.of() : normalised(options);
  }

  /**
   * One line as a member typed it where commands are not set apart (the console): {@code /name
   * text}, or, without a slash, text for {@code bareCommand}.
   */
  public static ChatRequest typed(
      Platform platform,
      String workspace,
      String channel,
      String user,
      String line,
      String bareCommand) {
    String input = UserText.normalise(line);
    return input.startsWith("/")
        ? new ChatRequest(platform, workspace, channel, user, input, "")
        : new ChatRequest(platform, workspace, channel, user, bareCommand, input);
  }

  /** A typed option's value, if the platform delivered it. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** A typed yes/no option: true only when delivered as {@code true}. */
  public boolean flag(String name) {
    return "true".equals(options.get(name));
  }

  /** The command as typed, normalised, without its slashes (not yet lower case). */
  private static String commandLine(String command) {
    String name = UserText.normalise(command);
    while (name.startsWith("/")) {
      name = name.substring(1);
    }
    return name.strip();
  }

  private static Map<String, String> normalised(Map<String, String> options) {
    Map<String, String> clean = new LinkedHashMap<>();
    options.forEach((name, value) -> clean.put(name, UserText.normalise(value)));
    return Map.copyOf(clean);
  }

  /**
   * The same member and place with another command, used when a button stands for a typed command.
   */
  public ChatRequest withCommand(String newCommand, String newText) {
    return new ChatRequest(
        platform,
        workspace,
        channel,
        user,
        newCommand,
        newText,
        canManageChannel,
        Map.of(),
        cannotPost);
  }

  /**
   * The member whose profile this may read and change: always the one who typed or pressed, never
   * anyone else.
   */
  public MemberKey member() {
    return new MemberKey(platform.name(), workspace, user);
  }
}
