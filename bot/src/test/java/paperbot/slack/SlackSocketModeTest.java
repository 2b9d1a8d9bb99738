package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.LogCapture;
import paperbot.app.SeedBotExtension;

/**
 * Socket Mode as Slack runs it, against the local fake: the bot opens a connection through {@code
 * apps.connections.open} with its app-level token, gets {@code hello}, receives slash-command and
 * interactive envelopes, acknowledges each {@code envelope_id} within Slack's 3 s, and reconnects
 * when Slack asks for a refresh.
 */
@SuppressWarnings("try") // the bot only has to be running: the tests talk to it through Slack
final class SlackSocketModeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();

  private static SlackService start(FakeSlackWebApi slack) throws Exception {
    return start(slack, SlackSettings.DEFAULT_INLINE_BUDGET);
  }

  private static SlackService start(FakeSlackWebApi slack, Duration inlineBudget) throws Exception {
    return SlackService.start(
        bot.router(),
        new SlackSettings(
            FakeSlackWebApi.BOT_TOKEN,
            "socket-mode-needs-no-signature",
            FakeSlackWebApi.APP_TOKEN,
            0,
            slack.apiUrl(),
            inlineBudget),
        bot.wiring().deliveries(),
        Clock.systemUTC());
  }

  private static String slash(String user, String command, String text, String responseUrl)
      throws Exception {
    return JSON.writeValueAsString(
        JSON.createObjectNode()
            .put("token", "x")
            .put("team_id", "T1")
            .put("team_domain", "test")
            .put("channel_id", "C1")
            .put("channel_name", "general")
            .put("user_id", user)
            .put("user_name", user)
            .put("command", command)
            .put("text", text)
            .put("api_app_id", "A1")
            .put("is_enterprise_install", "false")
            .put("response_url", responseUrl)
            .put("trigger_id", "1.2.3"));
  }

  private static String press(String user, String actionId, String value, String responseUrl) {
    return """
    {"type":"block_actions","team":{"id":"T1","domain":"test"},
     "user":{"id":"%s","username":"%s","team_id":"T1"},"api_app_id":"A1","token":"x",
     "container":{"type":"message","message_ts":"1.1","channel_id":"C1","is_ephemeral":true},
     "trigger_id":"1.2","channel":{"id":"C1","name":"general"},"response_url":"%s",
     "actions":[{"action_id":"%s","block_id":"b1","value":"%s","type":"button","action_ts":"1.2",
                 "text":{"type":"plain_text","text":"x"}}]}
    """
        .formatted(user, user, responseUrl, actionId, value);
  }

  /** The answer: the ack's payload when it carries one, else what went to the response_url. */
  private static JsonNode answer(
      FakeSlackWebApi slack, FakeSlackWebApi.Acked ack, String responsePath) throws Exception {
    JsonNode payload = JSON.readTree(ack.payload()).path("payload");
    if (payload.has("blocks") || payload.has("text")) {
      return payload;
    }
    RecordedRequest responded = slack.next(responsePath);
    assertThat(responded).as("answer at the response_url").isNotNull();
    return JSON.readTree(responded.getBody().utf8());
  }

  @Test
  void commandsAndButtonsArriveAsEnvelopesAndEachIsAcknowledgedInTime() throws Exception {
    try (FakeSlackWebApi slack = new FakeSlackWebApi();
        SlackService service = start(slack)) {
      slack.awaitConnection();
      String search =
          slack.sendEnvelope(
              "slash_commands",
              slash("U7", "/papers", "world models", slack.responseUrl("sm-search")),
              true);
      FakeSlackWebApi.Acked ack = slack.ack(search);
      assertThat(ack).as("envelope acknowledged").isNotNull();
      assertThat(ack.inTime()).as("acknowledged within 3 s").isTrue();
      JsonNode message = answer(slack, ack, "/respond/sm-search");
      String like = null;
      for (JsonNode block : message.get("blocks")) {
        for (JsonNode element : block.path("elements")) {
          if (like == null && element.path("action_id").asText().equals("paper.like")) {
            like = element.get("value").asText();
          }
        }
      }
      assertThat(message.toString()).contains("Papers for \\\"world models\\\"");
      assertThat(like).as("a like button").isNotNull();

      String press =
          slack.sendEnvelope(
              "interactive", press("U7", "paper.like", like, slack.responseUrl("sm-like")), false);
      FakeSlackWebApi.Acked pressed = slack.ack(press);
      assertThat(pressed).isNotNull();
      assertThat(pressed.inTime()).isTrue();
      RecordedRequest liked = slack.next("/respond/sm-like");
      assertThat(liked).isNotNull();
      assertThat(JSON.readTree(liked.getBody().utf8()).get("text").asText()).startsWith("Liked *");
    }
  }

  @Test
  void aMessageShortcutArrivesAsAnInteractiveEnvelopeAndIsAnsweredAtItsResponseUrl()
      throws Exception {
    try (FakeSlackWebApi slack = new FakeSlackWebApi();
        SlackService service = start(slack)) {
      slack.awaitConnection();
      String used =
          slack.sendEnvelope(
              "interactive",
              SlackForms.messageShortcutPayload(
                  SlackAdapter.SAVE_PAPER,
                  "U9",
                  SlackForms.typedMessage("U8", "no paper here, only words"),
                  slack.responseUrl("sm-shortcut")),
              false);
      FakeSlackWebApi.Acked ack = slack.ack(used);
      assertThat(ack).as("envelope acknowledged").isNotNull();
      assertThat(ack.inTime()).as("acknowledged within 3 s").isTrue();
      RecordedRequest answer = slack.next("/respond/sm-shortcut");
      assertThat(answer).isNotNull();
      JsonNode body = JSON.readTree(answer.getBody().utf8());
      assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
      assertThat(body.get("text").asText()).startsWith("I found no arXiv link in that message.");
    }
  }

  @Test
  void aRefreshRequestIsFollowedByANewConnectionThatServesCommands() throws Exception {
    try (FakeSlackWebApi slack = new FakeSlackWebApi();
        SlackService service = start(slack)) {
      slack.awaitConnection();
      // Slack warns that a connection will be refreshed, then asks for the refresh.
      for (String reason : List.of("warning", "refresh_requested")) {
        int opened = slack.connectionsOpened();
        slack.disconnect(reason);
        slack.awaitConnection();
        assertThat(slack.connectionsOpened())
            .as("a new connection was opened after " + reason)
            .isGreaterThan(opened);
        String topics =
            slack.sendEnvelope(
                "slash_commands",
                slash("U8", "/topics", "list", slack.responseUrl("sm-t-" + reason)),
                true);
        FakeSlackWebApi.Acked ack = slack.ack(topics);
        assertThat(ack).isNotNull();
        assertThat(ack.inTime()).isTrue();
        assertThat(answer(slack, ack, "/respond/sm-t-" + reason).toString())
            .containsIgnoringCase("topic");
      }
    }
  }

  @Test
  void envelopesAreWorkedOnTogetherSoASlowOneHoldsUpNoOther() throws Exception {
    // Each /digest waits for users.info, which Slack is slow to answer: every one is acknowledged
    // empty when the inline budget runs out, each counted from its own arrival, not the last one's.
    // A one-second budget leaves two seconds of Slack's three for a loaded machine, and four
    // envelopes worked one after another would still miss the deadline (the last at four seconds).
    try (FakeSlackWebApi slack = new FakeSlackWebApi();
        SlackService service = start(slack, Duration.ofSeconds(1))) {
      slack.awaitConnection();
      slack.holdUsersInfo();
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sent.add(
            slack.sendEnvelope(
                "slash_commands",
                slash("U3" + i, "/digest", "status", slack.responseUrl("sm-slow-" + i)),
                true));
      }
      List<FakeSlackWebApi.Acked> acks = new ArrayList<>();
      for (String envelope : sent) {
        acks.add(slack.ack(envelope));
      }
      slack.releaseUsersInfo();
      assertThat(acks).doesNotContainNull().allMatch(FakeSlackWebApi.Acked::inTime);
      for (int i = 0; i < sent.size(); i++) {
        assertThat(slack.next("/respond/sm-slow-" + i)).as("answered later").isNotNull();
      }
    }
  }

  @Test
  void anEnvelopeNoHandlerServesIsAcknowledgedAnywaySoSlackDoesNotSendItAgain() throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeSlackWebApi slack = new FakeSlackWebApi();
        SlackService service = start(slack)) {
      slack.awaitConnection();
      // Events paperbot ignores are acknowledged empty, without Bolt's seven-line warning each.
      for (int i = 0; i < SlackAdapterTest.IGNORED_EVENTS.size(); i++) {
        String event = SlackAdapterTest.IGNORED_EVENTS.get(i);
        FakeSlackWebApi.Acked ignored =
            slack.ack(
                slack.sendEnvelope(
                    "events_api", SlackAdapterTest.callback("EvSmIgnored" + i, event), false));
        assertThat(ignored).as(event).isNotNull();
        assertThat(JSON.readTree(ignored.payload()).has("payload")).as(event).isFalse();
      }
      assertThat(logs.lines())
          .noneMatch(SlackAdapterTest::unhandledWarning)
          .noneMatch(line -> line.contains("slack envelope not served"));
      String mention =
          slack.sendEnvelope(
              "events_api",
              "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
                  + "\"type\":\"event_callback\",\"event_id\":\"EvSmMention\","
                  + "\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\",\"user\":\"U1\","
                  + "\"text\":\"hello\",\"ts\":\"1.1\",\"channel\":\"C1\",\"event_ts\":\"1.1\"}}",
              false);
      FakeSlackWebApi.Acked acked = slack.ack(mention);
      assertThat(acked).as("acknowledged").isNotNull();
      assertThat(acked.inTime()).isTrue();
      assertThat(JSON.readTree(acked.payload()).has("payload")).as("acknowledged empty").isFalse();
      // A command paperbot does not know is answered by the core in the acknowledgement.
      String unknown =
          slack.sendEnvelope(
              "slash_commands",
              slash("U9", "/frobnicate", "", slack.responseUrl("sm-unknown")),
              true);
      FakeSlackWebApi.Acked answered = slack.ack(unknown);
      assertThat(answered).isNotNull();
      assertThat(answer(slack, answered, "/respond/sm-unknown").get("text").asText())
          .startsWith("I don't know `/frobnicate`.");
    }
  }
}
