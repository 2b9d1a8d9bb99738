package paperbot.discord;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatOutbox;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;

/**
 * Posts digests to Discord text channels or members' direct messages; JDA paces requests to the
 * rate limits.
 */
final class DiscordOutbox implements ChatOutbox {
  private static final Logger log = LoggerFactory.getLogger(DiscordOutbox.class);

  /** Attempts per post; server errors and network failures are retried. */
  static final int ATTEMPTS = 4;

  /** First wait after a failure; it doubles with each attempt. */
  static final Duration BACKOFF = Duration.ofSeconds(1);

  private final Function<String, JDA> jdaForGuild;
  private final DiscordRenderer renderer = new DiscordRenderer(new ButtonIds());

  /**
   * @param jdaForGuild the connection (shard) serving a guild
   */
  DiscordOutbox(Function<String, JDA> jdaForGuild) {
    this.jdaForGuild = jdaForGuild;
  }

  /**
   * The key goes out as the message's nonce, which JDA sends with {@code enforce_nonce}: when a
   * post is repeated (a retry after a server error or a timeout that may have posted, a digest
   * retried after an outage), Discord returns the message it already created instead of posting it
   * again. That makes every failure but a refusal safe to retry. A refusal that will not change
   * today ({@link DiscordRefusals}) is returned at once, not retried.
   */
  @Override
  public PostResult post(
      String workspace, String destination, boolean toMember, Reply reply, String key)
      throws InterruptedException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return send(workspace, destination, toMember, reply, key);
      } catch (ErrorResponseException e) {
        Optional<PostResult.Refused> refused = DiscordRefusals.of(e.getErrorResponse());
        if (refused.isPresent()) {
          // Said once, with what to do, by whoever asked for the post (a digest's run).
          log.info(
              "discord post refused guild={} channel={} code={}",
              workspace,
              destination,
              e.getErrorCode());
          return refused.get();
        }
        if (!e.isServerError() || attempt == ATTEMPTS) {
          log.warn(
              "discord post failed guild={} channel={} status={} code={} attempts={}",
              workspace,
              destination,
              e.getErrorResponse(),
              e.getErrorCode(),
              attempt);
          return PostResult.FAILED;
        }
        log.info(
            "discord post retry guild={} channel={} status={}",
            workspace,
            destination,
            e.getErrorResponse());
      } catch (PermissionException e) {
        log.info(
            "discord post refused guild={} channel={} lacking={}",
            workspace,
            destination,
            e.getPermission());
        return DiscordRefusals.lacking(e.getPermission());
      } catch (RuntimeException e) {
        if (!(e.getCause() instanceof IOException) || attempt == ATTEMPTS) {
          log.warn(
              "discord post failed guild={} channel={} error={} attempts={}",
              workspace,
              destination,
              e.toString(),
              attempt);
          return PostResult.FAILED;
        }
        log.info(
            "discord post retry guild={} channel={} error={}",
            workspace,
            destination,
            e.getCause().toString());
      }
      Thread.sleep(BACKOFF.multipliedBy(1L << (attempt - 1)).toMillis());
    }
    return PostResult.FAILED;
  }

  private PostResult send(
      String workspace, String destination, boolean toMember, Reply reply, String key) {
    JDA jda = jdaForGuild.apply(workspace);
    if (toMember) {
      jda.openPrivateChannelById(destination)
          .flatMap(dm -> dm.sendMessage(renderer.render(reply, destination)).setNonce(key))
          .complete();
      return PostResult.POSTED;
    }
    MessageChannel channel = jda.getChannelById(MessageChannel.class, destination);
    if (channel == null) {
      return unknownChannel(jda, workspace, destination);
    }
    channel.sendMessage(renderer.render(reply, "")).setNonce(key).complete();
    return PostResult.POSTED;
  }

  /**
   * A channel the connection does not know: deleted, or in a guild paperbot left, both refusals;
   * but while Discord reports the guild unavailable (an outage) its channels are unknown for a
   * while, and a later try may work.
   */
  private static PostResult unknownChannel(JDA jda, String workspace, String destination) {
    long guild;
    try {
      guild = Long.parseUnsignedLong(workspace);
    } catch (NumberFormatException notASnowflake) {
      return DiscordRefusals.UNKNOWN_GUILD;
    }
    if (jda.getGuildById(guild) == null && jda.isUnavailable(guild)) {
      log.warn(
          "discord post failed reason=guild_unavailable guild={} channel={}",
          workspace,
          destination);
      return PostResult.FAILED;
    }
    boolean guildKnown = jda.getGuildById(guild) != null;
    log.info(
        "discord post refused reason=unknown_channel guild={} channel={} guild_known={}",
        workspace,
        destination,
        guildKnown);
    return guildKnown ? DiscordRefusals.UNKNOWN_CHANNEL : DiscordRefusals.UNKNOWN_GUILD;
  }
}
