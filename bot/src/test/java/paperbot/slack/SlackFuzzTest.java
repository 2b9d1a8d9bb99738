package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import paperbot.app.FakeArxiv;
import paperbot.app.LogCapture;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;

/**
 * A fuzz round of what Slack sends, as Slack documents it may arrive: slash commands with empty,
 * huge or control-character text, escaped entities and Slack's markup for mentions and links;
 * buttons with tampered values and action ids; forms, shortcuts and menus paperbot never issued; an
 * event delivered again. Each goes through the real Bolt app over HTTP (signed) and over Socket
 * Mode, against the local fake Web API. Every one is acknowledged (within Slack's 3 s in Socket
 * Mode, where the fake times it), answered in a short reply where Slack gives a way to answer, and
 * changes nothing it should not; nothing logs an error and Slack refuses nothing paperbot sends.
 */
final class SlackFuzzTest {
  private static final String SECRET = "fuzz-signing-secret-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static final FakeArxiv arxiv = FakeArxiv.startQuietly();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true, arxiv.env());

  static LogCapture logs;
  static FakeSlackWebApi slack;
  static ExecutorService workers;
  static SlackHttpServer http;
  static SlackService socket;

  /** A member no case acts as: whatever others send, their profile stays as it was. */
  private static final String BYSTANDER = "UBYSTANDER";

  private static InterestProfile bystander;

