package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * The fake Slack refuses what Block Kit's reference says Slack refuses, and counts the mentions
 * that would notify a whole channel: a fake that takes an over-limit message hides the bug.
 */
final class SlackLimitsTest {
  private static String button(String actionId, String type, String text) {
    return "{\"type\":\"button\",\"action_id\":\""
        + actionId
        + "\",\"text\":{\"type\":\""
        + type
        + "\",\"text\":\""
        + text
        + "\"},\"value\":\"v\"}";
  }

  private static String actions(String... buttons) {
    return "[{\"type\":\"actions\",\"elements\":[" + String.join(",", buttons) + "]}]";
  }

  @Test
  void aButtonsTextIsPlainTextOfOneToSeventyFiveCharacters() {
    assertThat(SlackLimits.invalidMessage("t", actions(button("a", "plain_text", "L".repeat(75)))))
        .isNull();
    assertThat(SlackLimits.invalidMessage("t", actions(button("a", "plain_text", "L".repeat(76)))))
        .isEqualTo("blocks[0].elements[0].text");
    assertThat(SlackLimits.invalidMessage("t", actions(button("a", "mrkdwn", "*L*"))))
        .isEqualTo("blocks[0].elements[0].text");
  }

  @Test
  void actionIdsAreUniqueInABlockAndBlockIdsInAMessage() {
    assertThat(
            SlackLimits.invalidMessage(
                "t", actions(button("a", "plain_text", "A"), button("a", "plain_text", "B"))))
        .isEqualTo("blocks[0].elements[1].action_id");
    String section =
        "{\"type\":\"section\",\"block_id\":\"b\",\"text\":{\"type\":\"mrkdwn\","
            + "\"text\":\"x\"}}";
    assertThat(SlackLimits.invalidMessage("t", "[" + section + "," + section + "]"))
        .isEqualTo("blocks[1].block_id");
  }

  @Test
  void specialMentionsNotifyWhereverWrittenAndBareOnesOnlyWithLinkNames() {
    var blocks =
        JsonParser.parseString(
                "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"<!here> &lt;!channel&gt;\"}}]")
            .getAsJsonArray();
    assertThat(SlackLimits.notified("hi <!channel> @everyone", blocks, false))
        .containsExactly("<!channel>", "<!here>");
    assertThat(SlackLimits.notified("@everyone <!subteam^S1|@team>", null, true))
        .containsExactly("<!subteam^S1|@team>", "@everyone");
  }
}
