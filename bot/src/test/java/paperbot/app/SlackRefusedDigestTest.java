package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.digest.DigestRunner;
import paperbot.recommender.digest.Subscription;
import paperbot.slack.FakeSlackWebApi;
import paperbot.slack.SlackOutbox;

/**
 * A Slack digest whose post Slack refuses until someone acts (paperbot was removed from the
 * channel), through Quartz and the real Bolt client against the fake Web API: tried once that day,
 * one warning, no paper marked sent, and {@code /digest status} says why and what to do. It was
 * retried every few minutes until the grace ran out, each retry with its warning, every day, and
 * nobody in the channel was told. Slack's own trouble is still retried the same day, and the next
 * day, with paperbot invited back, the digest posts.
 */
final class SlackRefusedDigestTest {
  private static final Clock NEXT_DAY = Clock.offset(TestBots.CLOCK, Duration.ofDays(1));

  @TempDir Path data;

  private BotConfig config(FakeSlackWebApi slack) {
    return TestBots.config(
        data,
        Map.of(
            "SLACK_BOT_TOKEN",
            FakeSlackWebApi.BOT_TOKEN,
            "SLACK_API_URL",
            slack.apiUrl(),
            // A retry would follow a second after a failed post.
            "PAPERBOT_DIGEST_RETRY_SECONDS",
            "1"));
  }

  @Test
  void aChannelPaperbotWasRemovedFromIsTriedOnceThatDayAndStatusSaysWhy() throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeSlackWebApi slack = new FakeSlackWebApi()) {
      BotConfig config = config(slack);
      Subscription digest;
      try (Wiring wiring = Wiring.open(config, TestBots.CLOCK, true)) {
        wiring.outboxes().register(Platform.SLACK, new SlackOutbox(config.slack()));
        digest = subscribe(wiring, "C1");
        slack.refusePostsTo("C1", "not_in_channel");

        wiring.scheduler().fireNow(digest.id());
        String attempt = "channel=C1 error=not_in_channel";
        awaitLine(logs, attempt);
        String retry = "digest retry scheduled subscription=" + digest.id();
        for (int polls = 0; polls < 300 && !logged(logs, retry); polls++) {
          Thread.sleep(10); // three seconds for a retry that must not come
        }

        assertThat(logs.lines())
            .as("tried once, not retried")
            .noneMatch(line -> line.contains(retry))
            .filteredOn(line -> line.contains(attempt))
            .hasSize(1);
        String refused = "digest refused subscription=" + digest.id();
        awaitLine(logs, refused);
        assertThat(logs.warnings())
            .as("one warning, saying why")
            .filteredOn(line -> line.contains("C1") || line.contains("=" + digest.id() + " "))
            .singleElement()
            .asString()
            .contains(refused, "platform=SLACK", "reason=not_in_channel", "/invite @paperbot");
        assertThat(wiring.digestStore().sent(digest)).as("nothing marked sent").isEmpty();
        assertThat(wiring.digests().compose(digest).paperIds())
            .as("the papers wait for a later digest")
            .isNotEmpty();
        assertThat(wiring.digests().runScheduled(digest.id(), TestBots.CLOCK.instant()))
            .as("the day is kept: no retry today")
            .isEqualTo(DigestRunner.Outcome.ALREADY_RAN);
        assertThat(say(wiring, "C1", "status"))
            .contains(
                "\n  Last post refused Mon Nov 23: paperbot is not in this channel; invite it with"
                    + " `/invite @paperbot`.");
        assertThat(say(wiring, "C1", "now"))
            .isEqualTo(
                "The digest was not posted: paperbot is not in this channel; invite it with"
                    + " `/invite @paperbot`.");
      }

      // The next announcement day, paperbot invited back: the digest posts, and status forgets.
      slack.admit("C1");
      try (Wiring nextDay = Wiring.open(config, NEXT_DAY, false)) {
        nextDay.outboxes().register(Platform.SLACK, new SlackOutbox(config.slack()));
        assertThat(nextDay.digests().runScheduled(digest.id(), NEXT_DAY.instant()))
            .isEqualTo(DigestRunner.Outcome.POSTED);
        assertThat(slack.posted())
            .singleElement()
            .satisfies(post -> assertThat(post.channel()).isEqualTo("C1"));
        assertThat(nextDay.digestStore().sent(digest)).hasSize(5);
        assertThat(say(nextDay, "C1", "status")).doesNotContain("refused");
      }
    }
  }

  @Test
  void slacksOwnTroubleIsStillRetriedTheSameDayAndPostsOnce() throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeSlackWebApi slack = new FakeSlackWebApi()) {
      BotConfig config = config(slack);
      try (Wiring wiring = Wiring.open(config, TestBots.CLOCK, true)) {
        wiring.outboxes().register(Platform.SLACK, new SlackOutbox(config.slack()));
        Subscription digest = subscribe(wiring, "C2");
        slack.troubleOnNextPost("internal_error");

        wiring.scheduler().fireNow(digest.id());
        for (int polls = 0; slack.posted().isEmpty(); polls++) {
          assertThat(polls).as("the retry never posted").isLessThan(6_000);
          Thread.sleep(10);
        }

        assertThat(logs.lines())
            .anyMatch(line -> line.contains("digest retry scheduled subscription=" + digest.id()))
            .noneMatch(line -> line.contains("digest refused"));
        assertThat(slack.posted())
            .singleElement()
            .satisfies(post -> assertThat(post.channel()).isEqualTo("C2"));
        assertThat(wiring.digestStore().lastRefused(digest.id())).isEmpty();
        assertThat(say(wiring, "C2", "status")).doesNotContain("refused");
      }
    }
  }

  private static Subscription subscribe(Wiring wiring, String channel) {
    assertThat(say(wiring, channel, "subscribe 09:00 UTC daily offline rl"))
        .startsWith("Subscribed this channel");
    return wiring
        .digestStore()
        .find(Platform.SLACK.name(), "T1", channel, Subscription.Kind.CHANNEL)
        .orElseThrow();
  }

  private static String say(Wiring wiring, String channel, String text) {
    return wiring
        .router()
        .handle(new ChatRequest(Platform.SLACK, "T1", channel, "U1", "digest", text))
        .text();
  }

  private static boolean logged(LogCapture logs, String text) {
    return logs.lines().stream().anyMatch(line -> line.contains(text));
  }

  private static void awaitLine(LogCapture logs, String text) throws InterruptedException {
    for (int polls = 0; !logged(logs, text); polls++) {
      assertThat(polls).as("never logged: " + text).isLessThan(12_000);
      Thread.sleep(10);
    }
  }
}