  enum Transport {
    HTTP,
    SOCKET_MODE
  }

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.start();
    slack = new FakeSlackWebApi();
    workers = Executors.newFixedThreadPool(4, r -> new Thread(r, "slack-fuzz-worker"));
    SlackSettings settings =
        new SlackSettings(
            FakeSlackWebApi.BOT_TOKEN,
            SECRET,
            "",
            0,
            slack.apiUrl(),
            SlackSettings.DEFAULT_INLINE_BUDGET);
    http =
        SlackHttpServer.start(
            SlackAdapter.start(bot.router(), settings, workers, bot.wiring().deliveries()).app(),
            "127.0.0.1",
            0,
            Clock.systemUTC());
    socket =
        SlackService.start(
            bot.router(),
            new SlackSettings(
                FakeSlackWebApi.BOT_TOKEN,
                SECRET,
                FakeSlackWebApi.APP_TOKEN,
                0,
                slack.apiUrl(),
                SlackSettings.DEFAULT_INLINE_BUDGET),
            bot.wiring().deliveries(),
            Clock.systemUTC());
    slack.awaitConnection();
    bot.router()
        .handle(new ChatRequest(Platform.SLACK, "T1", "C1", BYSTANDER, "topics", "add offline rl"));
    bot.router()
        .handle(new ChatRequest(Platform.SLACK, "T1", "C1", BYSTANDER, "save", "pb-2605bad0"));
    bystander = profile(BYSTANDER);
  }

  @AfterAll
  static void stop() {
    socket.close();
    http.close();
    workers.shutdownNow();
    slack.close();
    arxiv.close();
    try (LogCapture captured = logs) {
      assertThat(captured.errorsAndStacks()).as("errors and stack traces logged").isEmpty();
      assertThat(captured.lines())
          .as("Bolt's warning for what no handler takes")
          .noneMatch(SlackAdapterTest::unhandledWarning);
    }
  }

  private static InterestProfile profile(String user) {
    return bot.wiring().profiles().load(new MemberKey(Platform.SLACK.name(), "T1", user));
  }

  // ---------------------------------------------------------------- the cases

  /**
   * One thing Slack may send.
   *
   * @param name what it is, for the report
   * @param command the slash command's form fields, or null for an interactive payload
   * @param interactive the interactive payload's JSON ({@code %1$s} the member, {@code %2$s} the
   *     response_url), or null for a command
   * @param expected what the answer shows, or null when Slack gives no way to answer (a form, a
   *     menu's options)
   * @param changesNothing whether the member's profile must be as it was
   * @param directMessage whether the answer goes to the member's direct messages
   */
  record Case(
      String name,
      Map<String, String> command,
      String interactive,
      String expected,
      boolean changesNothing,
      boolean directMessage) {
    @Override
    public String toString() {
      return name;
    }

    Case changing() {
      return new Case(name, command, interactive, expected, false, directMessage);
    }
  }

  private static Case command(String name, String command, String text, String expected) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("command", command);
    if (text != null) {
      form.put("text", text);
    }
    return new Case(name, form, null, expected, true, false);
  }

  private static Case command(
      String name, String command, String text, String channel, String expected) {
    Case typed = command(name, command, text, expected);
    typed.command().put("channel_id", channel);
    typed.command().put("channel_name", channel.startsWith("D") ? "directmessage" : "general");
    return typed;
  }

  private static Case interactive(String name, String payload, String expected) {
    return new Case(name, null, payload, expected, true, false);
  }

  /** A button press on an ephemeral message in C1; {@code value} null leaves it out. */
  private static Case press(String name, String actionId, String value, String expected) {
    String valueField = value == null ? "" : "\"value\":" + quoted(value) + ",";
    return interactive(
        name,
        """
        {"type":"block_actions","team":{"id":"T1","domain":"test"},
         "user":{"id":"%1$s","username":"%1$s","team_id":"T1"},"api_app_id":"A1","token":"x",
         "container":{"type":"message","message_ts":"1.1","channel_id":"C1","is_ephemeral":true},
         "trigger_id":"1.2","channel":{"id":"C1","name":"general"},"response_url":"%2$s",
         "actions":[{"action_id":"#ACTION#","block_id":"b1",#VALUE#"type":"button",
                     "action_ts":"1.2","text":{"type":"plain_text","text":"x"}}]}
        """
            .replace("#ACTION#", actionId)
            .replace("#VALUE#", valueField),
        expected);
  }

  private static final String VIEW =
      """
      {"id":"V1","team_id":"T1","type":"modal","blocks":[],"private_metadata":"",
       "callback_id":"old_form","state":{"values":{}},"hash":"1.a",
       "title":{"type":"plain_text","text":"Old form"},"root_view_id":"V1","app_id":"A1",
       "bot_id":"BBOT"}\
      """;

  /** Answers that list papers, as long as the papers make them. */
  private static final java.util.regex.Pattern LISTINGS =
      java.util.regex.Pattern.compile(
          "Papers for|You have no topics|That was a long query|matched:");

  private static final String EXPIRED = "Sorry, that button has expired. Run the command again.";
  private static final String NO_PAPER = "No paper with id";
  private static final String WHICH_PAPER = "Which paper? Give its id";

  static List<Case> cases() {
    String huge = "diffusion policy ".repeat(240).substring(0, 4000);
    return List.of(
        command("empty text", "/papers", "", "You have no topics yet"),
        command("only whitespace", "/papers", " \t \u00a0 ", "You have no topics yet"),
        command("no text field at all", "/papers", null, "You have no topics yet"),
        command("4,000 characters", "/papers", huge, "That was a long query"),
        command(
            "control characters",
            "/papers",
            "\u0000\u0007diffusion\u0008 policy\r\n",
            "Papers for \"diffusion policy\""),
        command("escaped entities", "/papers", "rl &amp; robotics", "Papers for \"rl & robotics\""),
        command(
                "an entity that is typed text",
                "/follow",
                "&lt;@U123&gt; Lab",
                "Following <@U123> Lab")
            .changing(),
        command(
                "a labelled member mention",
                "/follow",
                "<@U0JANE|jane>",
                "Following jane: their papers")
            .changing(),
        command(
                "a member mention without a label",
                "/follow",
                "<@UHAORAN>",
                "Following Haoran He: their papers")
            .changing(),
        command(
            "a mention of a member who writes papers",
            "/papers",
            "<@UHAORAN>",
            "matched: Haoran He (authors)"),
        command(
                "a channel mention",
                "/topics",
                "add <#C0123|robot-learning>",
                "Added topic #robot-learning")
            .changing(),
        command(
            "@here and a user group",
            "/papers",
            "<!here> <!subteam^S0123|@ml-team> diffusion",
            "Papers for \"@here @ml-team diffusion\""),
        command(
            "an arXiv link with a label",
            "/papers",
            "<https://arxiv.org/abs/2101.00001|this one>",
            "2101.00001"),
        command(
            "an arXiv link as Slack links a bare address",
            "/paper",
            "<http://arxiv.org/abs/2101.00002|arxiv.org/abs/2101.00002>",
            "2101.00002"),
        command(
            "a command paperbot does not know", "/frobnicate", "now", "I don't know `/frobnicate`"),
        command("a command in capitals", "/PAPERS", "diffusion", "Papers for \"diffusion\""),
        command(
            "a command from a direct message",
            "/papers",
            "diffusion",
            "D0FUZZ",
            "Papers for \"diffusion\""),
        command(
            "a channel digest by a member who is no admin",
            "/digest",
            "subscribe 09:00",
            "needs a workspace admin or owner"),
        command("a paper id that does not exist", "/like", "pb-00000000", NO_PAPER),
        press("a like of a paper that does not exist", "paper.like", "pb-00000000", NO_PAPER),
        press("a like with an empty value", "paper.like", "", WHICH_PAPER),
        press("a like without a value", "paper.like", null, WHICH_PAPER),
        press("a like of garbage JSON", "paper.like", "{\"garbage\":", NO_PAPER),
        press("a like of another member's id", "paper.save", BYSTANDER, NO_PAPER),
        press(
            "a save of 2,000 characters",
            "paper.save",
            "x".repeat(2000),
            "That doesn't look like a paper id"),
        press("a page of garbage", "papers.next", "garbage", EXPIRED),
        press("a page past the last", "papers.next", "999999|diffusion", EXPIRED),
        press("a negative page", "papers.next", "-1|diffusion", EXPIRED),
        press("a page without its query", "papers.next", "2", EXPIRED),
        press("a share of page zero", "papers.share", "0|diffusion", EXPIRED),
        press("an action paperbot never issued", "paper.frobnicate", "pb-2605bad0", EXPIRED),
        interactive(
            "a select menu where a button was",
            """
            {"type":"block_actions","team":{"id":"T1","domain":"test"},
             "user":{"id":"%1$s","username":"%1$s","team_id":"T1"},"api_app_id":"A1","token":"x",
             "container":{"type":"message","message_ts":"1.1","channel_id":"C1"},
             "trigger_id":"1.2","channel":{"id":"C1","name":"general"},"response_url":"%2$s",
             "actions":[{"action_id":"paper.like","block_id":"b1","type":"static_select",
                         "selected_option":{"text":{"type":"plain_text","text":"x"},
                                            "value":"pb-2605bad0"},"action_ts":"1.2"}]}
            """,
            WHICH_PAPER),
        interactive(
            "a press from a team paperbot is not installed in",
            """
            {"type":"block_actions","team":{"id":"T0OTHER","domain":"other"},
             "user":{"id":"%1$s","username":"%1$s","team_id":"T0OTHER"},"api_app_id":"A1",
             "token":"x","container":{"type":"message","message_ts":"1.1","channel_id":"C1"},
             "trigger_id":"1.2","channel":{"id":"C1","name":"shared"},"response_url":"%2$s",
             "actions":[{"action_id":"paper.like","block_id":"b1","value":"pb-00000000",
                         "type":"button","action_ts":"1.2"}]}
            """,
            NO_PAPER),
        interactive(
            "a form paperbot never opened",
            """
            {"type":"view_submission","team":{"id":"T1","domain":"test"},
             "user":{"id":"%1$s","username":"%1$s","name":"%1$s","team_id":"T1"},
             "api_app_id":"A1","token":"x","trigger_id":"1.2","view":#VIEW#,
             "response_urls":[],"is_enterprise_install":false}
            """
                .replace("#VIEW#", VIEW),
            null),
        interactive(
            "a form closed",
            """
            {"type":"view_closed","team":{"id":"T1","domain":"test"},
             "user":{"id":"%1$s","username":"%1$s","name":"%1$s","team_id":"T1"},
             "api_app_id":"A1","token":"x","view":#VIEW#,"is_cleared":false}
            """
                .replace("#VIEW#", VIEW),
            null),
        interactive(
            "options asked for a menu paperbot never sent",
            """
            {"type":"block_suggestion","team":{"id":"T1","domain":"test"},
             "user":{"id":"%1$s","username":"%1$s","team_id":"T1"},"api_app_id":"A1",
             "token":"x","container":{"type":"message","message_ts":"1.1","channel_id":"C1"},
             "action_id":"pick","block_id":"b1","value":"dif",
             "channel":{"id":"C1","name":"general"}}
            """,
            null),
        interactive(
            "a dialog submitted",
            """
            {"type":"dialog_submission","token":"x","action_ts":"1.2",
             "team":{"id":"T1","domain":"test"},"user":{"id":"%1$s","name":"%1$s"},
             "channel":{"id":"C1","name":"general"},"submission":{},"callback_id":"old_dialog",
             "response_url":"%2$s","state":""}
            """,
            null),
        interactive(
            "a button on a legacy attachment",
            """
            {"type":"interactive_message","actions":[{"name":"go","type":"button","value":"x"}],
             "callback_id":"legacy","team":{"id":"T1","domain":"test"},
             "channel":{"id":"C1","name":"general"},"user":{"id":"%1$s","name":"%1$s"},
             "action_ts":"1.2","message_ts":"1.1","attachment_id":"1","token":"x",
             "is_app_unfurl":false,"response_url":"%2$s","trigger_id":"1.2.3"}
            """,
            EXPIRED),
        interactive(
            "a message shortcut paperbot does not declare",
            SlackForms.messageShortcutPayload(
                    "old_shortcut",
                    "USERPLACEHOLDER",
                    SlackForms.typedMessage("U8", "https://arxiv.org/abs/2101.00003"),
                    "URLPLACEHOLDER")
                .replace("USERPLACEHOLDER", "%1$s")
                .replace("URLPLACEHOLDER", "%2$s"),
            "I don't know `/old_shortcut`"),
        new Case(
            "a global shortcut paperbot does not declare",
            null,
            """
            {"type":"shortcut","token":"x","action_ts":"1.2",
             "team":{"id":"T1","domain":"test"},
             "user":{"id":"%1$s","username":"%1$s","team_id":"T1"},
             "callback_id":"global_thing","trigger_id":"1.2.3"}
            """,
            "I don't know `/global_thing`",
            true,
            true));
  }

  static Stream<Arguments> deliveries() {
    List<Arguments> all = new ArrayList<>();
    List<Case> cases = cases();
    for (Transport transport : Transport.values()) {
      for (int i = 0; i < cases.size(); i++) {
        all.add(Arguments.of(transport, i, cases.get(i)));
      }
    }
    return all.stream();
  }

  // ---------------------------------------------------------------- the checks

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("deliveries")
  void eachIsAcknowledgedAnsweredShortAndChangesNothingItShouldNot(
      Transport transport, int index, Case fuzz) throws Exception {
    String user = "UFZ" + transport.ordinal() + index;
    String responsePath = "fz-" + transport + "-" + index;
    InterestProfile before = profile(user);
    int refused = slack.refused().size();
    int notified = slack.notified().size();
    String body =
        fuzz.command() != null
            ? commandJson(user, fuzz.command(), slack.responseUrl(responsePath))
            : fuzz.interactive().formatted(user, slack.responseUrl(responsePath));
    JsonNode inline =
        transport == Transport.HTTP
            ? overHttp(fuzz.command() != null, body)
            : overSocketMode(fuzz.command() != null, body);
    if (fuzz.expected() != null) {
      JsonNode answer =
          fuzz.directMessage()
              ? directMessage(user)
              : inline.has("text") || inline.has("blocks")
                  ? inline
                  : read(slack.next("/respond/" + responsePath));
      assertThat(shown(answer)).as("the answer").contains(fuzz.expected());
      // A paper's card is for the channel (as /paper is); a search or a list is as long as it is.
      boolean card = fuzz.expected().matches("\\d{4}\\.\\d{5}");
      if (!card) {
        assertThat(answer.path("response_type").asText("ephemeral"))
            .as("shown to the member alone")
            .isEqualTo("ephemeral");
      }
      if (!card && !LISTINGS.matcher(fuzz.expected()).lookingAt()) {
        assertThat(answer.path("text").asText()).as("a short reply").hasSizeLessThan(300);
      }
    }
    if (fuzz.changesNothing()) {
      assertThat(profile(user)).as("the member's profile").isEqualTo(before);
    }
    assertThat(profile(BYSTANDER)).as("another member's profile").isEqualTo(bystander);
    assertThat(slack.refused().subList(refused, slack.refused().size()))
        .as("calls Slack refused")
        .isEmpty();
    assertThat(slack.notified().subList(notified, slack.notified().size()))
        .as("channel-wide mentions sent")
        .isEmpty();
  }

  /**
   * The same event envelope sent again with its retry number, as Slack sends one it thinks was not
   * acknowledged: acknowledged each time, unfurled once.
   */
  @Test
  void aRedeliveredEventEnvelopeIsAcknowledgedAgainAndHandledOnce() throws Exception {
    int before = slack.unfurled().size();
    String event = SlackForms.linkShared("EvFuzzAgain", "1700000777.000100", "2101.00004");
    String first = slack.sendEnvelope("events_api", event, false);
    assertThat(slack.ack(first)).isNotNull();
    slack.sendEnvelope(first, "events_api", event, false, 1);
    FakeSlackWebApi.Acked again = slack.ack(first);
    assertThat(again).as("the repeat acknowledged").isNotNull();
    assertThat(again.inTime()).isTrue();
    for (int i = 0; i < 600 && slack.unfurled().size() == before; i++) {
      Thread.sleep(100);
    }
    // A second unfurl would be a second chat.unfurl call, after the first: give it the time the
    // first took before counting.
    Thread.sleep(1000);
    assertThat(slack.unfurled().size() - before).as("unfurled once").isEqualTo(1);
  }

  // ---------------------------------------------------------------- driving Slack

  /** A slash command's fields in workspace T1, channel C1 unless the case says otherwise. */
  private static String commandJson(String user, Map<String, String> fields, String responseUrl)
      throws Exception {
    ObjectNode command =
        JSON.createObjectNode()
            .put("token", "x")
            .put("team_id", "T1")
            .put("team_domain", "test")
            .put("channel_id", "C1")
            .put("channel_name", "general")
            .put("user_id", user)
            .put("user_name", user)
            .put("api_app_id", "A1")
            .put("is_enterprise_install", "false")
            .put("response_url", responseUrl)
            .put("trigger_id", "1.2.3");
    fields.forEach(command::put);
    return JSON.writeValueAsString(command);
  }

  /** Posts the body signed, as Slack does; the acknowledgement's body as JSON (empty if none). */
  private static JsonNode overHttp(boolean isCommand, String body) throws Exception {
    String form;
    if (isCommand) {
      List<String> pairs = new ArrayList<>();
      JSON.readTree(body)
          .properties()
          .forEach(field -> {
            pairs.add(field.getKey());
            pairs.add(field.getValue().asText());
          });
      form = SlackForms.form(pairs.toArray(String[]::new));
    } else {
      form = SlackForms.form("payload", body);
    }
    HttpRequest request = SlackForms.signedNow(http.port(), SECRET, form);
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("acknowledged").isEqualTo(200);
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  /** Sends the envelope; the acknowledgement's payload (empty if none). */
  private static JsonNode overSocketMode(boolean isCommand, String body) throws Exception {
    String id = slack.sendEnvelope(isCommand ? "slash_commands" : "interactive", body, isCommand);
    FakeSlackWebApi.Acked ack = slack.ack(id);
    assertThat(ack).as("acknowledged").isNotNull();
    assertThat(ack.inTime()).as("acknowledged within Slack's 3 s").isTrue();
    return JSON.readTree(ack.payload()).path("payload");
  }

  /** The message paperbot posted to the member's direct messages. */
  private static JsonNode directMessage(String user) throws Exception {
    for (int i = 0; i < 600; i++) {
      for (FakeSlackWebApi.Posted posted : slack.posted()) {
        if (posted.channel().equals("D" + user)) {
          return JSON.createObjectNode().put("text", posted.text());
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nothing posted to " + user);
  }

  private static JsonNode read(RecordedRequest request) throws Exception {
    assertThat(request).as("an answer at the response_url").isNotNull();
    return JSON.readTree(request.getBody().utf8());
  }

  /** What the member sees: the text and every block's text, Slack's entities read. */
  private static String shown(JsonNode message) {
    StringBuilder shown = new StringBuilder(message.path("text").asText());
    for (JsonNode text : message.path("blocks").findValues("text")) {
      shown.append('\n').append(text.isTextual() ? text.asText() : text.path("text").asText());
    }
    return SlackRenderer.unescape(shown.toString()).replace("*", "").replace("∗", "*");
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
