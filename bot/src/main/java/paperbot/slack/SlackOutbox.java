package paperbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.command.Reply;
import paperbot.digest.ChatOutbox;

/**
 * Posts unprompted messages (digests) to channels with {@code chat.postMessage}, a bounded number of times: after a
 * 429 it waits as long as Slack's {@code Retry-After} asks; after a 5xx (Slack did not take the message) it backs off
 * exponentially. A timeout is not retried: Slack may have posted the message, and a second post would repeat it.
 */
public final class SlackOutbox implements ChatOutbox {
  private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);
  static final int ATTEMPTS = 4;
  /** Never wait longer than this for one retry, whatever Retry-After says. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** First wait after a server error; it doubles with each attempt. */
  static final Duration BACKOFF = Duration.ofSeconds(1);

  private final MethodsClient client;
  private final SlackRenderer renderer = new SlackRenderer();
  private final Duration backoff;

  public SlackOutbox(SlackSettings settings) {
    this(settings, BACKOFF);
  }

  /** @param backoff the first wait after a server error (tests use a short one) */
  SlackOutbox(SlackSettings settings, Duration backoff) {
    this.client = SlackAdapter.slack(settings).methods(settings.botToken());
    this.backoff = backoff;
  }

  /**
   * A member digest goes to the member's direct messages: chat.postMessage accepts a user id as channel. Slack has
   * no idempotency key, so the key is unused; ambiguous failures are not retried instead.
   */
  @Override
  public boolean post(String workspace, String destination, boolean toMember, Reply reply, String key)
      throws InterruptedException {
    return post(destination, reply);
  }

  /** Posts the reply to the channel; true once Slack accepted it. */
  public boolean post(String channel, Reply reply) throws InterruptedException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        ChatPostMessageResponse response = client.chatPostMessage(r -> r.channel(channel)
            .text(SlackRenderer.fallbackText(reply))
            .blocks(renderer.blocks(reply)));
        if (response.isOk()) {
          return true;
        }
        log.warn("slack post refused channel={} error={}", channel, response.getError());
        return false;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        boolean retriable = status == 429 || status >= 500;
        if (!retriable || attempt == ATTEMPTS) {
          log.warn("slack post failed channel={} status={} attempts={}", channel, status, attempt);
          return false;
        }
        Duration wait = status == 429 ? retryAfter(e.getResponse().header("Retry-After"))
            : min(backoff.multipliedBy(1L << (attempt - 1)), MAX_WAIT);
        log.info("slack post retry channel={} status={} retry_in_ms={}", channel, status, wait.toMillis());
        Thread.sleep(wait.toMillis());
      } catch (IOException e) {
        log.warn("slack post failed channel={} error={}", channel, e.toString());
        return false;
      }
    }
    return false;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static Duration retryAfter(String header) {
    try {
      Duration asked = Duration.ofSeconds(Long.parseLong(header == null ? "1" : header.strip()));
      return asked.isNegative() ? Duration.ofSeconds(1) : asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}
