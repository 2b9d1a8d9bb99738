package paperbot.slack;

import java.util.Optional;
import paperbot.chat.PostResult;

/**
 * Which {@code chat.postMessage} errors (answered with HTTP 200 and {@code "ok": false}) are
 * refusals that will not change until someone acts, each with what to do about it. Any other error
 * is taken as passing, as today: Slack's own trouble ({@code fatal_error}, {@code internal_error},
 * {@code service_unavailable}, {@code request_timeout}, {@code ratelimited}), a workspace in
 * migration ({@code team_added_to_org}), or one Slack has not documented yet; the digest is tried
 * again later that day.
 */
final class SlackRefusals {
  private static final String INVITE = "invite it with `/invite @paperbot`";
  private static final String TOKEN =
      "Slack no longer accepts paperbot's bot token; ask whoever runs paperbot to reinstall the"
          + " app and set SLACK_BOT_TOKEN to its new token";
  private static final String SCOPE =
      "paperbot's Slack app lacks a permission it needs to post; ask whoever runs paperbot to"
          + " reinstall it with the scopes in config/slack-app-manifest.yml";

  private SlackRefusals() {}

  /**
   * @param error Slack's error code
   * @param toMember true for a member's direct messages, where a missing channel means the member
   */
  static Optional<PostResult.Refused> of(String error, boolean toMember) {
    String reason =
        switch (error == null ? "" : error) {
          case "not_in_channel" -> "paperbot is not in this channel; " + INVITE;
          case "channel_not_found" ->
              toMember
                  ? "Slack cannot open a direct message from paperbot to you (a deactivated"
                      + " account?)"
                  : "Slack cannot find this channel for paperbot (deleted, or private without"
                      + " paperbot in it); "
                      + INVITE;
          case "user_not_found", "user_disabled" ->
              "Slack no longer knows this member (a deactivated account?)";
          case "cannot_dm_bot" -> "Slack does not let paperbot send direct messages to a bot";
          case "messages_tab_disabled" ->
              "paperbot's Messages tab is off, so it cannot send direct messages; ask whoever"
                  + " installed it to turn the tab on in the app's App Home settings";
          case "is_archived" -> "this channel is archived; unarchive it to get the digest again";
          case "restricted_action" ->
              "a workspace setting keeps paperbot from posting here; ask a workspace admin";
          case "restricted_action_read_only_channel" ->
              "this channel is read-only for paperbot; ask a workspace admin to let it post here";
          case "restricted_action_thread_only_channel" ->
              "this channel takes only thread replies, and a digest is a message of its own;"
                  + " subscribe another channel";
          case "ekm_access_denied" -> "workspace administrators have suspended posting";
          case "team_access_not_granted" ->
              "paperbot's app has no access to this workspace; ask a workspace admin to grant it";
          case "account_inactive", "token_revoked", "token_expired", "invalid_auth", "not_authed" ->
              TOKEN;
          case "missing_scope", "no_permission", "not_allowed_token_type", "access_denied" -> SCOPE;
          default -> null;
        };
    return Optional.ofNullable(reason).map(r -> new PostResult.Refused(error, r));
  }

  /** The sentence for members of a refusal to post in a channel, by Slack's error code. */
  static String reason(String error) {
    return of(error, false).map(PostResult.Refused::reason).orElseThrow();
  }
}
