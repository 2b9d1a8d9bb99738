package paperbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatOutbox;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;

/**
 * Posts unprompted messages (digests) to channels with {@code chat.postMessage}, a bounded number
 * of times: after a 429 it waits as long as Slack's {@code Retry-After} asks; after a 5xx (Slack
 * did not take the message) it backs off exponentially. A timeout is not retried here: Slack may
 * have posted the message. The digest's later retry first looks for the post in the channel's
 * history ({@link #find}), by the key in its metadata. An error that will not change today
 * (paperbot is not in the channel, the channel is archived: {@link SlackRefusals}) is a refusal,
 * and the digest is not tried again that day.
 */
public final class SlackOutbox implements ChatOutbox {
  private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);
  static final int ATTEMPTS = 4;

  /** Never wait longer than this for one retry, whatever Retry-After says. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Message metadata type of a digest post; its payload holds the post's key. */
  static final String EVENT_TYPE = "paperbot_digest";

  private static final String KEY = "key";

  /** Recent messages searched for a resumed run's post: a digest day has few posts after it. */
  private static final int HISTORY_LIMIT = 100;

  /** First wait after a server error; it doubles with each attempt. */
  static final Duration BACKOFF = Duration.ofSeconds(1);

  private final MethodsClient client;
  private final SlackRenderer renderer = new SlackRenderer();
  private final Duration backoff;

  public SlackOutbox(SlackSettings settings) {
    this(settings, BACKOFF);
  }

  /**
   * @param backoff the first wait after a server error (tests use a short one)
   */
  SlackOutbox(SlackSettings settings, Duration backoff) {
    this.client = SlackAdapter.slack(settings).methods(settings.botToken());
    this.backoff = backoff;
  }

  /**
   * A member digest goes to the member's direct messages: chat.postMessage accepts a user id as
   * channel. Slack has no idempotency key, so ambiguous failures are not retried; the key travels
   * as message metadata instead, where {@link #find} looks for it when a run is resumed.
   */
  @Override
  public PostResult post(
      String workspace, String destination, boolean toMember, Reply reply, String key)
      throws InterruptedException {
    return post(destination, toMember, reply, key);
  }

  /** Posts the reply to the channel. */
  public PostResult post(String channel, Reply reply) throws InterruptedException {
    return post(channel, false, reply, null);
  }

  private PostResult post(String channel, boolean toMember, Reply reply, String key)
      throws InterruptedException {
    Message.Metadata metadata =
        key == null
            ? null
            : Message.Metadata.builder()
                .eventType(EVENT_TYPE)
                .eventPayload(Map.of(KEY, key))
                .build();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        ChatPostMessageResponse response =
            client.chatPostMessage(r ->
                r.channel(channel)
                    .text(SlackRenderer.fallbackText(reply))
                    .blocks(renderer.blocks(reply))
                    .metadata(metadata));
        if (response.isOk()) {
          return PostResult.POSTED;
        }
        Optional<PostResult.Refused> refused = SlackRefusals.of(response.getError(), toMember);
        if (refused.isPresent()) {
          // Said once, with what to do, by whoever asked for the post (a digest's run).
          log.info("slack post refused channel={} error={}", channel, response.getError());
          return refused.get();
        }
        log.warn("slack post failed channel={} error={}", channel, response.getError());
        return PostResult.FAILED;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        boolean retriable = status == 429 || status >= 500;
        if (!retriable || attempt == ATTEMPTS) {
          log.warn("slack post failed channel={} status={} attempts={}", channel, status, attempt);
          return PostResult.FAILED;
        }
        Duration wait =
            status == 429
                ? retryAfter(e.getResponse().header("Retry-After"))
                : min(backoff.multipliedBy(1L << (attempt - 1)), MAX_WAIT);
        log.info(
            "slack post retry channel={} status={} retry_in_ms={}",
            channel,
            status,
            wait.toMillis());
        Thread.sleep(wait.toMillis());
      } catch (IOException e) {
        log.warn("slack post failed channel={} error={}", channel, e.toString());
        return PostResult.FAILED;
      }
    }
    return PostResult.FAILED;
  }

  /**
   * Reads the destination's recent history (a member's direct messages for a member digest) for a
   * message whose metadata carries the key. Anything Slack refuses to tell is UNKNOWN.
   */
  @Override
  public Delivery find(String workspace, String destination, boolean toMember, String key) {
    try {
      String channel = destination;
      if (toMember) {
        ConversationsOpenResponse opened =
            client.conversationsOpen(r -> r.users(List.of(destination)));
        if (!opened.isOk() || opened.getChannel() == null) {
          log.warn(
              "slack history check failed channel={} error={}", destination, opened.getError());
          return Delivery.UNKNOWN;
        }
        channel = opened.getChannel().getId();
      }
      String history = channel;
      ConversationsHistoryResponse recent =
          client.conversationsHistory(
              r -> r.channel(history).limit(HISTORY_LIMIT).includeAllMetadata(true));
      if (!recent.isOk()) {
        log.warn("slack history check failed channel={} error={}", channel, recent.getError());
        return Delivery.UNKNOWN;
      }
      boolean found =
          recent.getMessages() != null
              && recent.getMessages().stream()
                  .map(Message::getMetadata)
                  .anyMatch(m ->
                      m != null
                          && EVENT_TYPE.equals(m.getEventType())
                          && m.getEventPayload() != null
                          && key.equals(String.valueOf(m.getEventPayload().get(KEY))));
      return found ? Delivery.FOUND : Delivery.NOT_FOUND;
    } catch (SlackApiException | IOException e) {
      log.warn("slack history check failed channel={} error={}", destination, e.toString());
      return Delivery.UNKNOWN;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static Duration retryAfter(String header) {
    try {
      Duration asked = Duration.ofSeconds(Long.parseLong(header == null ? "1" : header.strip()));
      return asked.isNegative()
          ? Duration.ofSeconds(1)
          : asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}
