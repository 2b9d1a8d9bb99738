package paperbot.discord;

import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.ErrorResponse;
import paperbot.chat.PostResult;

/**
 * Which of Discord's JSON error codes on a message are refusals that will not change until someone
 * acts, each with what to do about it; and the same refusals when JDA knows them before asking (a
 * channel it does not know, a permission its cache says the bot lacks). Any other error is taken as
 * passing, as today (5xx, 429, 130000 "resource overloaded", 20028 a channel's write limit): the
 * digest is tried again later that day.
 */
final class DiscordRefusals {
  private static final String PERMISSIONS =
      "give paperbot View Channel, Send Messages and Embed Links in this channel's permissions";

  /**
   * Discord answers 10003 Unknown Channel, or the guild's channel is not among those the connection
   * knows (a guild's create event lists all its channels, visible to paperbot or not): deleted. A
   * channel paperbot may not see is 50001 Missing Access instead.
   */
  static final PostResult.Refused UNKNOWN_CHANNEL =
      new PostResult.Refused(
          "unknown_channel",
          "Discord no longer has this channel for paperbot (deleted?); subscribe another channel",
          true);

  /** The connection does not know the guild at all (and not as unavailable): paperbot left it. */
  static final PostResult.Refused UNKNOWN_GUILD =
      refused(
          ErrorResponse.UNKNOWN_GUILD,
          "paperbot is no longer in this server; invite it again with its invite link");

  private DiscordRefusals() {}

  /** The refusal Discord's error is, or empty when it may pass. */
  static Optional<PostResult.Refused> of(ErrorResponse error) {
    return Optional.ofNullable(
        switch (error) {
          case UNKNOWN_CHANNEL -> UNKNOWN_CHANNEL;
          case UNKNOWN_GUILD -> UNKNOWN_GUILD;
          case MISSING_ACCESS -> refused(error, "paperbot cannot see this channel; " + PERMISSIONS);
          case MISSING_PERMISSIONS ->
              refused(error, "paperbot lacks a permission in this channel; " + PERMISSIONS);
          case CANNOT_SEND_TO_USER ->
              refused(
                  error,
                  "Discord will not let paperbot message you; allow direct messages from this"
                      + " server's members in its Privacy Settings");
          case UNKNOWN_USER, INVALID_RECIPIENT ->
              refused(error, "Discord no longer knows this member");
          case ILLEGAL_OPERATION_ARCHIVED_THREAD ->
              refused(error, "this thread is archived; unarchive it to get the digest again");
          case THREAD_LOCKED -> refused(error, "this thread is locked; unlock it for paperbot");
          case CANNOT_MESSAGE_VC, INVALID_CHANNEL_TYPE, CANNOT_SEND_MESSAGE_IN_FORUM ->
              refused(
                  error,
                  "paperbot cannot post messages in this kind of channel; subscribe a text"
                      + " channel");
          default -> null;
        });
  }

  /** JDA's cache says the bot lacks a permission here, so it did not even ask Discord. */
  static PostResult.Refused lacking(Permission permission) {
    String name = permission == null ? "a permission" : permission.getName();
    return new PostResult.Refused(
        permission == Permission.VIEW_CHANNEL ? "missing_access" : "missing_permissions",
        lackingReason(name));
  }

  /** What members read when paperbot lacks these permissions (their names) in a channel. */
  static String lackingReason(String names) {
    return "paperbot lacks " + names + " in this channel; " + PERMISSIONS;
  }

  private static PostResult.Refused refused(ErrorResponse error, String reason) {
    return new PostResult.Refused(error.name().toLowerCase(Locale.ROOT), reason);
  }
}
