package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.FakeArxiv;
import paperbot.app.LogCapture;
import paperbot.app.SeedBotExtension;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;
import paperbot.recommender.digest.Subscription;

/**
 * The real Bolt app over HTTP on loopback, driven by requests signed the way Slack signs them, with
 * the Web API client pointed at a local fake Slack Web API.
 */
final class SlackAdapterTest {
  private static final String SECRET = "test-signing-secret-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  static final FakeArxiv arxiv = FakeArxiv.startQuietly();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(false, arxiv.env());
  static FakeSlackWebApi slackApi;
  static ExecutorService workers;
  static SlackHttpServer fast;
  static SlackHttpServer slow;
  static final HttpClient http = HttpClient.newHttpClient();

  static LogCapture logs;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.start();
    slackApi = new FakeSlackWebApi();
    workers = Executors.newFixedThreadPool(4, r -> new Thread(r, "slack-test-worker"));
    // The inline path under test, with a budget no busy machine exceeds, so these tests check what
    // the ack carries.
    // The product's 2-second budget defers slow answers to the response_url: that path is the
    // `slow` server's.
    fast = server(Duration.ofSeconds(60));
    // An inline budget of zero forces every command through ack-then-response_url.
    slow = server(Duration.ZERO);
  }

  private static SlackHttpServer server(Duration budget) throws Exception {
    SlackSettings settings =
        new SlackSettings(FakeSlackWebApi.BOT_TOKEN, SECRET, "", 0, slackApi.apiUrl(), budget);
    return SlackHttpServer.start(
        SlackAdapter.start(bot.router(), settings, workers, bot.wiring().deliveries()).app(),
        "127.0.0.1",
        0,
        java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    fast.close();
    slow.close();
    workers.shutdownNow();
    slackApi.close();
    arxiv.close();
    // Everything this class drove (start-up, commands, buttons, posts, failures) logged no token or
    // secret.
    try (LogCapture captured = logs) {
      for (String secret : List.of(FakeSlackWebApi.BOT_TOKEN, SECRET)) {
        assertThat(captured.lines()).as("log lines").noneMatch(line -> line.contains(secret));
      }
      assertThat(captured.lines())
          .as("something was logged, so the scan means something")
          .isNotEmpty();
    }
  }

  private static HttpResponse<String> post(
      SlackHttpServer server, String body, long timestamp, String secret) throws Exception {
    return post(server, body, timestamp, secret, "application/x-www-form-urlencoded");
  }

  private static HttpResponse<String> post(
      SlackHttpServer server, String body, long timestamp, String secret, String contentType)
      throws Exception {
    String ts = String.valueOf(timestamp);
    String signature = new SlackSignature.Generator(secret).generate(ts, body);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .header("Content-Type", contentType)
            .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
            .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** An Events API callback, signed as Slack signs it. */
  private static HttpResponse<String> postJson(
      SlackHttpServer server, String body, long timestamp, String secret) throws Exception {
    return post(server, body, timestamp, secret, "application/json");
  }

  private static long now() {
    return SlackForms.boltNow();
  }

  private static String button(String user, String actionId, String value, String responseUrl)
      throws Exception {
    String payload =
        JSON.writeValueAsString(
            JSON.readTree(
                """
                {"type":"block_actions","team":{"id":"T1","domain":"test"},
                 "user":{"id":"%s","username":"%s","team_id":"T1"},"api_app_id":"A1","token":"x",
                 "container":{"type":"message","message_ts":"1.1","channel_id":"C1","is_ephemeral":true},
                 "trigger_id":"1.2","channel":{"id":"C1","name":"general"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"b1","value":"%s","type":"button","action_ts":"1.2",
                             "text":{"type":"plain_text","text":"x"}}]}
                """
                    .formatted(user, user, responseUrl, actionId, value)));
    return SlackForms.form("payload", payload);
  }

  private static List<String> paperIds(JsonNode message) {
    List<String> ids = new ArrayList<>();
    for (JsonNode block : message.get("blocks")) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("action_id").asText().equals("paper.like")) {
          ids.add(element.get("value").asText());
        }
      }
    }
    return ids;
  }

  @Test
  void aSearchIsAnsweredInTheAckWithBlockKit() throws Exception {
    HttpResponse<String> response =
        post(
            fast,
            SlackForms.command("U1", "/papers", "diffusion policy", slackApi.responseUrl("a")),
            now(),
            SECRET);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode message = JSON.readTree(response.body());
    assertThat(message.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(message.get("blocks").get(0).get("text").get("text").asText())
        .startsWith("Papers for \"diffusion policy\"");
    assertThat(message.get("blocks").get(1).get("text").get("text").asText())
        .startsWith("*<https://arxiv.org/")
        .contains("_matched: ");
    assertThat(paperIds(message)).hasSize(5);
  }

  @Test
  void theLongestTopicsListArrivesWholeWithinSlacksLimits() throws Exception {
    for (int i = 0; i < 30; i++) {
      String item = ("n" + i + " &<>*_ ").repeat(10).substring(0, 60);
      bot.router().handle(command("ULONG", "topics", "add t" + item));
      bot.router().handle(command("ULONG", "topics", "mute m" + item));
      bot.router().handle(command("ULONG", "follow", "a" + item));
    }
    HttpResponse<String> response =
        post(
            fast,
            SlackForms.command("ULONG", "/topics", "list", slackApi.responseUrl("l")),
            now(),
            SECRET);
    com.google.gson.JsonObject ack =
        com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject();
    assertThat(SlackLimits.invalidPayload(ack)).isNull();
    StringBuilder shown = new StringBuilder();
    ack.getAsJsonArray("blocks")
        .forEach(b -> shown.append(b.getAsJsonObject().getAsJsonObject("text").get("text")));
    // The last of each kind is there: nothing was cut off at 3,000 characters.
    assertThat(shown.toString()).contains("tn29", "mn29", "an29");
  }

  @Test
  void aQueryTooLongForAButtonValueGetsNoPagingButtonsAndSlackTakesTheAnswer() throws Exception {
    String query = "robot " + "grasping ".repeat(300);
    post(
        slow,
        SlackForms.command("U1", "/papers", query, slackApi.responseUrl("lq")),
        now(),
        SECRET);
    JsonNode answer = JSON.readTree(slackApi.next("/respond/lq").getBody().utf8());
    assertThat(answer.toString()).doesNotContain("papers.next", "papers.share");
    assertThat(slackApi.refused()).isEmpty();
  }

  private static paperbot.chat.ChatRequest command(String user, String name, String text) {
    return new paperbot.chat.ChatRequest(
        paperbot.chat.Platform.SLACK, "T1", "C1", user, name, text);
  }

  @Test
  void savedPapersAsBibTexArriveAsAFileInTheMembersDirectMessages() throws Exception {
    JsonNode found =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command(
                        "U7", "/papers", "diffusion policy", slackApi.responseUrl("f")),
                    now(),
                    SECRET)
                .body());
    String id = paperIds(found).get(0);
    post(fast, SlackForms.command("U7", "/save", id, slackApi.responseUrl("f")), now(), SECRET);
    JsonNode ack =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command("U7", "/saved", "bibtex", slackApi.responseUrl("f")),
                    now(),
                    SECRET)
                .body());
    assertThat(ack.get("text").asText()).startsWith("Your saved paper as BibTeX");
    FakeSlackWebApi.Shared file = awaitShared();
    assertThat(file.channel()).isEqualTo("DU7");
    assertThat(file.filename()).isEqualTo("paperbot-saved.bib");
    assertThat(file.comment()).startsWith("Your saved paper as BibTeX");
    assertThat(file.text()).startsWith("@misc{").contains("title = {{");
  }

  private static FakeSlackWebApi.Shared awaitShared() throws InterruptedException {
    for (int i = 0; i < 600 && slackApi.shared().isEmpty(); i++) {
      Thread.sleep(100);
    }
    assertThat(slackApi.shared()).as("a file was shared").isNotEmpty();
    return slackApi.shared().get(0);
  }

  @Test
  void aPastedArxivLinkIsUnfurledAsTheFetchedPapersCard() throws Exception {
    String url = "https://arxiv.org/abs/2406.12345v2";
    String event =
        "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
            + "\"event_id\":\"Ev1\",\"event_time\":1700000000,\"event\":{\"type\":\"link_shared\","
            + "\"channel\":\"C9\",\"is_bot_user_member\":true,\"user\":\"U8\","
            + "\"message_ts\":\"1700000000.000200\",\"source\":\"conversations_history\","
            + "\"unfurl_id\":\"C9.1700000000.000200.abc\",\"links\":[{\"domain\":\"arxiv.org\",\"url\":\""
            + url
            + "\"}],\"event_ts\":\"1700000000.000300\"}}";
    HttpResponse<String> ack = postJson(fast, event, now(), SECRET);
    assertThat(ack.statusCode()).isEqualTo(200);
    for (int i = 0; i < 600 && slackApi.unfurled().isEmpty(); i++) {
      Thread.sleep(100);
    }
    assertThat(slackApi.unfurled()).hasSize(1);
    Map<String, String> call = slackApi.unfurled().get(0);
    assertThat(call).containsEntry("channel", "C9").containsEntry("ts", "1700000000.000200");
    JsonNode blocks = JSON.readTree(call.get("unfurls")).get(url).get("blocks");
    assertThat(blocks.get(0).get("text").get("text").asText())
        .contains(FakeArxiv.title("2406.12345"), "https://arxiv.org/abs/2406.12345");
    assertThat(blocks.get(1).get("type").asText()).isEqualTo("actions");
    assertThat(arxiv.queries()).anyMatch(q -> q.contains("id_list=2406.12345"));
    // The share is the channel's team signal, not a like of U8.
    assertThat(bot.wiring().profiles().mostLiked("SLACK", "T1", java.time.Instant.EPOCH, 50))
        .extracting(java.util.Map.Entry::getKey)
        .contains("2406.12345");
  }

  @Test
  void anEventSlackRetriesIsAckedAgainButUnfurledOnce() throws Exception {
    // Slack resends an event it thinks went unanswered with the same event_id and an
    // X-Slack-Retry-Num header; a retry whose first delivery never arrived is new here.
    // Its own fake and workers: once the workers are done, every unfurl has been asked for.
    FakeSlackWebApi ownApi = new FakeSlackWebApi();
    ExecutorService own = Executors.newFixedThreadPool(2);
    SlackSettings settings =
        new SlackSettings(
            FakeSlackWebApi.BOT_TOKEN, SECRET, "", 0, ownApi.apiUrl(), Duration.ofSeconds(60));
    SlackHttpServer server =
        SlackHttpServer.start(
            SlackAdapter.start(bot.router(), settings, own, bot.wiring().deliveries()).app(),
            "127.0.0.1",
            0,
            java.time.Clock.systemUTC());
    try {
      String first = SlackForms.linkShared("EvRetry1", "1800000001.000200", "2407.00001");
      String lost = SlackForms.linkShared("EvRetry2", "1800000002.000200", "2407.00002");
      assertThat(postJson(server, first, now(), SECRET).statusCode()).isEqualTo(200);
      List<String> reasons = List.of("http_timeout", "http_error", "connection_failed");
      for (int i = 0; i < reasons.size(); i++) {
        assertThat(retry(server, first, i + 1, reasons.get(i)).statusCode()).isEqualTo(200);
      }
      assertThat(retry(server, lost, 1, "connection_failed").statusCode()).isEqualTo(200);
    } finally {
      server.close();
      own.shutdown();
      assertThat(own.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    ownApi.close();
    assertThat(ownApi.unfurled())
        .extracting(call -> call.get("ts"))
        .containsExactlyInAnyOrder("1800000001.000200", "1800000002.000200");
  }

  /** The same callback again, as Slack resends it: signed anew, with the retry headers. */
  private static HttpResponse<String> retry(
      SlackHttpServer server, String body, int number, String reason) throws Exception {
    return http.send(
        SlackForms.retriedEvent(server.port(), SECRET, body, number, reason),
        HttpResponse.BodyHandlers.ofString());
  }

  /** What a message shortcut's answer said: the response_url's JSON. */
  private static JsonNode shortcutAnswer(String responseName) throws Exception {
    RecordedRequest answer = slackApi.next("/respond/" + responseName);
    assertThat(answer).as("an answer at the response_url").isNotNull();
    return JSON.readTree(answer.getBody().utf8());
  }

  @Test
  void theSavePaperShortcutSavesTheLinkedPaperForTheMemberWhoUsedIt() throws Exception {
    String message =
        SlackForms.typedMessage(
            "U20",
            "have a look <https://arxiv.org/abs/2408.00011v2|arxiv.org/abs/2408.00011v2> &amp; tell"
                + " me");
    HttpResponse<String> ack =
        post(
            fast,
            SlackForms.messageShortcut(
                SlackAdapter.SAVE_PAPER, "U21", message, slackApi.responseUrl("sc-save1")),
            now(),
            SECRET);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).as("acked empty; the answer follows").isEmpty();
    JsonNode saved = shortcutAnswer("sc-save1");
    assertThat(saved.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(saved.get("replace_original").asBoolean()).isFalse();
    assertThat(saved.get("text").asText())
        .startsWith("Saved *" + FakeArxiv.title("2408.00011") + "*.");
    assertThat(
            post(
                    fast,
                    SlackForms.command("U21", "/saved", "", slackApi.responseUrl("sc-l")),
                    now(),
                    SECRET)
                .body())
        .contains(FakeArxiv.title("2408.00011"));
    // Saved for the member who used the shortcut, not for whoever wrote the message.
    assertThat(
            JSON.readTree(
                    post(
                            fast,
                            SlackForms.command("U20", "/saved", "", slackApi.responseUrl("sc-l")),
                            now(),
                            SECRET)
                        .body())
                .get("text")
                .asText())
        .startsWith("Nothing saved yet");

    post(
        fast,
        SlackForms.messageShortcut(
            SlackAdapter.SAVE_PAPER, "U21", message, slackApi.responseUrl("sc-save2")),
        now(),
        SECRET);
    assertThat(shortcutAnswer("sc-save2").get("text").asText())
        .startsWith("*" + FakeArxiv.title("2408.00011") + "* is already saved.");
    assertThat(slackApi.refused()).isEmpty();
  }

  @Test
  void thePaperCardShortcutShowsTheCardsToTheMemberAloneAndCountsNoShare() throws Exception {
    // A bot's message (a digest, a shared page): its links are in its blocks, not in its text.
    String message =
        """
        {"type":"message","subtype":"bot_message","bot_id":"BOTHER","ts":"1700000400.000200",
         "text":"Today's papers","blocks":[{"type":"section","block_id":"b1","text":{"type":"mrkdwn",
         "text":"*<https://arxiv.org/abs/2408.00012|A quokka paper>*\\n`2408.00012` · 2 authors"}}]}\
        """;
    HttpResponse<String> ack =
        post(
            fast,
            SlackForms.messageShortcut(
                SlackAdapter.PAPER_CARD, "U22", message, slackApi.responseUrl("sc-card")),
            now(),
            SECRET);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    JsonNode card = shortcutAnswer("sc-card");
    assertThat(card.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(card.get("blocks").get(0).get("text").get("text").asText())
        .contains(FakeArxiv.title("2408.00012"), "https://arxiv.org/abs/2408.00012");
    assertThat(card.get("blocks").get(1).get("type").asText()).isEqualTo("actions");
    // A look, not a share: the channel's team signal is unchanged.
    assertThat(bot.wiring().profiles().mostLiked("SLACK", "T1", java.time.Instant.EPOCH, 50))
        .extracting(java.util.Map.Entry::getKey)
        .doesNotContain("2408.00012");
    assertThat(slackApi.refused()).isEmpty();
  }

  @Test
  void aShortcutOnAMessageWithoutAPaperGetsAClearReplyAndOneWithoutAMemberA400() throws Exception {
    for (String shortcut : List.of(SlackAdapter.SAVE_PAPER, SlackAdapter.PAPER_CARD)) {
      post(
          fast,
          SlackForms.messageShortcut(
              shortcut,
              "U23",
              SlackForms.typedMessage("U20", "lunch at noon? 2408.00013 is my table number"),
              slackApi.responseUrl("sc-none-" + shortcut)),
          now(),
          SECRET);
      assertThat(shortcutAnswer("sc-none-" + shortcut).get("text").asText())
          .as(shortcut)
          .startsWith("I found no arXiv link in that message.");
    }
    String noMember =
        SlackForms.messageShortcut(
                SlackAdapter.SAVE_PAPER,
                "U23",
                SlackForms.typedMessage("U20", "https://arxiv.org/abs/2408.00013"),
                slackApi.responseUrl("sc-bad"))
            .replace(
                URLEncoder.encode("\"user\":{\"id\":\"U23\",", StandardCharsets.UTF_8),
                URLEncoder.encode("\"user\":{", StandardCharsets.UTF_8));
    assertThat(post(fast, noMember, now(), SECRET).statusCode()).isEqualTo(400);
  }

  @Test
  void aShortcutIsAckedWhileArxivIsStillAskedForThePaper() throws Exception {
    // Slack wants the ack within 3 s; an unknown paper is fetched from arXiv, which may be slow.
    arxiv.hold();
    HttpResponse<String> ack;
    try {
      ack =
          http.sendAsync(
                  SlackForms.signedNow(
                      fast.port(),
                      SECRET,
                      SlackForms.messageShortcut(
                          SlackAdapter.PAPER_CARD,
                          "U24",
                          SlackForms.typedMessage("U20", "<https://arxiv.org/pdf/2408.00014v1>"),
                          slackApi.responseUrl("sc-held"))),
                  HttpResponse.BodyHandlers.ofString())
              .get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      arxiv.release();
    }
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    assertThat(shortcutAnswer("sc-held").get("blocks").get(0).get("text").get("text").asText())
        .contains(FakeArxiv.title("2408.00014"));
  }

  @Test
  void personalPapersUseTheMembersTopics() throws Exception {
    post(
        fast,
        SlackForms.command("U2", "/topics", "add offline rl", slackApi.responseUrl("b")),
        now(),
        SECRET);
    JsonNode message =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command("U2", "/papers", "", slackApi.responseUrl("b")),
                    now(),
                    SECRET)
                .body());
    assertThat(message.get("blocks").get(1).get("text").get("text").asText())
        .contains("your topics: offline rl");
  }

  @Test
  void aLikeButtonIsAnsweredThroughTheResponseUrlAndReranksTheNextPapers() throws Exception {
    post(
        fast,
        SlackForms.command("U3", "/topics", "add diffusion", slackApi.responseUrl("c")),
        now(),
        SECRET);
    List<String> before =
        paperIds(
            JSON.readTree(
                post(
                        fast,
                        SlackForms.command("U3", "/papers", "all", slackApi.responseUrl("c")),
                        now(),
                        SECRET)
                    .body()));
    String liked =
        paperIds(
                JSON.readTree(
                    post(
                            fast,
                            SlackForms.command(
                                "U3", "/papers", "video generation", slackApi.responseUrl("c")),
                            now(),
                            SECRET)
                        .body()))
            .get(0);

    HttpResponse<String> ack =
        post(fast, button("U3", "paper.like", liked, slackApi.responseUrl("like")), now(), SECRET);
    assertThat(ack.statusCode()).isEqualTo(200);
    RecordedRequest answer = slackApi.next("/respond/like");
    assertThat(answer).isNotNull();
    JsonNode body = JSON.readTree(answer.getBody().utf8());
    assertThat(body.get("text").asText()).startsWith("Liked *");
    assertThat(body.get("replace_original").asBoolean()).isFalse();

    List<String> after =
        paperIds(
            JSON.readTree(
                post(
                        fast,
                        SlackForms.command("U3", "/papers", "all", slackApi.responseUrl("c")),
                        now(),
                        SECRET)
                    .body()));
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void aSlowCommandIsAckedEmptyAndAnsweredThroughTheResponseUrl() throws Exception {
    HttpResponse<String> ack =
        post(
            slow,
            SlackForms.command("U4", "/papers", "world models", slackApi.responseUrl("slow")),
            now(),
            SECRET);
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    RecordedRequest answer = slackApi.next("/respond/slow");
    assertThat(answer).isNotNull();
    assertThat(
            JSON.readTree(answer.getBody().utf8())
                .get("blocks")
                .get(0)
                .get("text")
                .get("text")
                .asText())
        .startsWith("Papers for \"world models\"");
  }

  @Test
  void badAndStaleSignaturesAreRefused() throws Exception {
    String body = SlackForms.command("U5", "/papers", "rl", slackApi.responseUrl("bad"));
    assertThat(post(fast, body, now(), "not-the-secret").statusCode()).isEqualTo(401);
    assertThat(post(fast, body, now() - 10 * 60, SECRET).statusCode()).isEqualTo(401);
    assertThat(post(fast, body, now(), SECRET).statusCode()).isEqualTo(200);
  }

  @Test
  void aTimestampMoreThanFiveMinutesAheadIsRefusedLikeAStaleOne() throws Exception {
    // A captured request stamped ahead could otherwise be replayed until its time came.
    String body = SlackForms.command("U5", "/papers", "rl", slackApi.responseUrl("ahead"));
    assertThat(post(fast, body, now() + 6 * 60, SECRET).statusCode()).isEqualTo(401);
    assertThat(post(fast, body, now() - 6 * 60, SECRET).statusCode()).isEqualTo(401);
    assertThat(post(fast, body, now() + 60, SECRET).statusCode()).isEqualTo(200);
  }

  @Test
  void aSignedCommandWithTheWrongContentTypeIsRefusedWith415() throws Exception {
    String body = SlackForms.command("U5", "/papers", "rl", slackApi.responseUrl("type"));
    for (String type : List.of("application/json", "text/plain")) {
      HttpResponse<String> response = post(fast, body, now(), SECRET, type);
      assertThat(response.statusCode()).as(type).isEqualTo(415);
      assertThat(response.body()).isEqualTo("expected application/x-www-form-urlencoded");
    }
    assertThat(
            post(fast, body, now(), SECRET, "application/x-www-form-urlencoded; charset=utf-8")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void malformedRequestsGetA400NotAStackTrace() throws Exception {
    HttpResponse<String> response = post(fast, "payload=%7Bnot-json", now(), SECRET);
    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void aCommandPaperbotDoesNotKnowIsAnsweredByTheCoreNotRefused() throws Exception {
    // Slack shows the member only "failed with the error" for a non-200; an app set up from an
    // older manifest may still send a command paperbot has dropped.
    HttpResponse<String> response =
        post(
            fast,
            SlackForms.command("U5", "/frobnicate", "now", slackApi.responseUrl("unknown")),
            now(),
            SECRET);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode message = JSON.readTree(response.body());
    assertThat(message.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(message.get("text").asText())
        .isEqualTo("I don't know `/frobnicate`. Type `/paperbot` to see what I can do.");
  }

  @Test
  void aCommandWithOnlyItsRequiredFieldsFromAnEnterpriseOrgIsAnswered() throws Exception {
    // Slack leaves out channel_name and team_domain at times, and adds enterprise fields on Grid.
    String body =
        SlackForms.form(
            "token",
            "x",
            "team_id",
            "T1",
            "enterprise_id",
            "E1",
            "enterprise_name",
            "Org",
            "is_enterprise_install",
            "true",
            "channel_id",
            "C1",
            "user_id",
            "U5",
            "command",
            "/papers",
            "text",
            "  ",
            "api_app_id",
            "A1",
            "response_url",
            slackApi.responseUrl("grid"),
            "trigger_id",
            "1.2.3");
    HttpResponse<String> response = post(fast, body, now(), SECRET);
    assertThat(response.statusCode()).isEqualTo(200);
    // Only spaces after /papers is no query: the member's own papers (here, what's trending).
    assertThat(JSON.readTree(response.body()).get("text").asText())
        .startsWith("You have no topics yet, so here is what's trending.");
  }

  @Test
  void theUrlVerificationChallengeIsEchoed() throws Exception {
    String challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
    HttpResponse<String> response =
        postJson(
            fast,
            "{\"token\":\"x\",\"challenge\":\"" + challenge + "\",\"type\":\"url_verification\"}",
            now(),
            SECRET);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(challenge);
  }

  @Test
  void everyEventIsAnswered200EvenOnesPaperbotHasNoUseFor() throws Exception {
    // Slack disables an app's event subscriptions when more than 5% of deliveries in an hour get
    // no 200: an event without a handler, and Slack's own rate-limit notice, are answered too.
    String mention =
        "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
            + "\"event_id\":\"EvMention1\",\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\","
            + "\"user\":\"U1\",\"text\":\"<@UBOT> hello\",\"ts\":\"1.1\",\"channel\":\"C1\","
            + "\"event_ts\":\"1.1\"}}";
    assertThat(postJson(fast, mention, now(), SECRET).statusCode()).isEqualTo(200);
    String limited =
        "{\"token\":\"x\",\"type\":\"app_rate_limited\",\"team_id\":\"TLIMIT\","
            + "\"minute_rate_limited\":1518467820,\"api_app_id\":\"A1\"}";
    assertThat(postJson(fast, limited, now(), SECRET).statusCode()).isEqualTo(200);
    assertThat(logs.lines())
        .anyMatch(line -> line.contains("slack is rate limiting this app's events team=TLIMIT"))
        .noneMatch(line -> line.contains("minute_rate_limited"));
  }

  /**
   * Events a Slack app may be sent that paperbot deliberately ignores: ones an app set up by hand
   * (or from an older manifest) may subscribe to, a message with a subtype among them.
   */
  static final List<String> IGNORED_EVENTS =
      List.of(
          "{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U1\",\"text\":\"hi\","
              + "\"ts\":\"1.1\",\"event_ts\":\"1.1\",\"channel_type\":\"channel\"}",
          "{\"type\":\"message\",\"subtype\":\"channel_join\",\"channel\":\"C1\","
              + "\"user\":\"U1\",\"text\":\"joined\",\"ts\":\"1.2\",\"event_ts\":\"1.2\"}",
          "{\"type\":\"app_home_opened\",\"user\":\"U1\",\"channel\":\"D1\",\"tab\":\"home\","
              + "\"event_ts\":\"1.3\"}",
          "{\"type\":\"member_joined_channel\",\"user\":\"U1\",\"channel\":\"C1\","
              + "\"channel_type\":\"C\",\"team\":\"T1\",\"event_ts\":\"1.4\"}",
          "{\"type\":\"reaction_added\",\"user\":\"U1\",\"reaction\":\"thumbsup\","
              + "\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"1.1\"},"
              + "\"event_ts\":\"1.5\"}",
          "{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"<@UBOT> hello\",\"ts\":\"1.6\","
              + "\"channel\":\"C1\",\"event_ts\":\"1.6\"}");

  /** An Events API callback around {@code event}. */
  static String callback(String eventId, String event) {
    return "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
        + "\"type\":\"event_callback\",\"event_id\":\""
        + eventId
        + "\",\"event_time\":1700000000,\"event\":"
        + event
        + "}";
  }

  /** Bolt's warning for an event without a handler: seven lines with a code suggestion. */
  static boolean unhandledWarning(String line) {
    return line.contains("No BoltEventHandler registered") || line.contains("[Suggestion]");
  }

  @Test
  void eventsPaperbotIgnoresAreAnswered200WithoutBoltsUnhandledEventWarning() throws Exception {
    for (int i = 0; i < IGNORED_EVENTS.size(); i++) {
      String event = IGNORED_EVENTS.get(i);
      assertThat(postJson(fast, callback("EvIgnored" + i, event), now(), SECRET).statusCode())
          .as(event)
          .isEqualTo(200);
    }
    assertThat(logs.lines()).noneMatch(SlackAdapterTest::unhandledWarning);
  }

  @Test
  void anUnsignedBodyIsRefusedWith401BeforeAnythingReadsIt() throws Exception {
    // Unread, whatever it holds: a forged body that Slack never signed cannot reach the parser
    // (which logs what it cannot read) or learn from a 400 what the endpoint accepts.
    for (String type : List.of("application/x-www-form-urlencoded", "application/json")) {
      for (String body : List.of("payload=%7Bunsigned-marker", "{unsigned-marker", "")) {
        assertThat(post(fast, body, now(), "not-the-secret", type).statusCode())
            .as(type + " " + body)
            .isEqualTo(401);
      }
    }
    HttpResponse<String> bare =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fast.port() + SlackHttpServer.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{unsigned-marker"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bare.statusCode()).isEqualTo(401);
    assertThat(logs.lines()).noneMatch(line -> line.contains("unsigned-marker"));
    // Slack's certificate check asks nothing: 200, as Bolt's SSLCheck answers it, signed or not.
    assertThat(
            post(
                    fast,
                    "ssl_check=1&token=x",
                    now(),
                    "not-the-secret",
                    "application/x-www-form-urlencoded")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void postMessageWaitsOutA429AndThenPosts() throws Exception {
    SlackOutbox outbox =
        new SlackOutbox(
            new SlackSettings(
                FakeSlackWebApi.BOT_TOKEN,
                SECRET,
                "",
                0,
                slackApi.apiUrl(),
                SlackSettings.DEFAULT_INLINE_BUDGET));
    int before = slackApi.count("/api/chat.postMessage");
    slackApi.rateLimitNextPost(1);
    assertThat(outbox.post("C42", Reply.privateText("Today's papers")))
        .isEqualTo(PostResult.POSTED);
    assertThat(slackApi.count("/api/chat.postMessage") - before).isEqualTo(2);
    RecordedRequest first = slackApi.next("/api/chat.postMessage");
    while (slackApi.count("/api/chat.postMessage") > 0) {
      first = slackApi.next("/api/chat.postMessage");
    }
    assertThat(first.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + FakeSlackWebApi.BOT_TOKEN);
    assertThat(URLDecoder.decode(first.getBody().utf8(), StandardCharsets.UTF_8))
        .contains("channel=C42", "Today's papers");
  }

  @Test
  void serverErrorsAreRetriedWithBackoffAndGiveUpAfterTheLastAttempt() throws Exception {
    SlackOutbox outbox =
        new SlackOutbox(
            new SlackSettings(
                FakeSlackWebApi.BOT_TOKEN,
                SECRET,
                "",
                0,
                slackApi.apiUrl(),
                SlackSettings.DEFAULT_INLINE_BUDGET),
            Duration.ofMillis(10));
    int before = slackApi.count("/api/chat.postMessage");
    slackApi.failNextPost(500);
    slackApi.failNextPost(503);
    assertThat(outbox.post("C43", Reply.privateText("Digest after a hiccup")))
        .isEqualTo(PostResult.POSTED);
    assertThat(slackApi.count("/api/chat.postMessage") - before)
        .isEqualTo(3); // two failures, one post

    int beforeOutage = slackApi.count("/api/chat.postMessage");
    for (int i = 0; i < SlackOutbox.ATTEMPTS; i++) {
      slackApi.failNextPost(502);
    }
    assertThat(outbox.post("C44", Reply.privateText("Digest during an outage")))
        .isEqualTo(PostResult.FAILED);
    assertThat(slackApi.count("/api/chat.postMessage") - beforeOutage)
        .isEqualTo(SlackOutbox.ATTEMPTS);
  }

  @Test
  void channelDigestsNeedAWorkspaceAdminButPersonalOnesDoNot() throws Exception {
    JsonNode refused =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command("U7", "/digest", "unsubscribe", slackApi.responseUrl("d")),
                    now(),
                    SECRET)
                .body());
    assertThat(refused.get("text").asText()).contains("needs a workspace admin or owner");
    JsonNode admin =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command(
                        "UADMIN", "/digest", "unsubscribe", slackApi.responseUrl("d")),
                    now(),
                    SECRET)
                .body());
    assertThat(admin.get("text").asText()).startsWith("This channel has no digest");
    JsonNode personal =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command("U7", "/digest", "preview me", slackApi.responseUrl("d")),
                    now(),
                    SECRET)
                .body());
    assertThat(personal.get("text").asText()).startsWith("You have no digest");
  }

  /**
   * Slash payloads say nothing of where paperbot may post, so /digest asks conversations.info: a
   * channel Slack does not show paperbot (private, not invited) or an archived one is not
   * subscribed, and the reply says what to do.
   */
  @Test
  void aChannelPaperbotCannotPostInIsNotSubscribedAndTheReplySaysWhatToDo() throws Exception {
    try {
      slackApi.refusePostsTo("C1", "channel_not_found");
      assertThat(slashText("UADMIN", "subscribe 9am offline rl"))
          .isEqualTo(
              "paperbot cannot post in this channel, so its digest would never arrive: Slack cannot"
                  + " find this channel for paperbot (deleted, or private without paperbot in it);"
                  + " invite it with `/invite @paperbot`. Nothing was changed; subscribe again once"
                  + " it can, or use `/digest subscribe me` for a digest in your direct messages.");
      slackApi.refusePostsTo("C1", "is_archived");
      assertThat(slashText("UADMIN", "subscribe 9am offline rl"))
          .contains("this channel is archived; unarchive it to get the digest again.");
      assertThat(slashText("UADMIN", "status")).startsWith("No digests here yet");

      // Admitted, the subscribe goes on to be saved (this test's bot schedules nothing, so it
      // answers with the scheduler's refusal instead of "Subscribed").
      slackApi.admit("C1");
      int asked = slackApi.count("/api/conversations.info");
      assertThat(slashText("UADMIN", "subscribe 9am offline rl")).doesNotContain("cannot post");
      assertThat(slackApi.count("/api/conversations.info") - asked).isEqualTo(1);
    } finally {
      slackApi.admit("C1");
    }
  }

  /**
   * Slack tells the app when a channel is deleted (channel_deleted, or group_deleted for a private
   * one): that channel's digest ends; another channel's, and a member's own, stay.
   */
  @Test
  void aDeletedChannelsDigestEndsWithIt() throws Exception {
    var store = bot.wiring().digestStore();
    Subscription publicOne = store.save(digest("CGONE", Subscription.Kind.CHANNEL));
    Subscription privateOne = store.save(digest("GGONE", Subscription.Kind.CHANNEL));
    Subscription kept = store.save(digest("CKEPT", Subscription.Kind.CHANNEL));
    Subscription members = store.save(digest("U7", Subscription.Kind.MEMBER));
    try {
      for (String[] deleted :
          new String[][] {{"channel_deleted", "CGONE"}, {"group_deleted", "GGONE"}}) {
        String event =
            "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"Ev"
                + deleted[1]
                + "\",\"event_time\":1700000000,\"event\":{\"type\":\""
                + deleted[0]
                + "\",\"channel\":\""
                + deleted[1]
                + "\",\"event_ts\":\"1700000000.000300\"}}";
        assertThat(postJson(fast, event, now(), SECRET).statusCode()).isEqualTo(200);
      }
      for (int i = 0;
          i < 300
              && (find(store, "CGONE", Subscription.Kind.CHANNEL).isPresent()
                  || find(store, "GGONE", Subscription.Kind.CHANNEL).isPresent());
          i++) {
        Thread.sleep(100);
      }
      assertThat(find(store, "CGONE", Subscription.Kind.CHANNEL)).isEmpty();
      assertThat(find(store, "GGONE", Subscription.Kind.CHANNEL)).isEmpty();
      assertThat(find(store, "CKEPT", Subscription.Kind.CHANNEL)).isPresent();
      assertThat(find(store, "U7", Subscription.Kind.MEMBER)).isPresent();
    } finally {
      for (Subscription s : List.of(publicOne, privateOne, kept, members)) {
        store.delete(s.id());
      }
    }
  }

  private static Subscription digest(String destination, Subscription.Kind kind) {
    return new Subscription(
        0,
        "SLACK",
        "T1",
        destination,
        kind,
        "UADMIN",
        java.time.LocalTime.of(9, 0),
        java.time.ZoneOffset.UTC,
        Subscription.WEEKDAYS,
        List.of("offline rl"),
        5,
        null);
  }

  private static java.util.Optional<Subscription> find(
      paperbot.recommender.digest.DigestStore store, String destination, Subscription.Kind kind) {
    return store.find("SLACK", "T1", destination, kind);
  }

  /** The text of a /digest answer, answered at once. */
  private String slashText(String user, String text) throws Exception {
    return JSON.readTree(
            post(
                    fast,
                    SlackForms.command(user, "/digest", text, slackApi.responseUrl("d")),
                    now(),
                    SECRET)
                .body())
        .get("text")
        .asText();
  }

  @Test
  void aDigestCommandIsAckedWhileSlackIsStillAskedWhetherTheMemberIsAnAdmin() throws Exception {
    // Slack wants the ack within 3 s however long its own users.info takes: the lookup belongs to
    // the answer, which may follow through the response_url.
    slackApi.holdUsersInfo();
    HttpResponse<String> ack;
    try {
      ack =
          http.sendAsync(
                  SlackForms.signedNow(
                      slow.port(),
                      SECRET,
                      SlackForms.command(
                          "UADMIN", "/digest", "unsubscribe", slackApi.responseUrl("held"))),
                  HttpResponse.BodyHandlers.ofString())
              .get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      slackApi.releaseUsersInfo();
    }
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    RecordedRequest answer = slackApi.next("/respond/held");
    assertThat(answer).isNotNull();
    assertThat(JSON.readTree(answer.getBody().utf8()).get("text").asText())
        .startsWith("This channel has no digest");
  }

  @Test
  void aRateLimitedAdminLookupIsAskedAgainWhenSlackSaysAndNotTakenAsANo() throws Exception {
    int before = slackApi.count("/api/users.info");
    slackApi.rateLimitNextUsersInfo(1);
    JsonNode admin =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command(
                        "UADMIN", "/digest", "unsubscribe", slackApi.responseUrl("limited")),
                    now(),
                    SECRET)
                .body());
    assertThat(admin.get("text").asText()).startsWith("This channel has no digest");
    assertThat(slackApi.count("/api/users.info") - before).isEqualTo(2);
  }

  @Test
  void echoedMemberTextIsReadUnescapedAndSentEscapedSoItNeverPings() throws Exception {
    // As Slack sends it: the member typed "<!channel> *Bold Name* & co", or @channel (which Slack
    // turns into <!channel>); & < > arrive as entities.
    JsonNode followed =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command(
                        "U9",
                        "/follow",
                        "&lt;!channel&gt; *Bold\u00a0Name* &amp; co",
                        slackApi.responseUrl("f")),
                    now(),
                    SECRET)
                .body());
    String shown = "Following *&lt;!channel&gt; ∗Bold Name∗ &amp; co*: their papers";
    assertThat(followed.get("text").asText()).startsWith(shown);
    assertThat(followed.get("blocks").get(0).get("text").get("text").asText()).startsWith(shown);
    // Slack's own markup for what the member typed as @channel and @someone (without a name
    // users.info could give) reads as typed, and is echoed as text that notifies no one.
    JsonNode search =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command(
                        "U9", "/papers", "<!channel> <@U123>", slackApi.responseUrl("p")),
                    now(),
                    SECRET)
                .body());
    // The notification text is mrkdwn too: a raw <!channel> there would notify the channel.
    assertThat(search.get("text").asText())
        .startsWith("Papers for \"@channel @U123\"")
        .doesNotContain("<!channel>");
    assertThat(search.get("blocks").get(0).get("text").get("text").asText())
        .startsWith("Papers for \"@channel @U123\"");
    assertThat(
            SlackLimits.notified(
                search.get("text").asText(),
                com.google.gson.JsonParser.parseString(search.get("blocks").toString())
                    .getAsJsonArray(),
                false))
        .isEmpty();
    JsonNode list =
        JSON.readTree(
            post(
                    fast,
                    SlackForms.command("U9", "/topics", "list", slackApi.responseUrl("l")),
                    now(),
                    SECRET)
                .body());
    assertThat(list.get("text").asText())
        .contains("Following: &lt;!channel&gt; ∗Bold Name∗ &amp; co")
        .doesNotContain("&amp;amp;");
  }
}
