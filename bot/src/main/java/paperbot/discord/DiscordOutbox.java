package paperbot.discord;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatOutbox;
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
   * again. That makes every failure but a refusal safe to retry.
   */
  @Override
  public boolean post(
      String workspace, String destination, boolean toMember, Reply reply, String key)
      throws InterruptedException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return send(workspace, destination, toMember, reply, key);
      } catch (ErrorResponseException e) {
        if (!e.isServerError() || attempt == ATTEMPTS) {
          log.warn(
              "discord post failed guild={} channel={} status={} code={} attempts={}",
              workspace,
              destination,
              e.getErrorResponse(),
              e.getErrorCode(),
              attempt);
          return false;
        }
        log.info(
            "discord post retry guild={} channel={} status={}",
            workspace,
            destination,
            e.getErrorResponse());
      } catch (RuntimeException e) {
        if (!(e.getCause() instanceof IOException) || attempt == ATTEMPTS) {
          log.warn(
              "discord post failed guild={} channel={} error={} attempts={}",
              workspace,
              destination,
              e.toString(),
              attempt);
          return false;
        }
        log.info(
            "discord post retry guild={} channel={} error={}",
            workspace,
            destination,
            e.getCause().toString());
      }
      Thread.sleep(BACKOFF.multipliedBy(1L << (attempt - 1)).toMillis());
    }
    return false;
  }

  private boolean send(
      String workspace, String destination, boolean toMember, Reply reply, String key) {
    JDA jda = jdaForGuild.apply(workspace);
    if (toMember) {
      jda.openPrivateChannelById(destination)
          .flatMap(dm -> dm.sendMessage(renderer.render(reply, destination)).setNonce(key))
          .complete();
      return true;
    }
    MessageChannel channel = jda.getChannelById(MessageChannel.class, destination);
    if (channel == null) {
      log.warn(
          "discord post failed reason=unknown_channel guild={} channel={}", workspace, destination);
      return false;
    }
    channel.sendMessage(renderer.render(reply, "")).setNonce(key).complete();
    return true;
  }
}
