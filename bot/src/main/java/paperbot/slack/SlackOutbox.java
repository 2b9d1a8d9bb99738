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
 * Posts unprompted messages (digests) to channels with {@code chat.postMessage}, waiting as long as Slack's
 * {@code Retry-After} asks when it answers 429, a bounded number of times.
 */
public final class SlackOutbox implements ChatOutbox {
  private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);
  static final int ATTEMPTS = 4;
  /** Never wait longer than this for one retry, whatever Retry-After says. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final MethodsClient client;
  private final SlackRenderer renderer = new SlackRenderer();

  public SlackOutbox(SlackSettings settings) {
    this.client = SlackAdapter.slack(settings).methods(settings.botToken());
  }

  /** A member digest goes to the member's direct messages: chat.postMessage accepts a user id as channel. */
  @Override
  public boolean post(String workspace, String destination, boolean toMember, Reply reply)
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
        if (e.getResponse().code() != 429 || attempt == ATTEMPTS) {
          log.warn("slack post failed channel={} status={}", channel, e.getResponse().code());
          return false;
        }
        Duration wait = retryAfter(e.getResponse().header("Retry-After"));
        log.info("slack rate limited channel={} retry_in_ms={}", channel, wait.toMillis());
        Thread.sleep(wait.toMillis());
      } catch (IOException e) {
        log.warn("slack post failed channel={} error={}", channel, e.toString());
        return false;
      }
    }
    return false;
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
