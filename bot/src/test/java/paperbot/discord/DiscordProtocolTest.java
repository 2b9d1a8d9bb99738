package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.LogCapture;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;
import paperbot.command.ChatCommand;
import paperbot.command.CommandRouter;
import paperbot.command.PapersCommand;
import paperbot.fakes.FakeDiscord;

/**
 * The real JDA client against the strict {@link FakeDiscord}: the gateway found through the
 * configured API, zlib-stream, deadlines counted from each interaction's creation, a burst answered
 * concurrently, guilds on two shards, op 7 and resume, rate limits, and a quiet shutdown. Nothing
 * here times the bot: each test asserts what Discord would have accepted or refused.
 */
@SuppressWarnings("try") // a running bot only has to be open: the tests talk to it through Discord
final class DiscordProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALLBACK = "POST /api/v10/interactions/*/callback";
  private static final String FOLLOW_UP = "POST /api/v10/webhooks/*";
  private static final Clock WALL = Clock.systemUTC(); // Discord's snowflakes are wall-clock time

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true);

  /**
   * A command that takes as long as it is told: a stand-in for a slow query on a busy machine.
   * {@code slowpublic} answers for the whole channel, as {@code /paper} does.
   */
  private record Slow(Duration takes) implements ChatCommand {
    @Override
    public List<CommandSpec> specs() {
      return List.of(
          CommandSpec.command("slow", "Takes as long as it is told"),
          CommandSpec.command("slowpublic", "Takes as long as it is told, for the channel"));
    }

    @Override
    public Reply handle(ChatRequest request) {
      try {
        Thread.sleep(takes);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String text = "slow answer for " + request.user();
      return request.command().equals("slow")
          ? Reply.privateText(text)
          : new Reply(text, List.of(), List.of(), false);
    }
  }

  private static CommandRouter slowRouter(Duration takes) {
    return new CommandRouter(
        new PapersCommand(bot.wiring().index(), bot.wiring().profiles()), List.of(new Slow(takes)));
  }

  private static DiscordService start(FakeDiscord discord, CommandRouter router, int shards)
      throws InterruptedException {
    return start(discord, router, shards, "");
  }

  private static DiscordService start(
      FakeDiscord discord, CommandRouter router, int shards, String devGuild)
      throws InterruptedException {
    return start(discord, router, shards, devGuild, FakeDiscord.TOKEN);
  }

  private static DiscordService start(
      FakeDiscord discord, CommandRouter router, int shards, String devGuild, String token)
      throws InterruptedException {
    return DiscordService.start(
        router,
        new DiscordSettings(
            token, devGuild, discord.apiUrl(), "", shards, DiscordSettings.DEFAULT_INLINE_BUDGET),
        WALL);
  }

  private static JsonNode body(RecordedRequest request) throws Exception {
    assertThat(request).as("request arrived").isNotNull();
    String text = request.getBody().utf8();
    return JSON.readTree(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1));
  }

  /** The answer's message: the callback's data, or the follow-up after a deferral. */
  private static JsonNode answer(FakeDiscord discord) throws Exception {
    JsonNode callback = body(discord.next(CALLBACK));
    if (callback.get("type").asInt() != 5) {
      return callback.get("data");
    }
    JsonNode followUp = body(discord.next(FOLLOW_UP));
    // An answer for the channel first fills the private deferral's place with a line of its own.
    return followUp.path("content").asText().equals(InteractionAnswer.FOR_THE_CHANNEL)
        ? body(discord.next(FOLLOW_UP))
        : followUp;
  }

  private static void assertNothingRefused(FakeDiscord discord) {
    assertThat(discord.refusals()).as("requests Discord refused").isEmpty();
  }

  @Test
  void theSingleConnectionAsksTheConfiguredApiForItsGatewayAndSpeaksZlibStream() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      assertThat(discord.next("GET /api/v10/gateway/bot")).as("gateway asked").isNotNull();
      assertThat(discord.compressedSessions()).isEqualTo(1);
      discord.dispatchInteraction(
          discord.slash(
              "600000000000000011",
              "papers",
              "[{\"name\":\"query\",\"type\":3,\"value\":\"world models\"}]"));
      assertThat(answer(discord).get("embeds").get(0).get("description").asText())
          .startsWith("Papers for \"world models\"");
      assertNothingRefused(discord);
    }
  }

  @Test
  void aConfiguredGatewayUrlIsUsedAsIs() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service =
            DiscordService.start(
                bot.router(),
                new DiscordSettings(
                    FakeDiscord.TOKEN,
                    "",
                    discord.apiUrl(),
                    discord.gatewayUrl() + "/",
                    1,
                    DiscordSettings.DEFAULT_INLINE_BUDGET),
                WALL)) {
      assertThat(discord.nextNow("GET /api/v10/gateway/bot")).as("gateway not asked").isNull();
      assertThat(discord.identifies()).isEqualTo(1);
    }
  }

  @Test
  void theDeadlineCountsFromTheInteractionsCreationNotFromWhenItIsHandled() throws Exception {
    // The interaction reaches the bot 1.2 s after Discord created it (a slow gateway, a busy
    // machine). Counting 1.5 s from its arrival would answer at 2.7 s plus the command's time;
    // counted from its creation, the deferral goes out at 1.5 s and Discord accepts it.
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, slowRouter(Duration.ofMillis(2500)), 1)) {
      String interaction = discord.slash("600000000000000012", "slow", "[]");
      Thread.sleep(1200);
      discord.dispatchInteraction(interaction);
      assertThat(body(discord.next(CALLBACK)).get("type").asInt()).isEqualTo(5);
      assertThat(body(discord.next(FOLLOW_UP)).get("content").asText())
          .isEqualTo("slow answer for 600000000000000012");
      assertNothingRefused(discord);
    }
  }

  @Test
  void aSlowAnswerForTheChannelIsSeenByTheChannelAfterAPrivateDeferral() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, slowRouter(Duration.ofMillis(2000)), 1)) {
      discord.dispatchInteraction(discord.slash("600000000000000013", "slowpublic", "[]"));
      assertThat(body(discord.next(CALLBACK)).get("type").asInt()).isEqualTo(5);
      body(discord.next(FOLLOW_UP));
      body(discord.next(FOLLOW_UP));
      // The fake queues a request before it answers it: wait for the answer to be on screen.
      for (int i = 0; i < 100 && discord.shown().size() < 2; i++) {
        Thread.sleep(50);
      }
      assertThat(discord.shown())
          .extracting(FakeDiscord.Shown::content, FakeDiscord.Shown::ephemeral)
          .containsExactly(
              tuple(InteractionAnswer.FOR_THE_CHANNEL, true),
              tuple("slow answer for 600000000000000013", false));
      assertNothingRefused(discord);
    }
  }

  @Test
  void aBurstOfAHundredSlowInteractionsIsAnsweredConcurrentlyWithNoneLost() throws Exception {
    // 100 commands of 300 ms each on 8 workers take nearly 4 s of work: handled one by one, or
    // deferred only when a worker gets to them, most would miss Discord's 3 s.
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, slowRouter(Duration.ofMillis(300)), 1)) {
      List<String> members = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String member = "6100000000000" + String.format("%05d", i);
        members.add("slow answer for " + member);
        discord.dispatchInteraction(discord.slash(member, "slow", "[]"));
      }
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        answers.add(answer(discord).get("content").asText());
      }
      assertThat(answers).containsExactlyInAnyOrderElementsOf(members);
      assertThat(discord.unanswered()).isZero();
      assertNothingRefused(discord);
    }
  }

  @Test
  void guildMembersNeedManageChannelsForTheChannelDigest() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      String subscribe = "[{\"name\":\"subscribe\",\"type\":1,\"options\":[]}]";
      discord.dispatchInteraction(
          discord.guildSlash(
              FakeDiscord.GUILD_A, "600000000000000013", false, "digest", subscribe));
      assertThat(answer(discord).get("content").asText())
          .startsWith("Setting up this channel's digest needs the Manage Channels permission");
      discord.dispatchInteraction(
          discord.guildSlash(FakeDiscord.GUILD_A, "600000000000000014", true, "digest", subscribe));
      assertThat(answer(discord).get("content").asText()).startsWith("Subscribed this channel");
      assertNothingRefused(discord);
    }
  }

  /**
   * Discord sends the app's permissions in the channel with each interaction: a channel digest
   * where paperbot may not post is refused at once, saying what to grant, instead of failing the
   * next morning; granted, the same command subscribes.
   */
  @Test
  void aChannelWherePaperbotCannotPostIsNotSubscribed() throws Exception {
    String moderator = "600000000000000016";
    String subscribe = "[{\"name\":\"subscribe\",\"type\":1,\"options\":[]}]";
    String unsubscribe = "[{\"name\":\"unsubscribe\",\"type\":1,\"options\":[]}]";
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      // The bot is shared: another test may have subscribed this channel.
      discord.dispatchInteraction(
          discord.guildSlash(FakeDiscord.GUILD_A, moderator, true, "digest", unsubscribe));
      assertThat(answer(discord).get("content").asText()).isNotBlank();
      discord.withholdFromApp(
          FakeDiscord.CHANNEL_A, FakeDiscord.SEND_MESSAGES | FakeDiscord.EMBED_LINKS);
      discord.dispatchInteraction(
          discord.guildSlash(FakeDiscord.GUILD_A, moderator, true, "digest", subscribe));
      assertThat(answer(discord).get("content").asText())
          .isEqualTo(
              "paperbot cannot post in this channel, so its digest would never arrive: paperbot"
                  + " lacks Send Messages and Embed Links in this channel; give paperbot View"
                  + " Channel, Send Messages and Embed Links in this channel's permissions. Nothing"
                  + " was changed; subscribe again once it can, or use `/digest subscribe me` for a"
                  + " digest in your direct messages.");
      assertThat(
              bot.wiring()
                  .digestStore()
                  .find(
                      "DISCORD",
                      FakeDiscord.GUILD_A,
                      FakeDiscord.CHANNEL_A,
                      paperbot.recommender.digest.Subscription.Kind.CHANNEL))
          .as("nothing saved")
          .isEmpty();

      discord.withholdFromApp(FakeDiscord.CHANNEL_A, 0);
      discord.dispatchInteraction(
          discord.guildSlash(FakeDiscord.GUILD_A, moderator, true, "digest", subscribe));
      assertThat(answer(discord).get("content").asText()).startsWith("Subscribed this channel");
      assertNothingRefused(discord);
      discord.dispatchInteraction(
          discord.guildSlash(FakeDiscord.GUILD_A, moderator, true, "digest", unsubscribe));
      assertThat(answer(discord).get("content").asText()).startsWith("Unsubscribed");
    }
  }

  @Test
  void theDevGuildIsFoundOnTheSecondShardAndBothShardsServeTheirGuilds() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL, 2);
        DiscordService service = start(discord, bot.router(), 2, FakeDiscord.GUILD_B)) {
      assertThat(discord.shardOf(FakeDiscord.GUILD_B)).isEqualTo(1);
      assertThat(
              discord.next(
                  "PUT /api/v10/applications/"
                      + FakeDiscord.APP_ID
                      + "/guilds/"
                      + FakeDiscord.GUILD_B
                      + "/commands"))
          .as("commands registered in the dev guild")
          .isNotNull();
      assertThat(discord.nextNow("PUT /api/v10/applications/" + FakeDiscord.APP_ID + "/commands"))
          .as("not globally")
          .isNull();
      for (String guild : List.of(FakeDiscord.GUILD_A, FakeDiscord.GUILD_B)) {
        discord.dispatchInteraction(
            discord.guildSlash(
                guild,
                "600000000000000015",
                false,
                "topics",
                "[{\"name\":\"list\",\"type\":1,\"options\":[]}]"));
        assertThat(answer(discord).get("content").asText()).isNotBlank();
      }
      assertThat(discord.identifies()).isEqualTo(2);
      assertNothingRefused(discord);
    }
  }

  @Test
  void aReconnectRequestIsResumedAndInteractionsStillArrive() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      discord.reconnect(0);
      for (int waited = 0; discord.resumes() == 0 && waited < 600; waited++) {
        Thread.sleep(100);
      }
      assertThat(discord.resumes()).as("session resumed").isEqualTo(1);
      assertThat(discord.identifies()).as("not identified again").isEqualTo(1);
      discord.dispatchInteraction(
          discord.slash("600000000000000016", "topics", "[{\"name\":\"list\",\"type\":1}]"));
      assertThat(answer(discord).get("content").asText()).isNotBlank();
      assertNothingRefused(discord);
    }
  }

  @Test
  void anInvalidSessionIsIdentifiedAfreshOrResumedAsDiscordSaysAndInteractionsStillArrive()
      throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      // d=false: the session is gone; the client waits 1 to 5 s and identifies afresh.
      discord.invalidSession(0, false);
      for (int waited = 0; discord.identifies() < 2 && waited < 600; waited++) {
        Thread.sleep(100);
      }
      assertThat(discord.identifies()).as("identified afresh").isEqualTo(2);
      discord.dispatchInteraction(
          discord.slash("600000000000000021", "topics", "[{\"name\":\"list\",\"type\":1}]"));
      assertThat(answer(discord).get("content").asText()).isNotBlank();
      // d=true: the session may be resumed.
      discord.invalidSession(0, true);
      for (int waited = 0; discord.resumes() == 0 && waited < 600; waited++) {
        Thread.sleep(100);
      }
      assertThat(discord.resumes()).as("resumed").isEqualTo(1);
      discord.dispatchInteraction(
          discord.slash("600000000000000022", "topics", "[{\"name\":\"list\",\"type\":1}]"));
      assertThat(answer(discord).get("content").asText()).isNotBlank();
      assertNothingRefused(discord);
    }
  }

  @Test
  void aCloseThatForbidsReconnectingIsObeyedAndSaysWhatToDo() throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      int connections = discord.gatewayConnections();
      discord.closeGateway(0, 4014, "Disallowed intent(s).");
      for (int waited = 0;
          service.jda().getStatus() != net.dv8tion.jda.api.JDA.Status.SHUTDOWN && waited < 600;
          waited++) {
        Thread.sleep(100);
      }
      assertThat(service.jda().getStatus()).isEqualTo(net.dv8tion.jda.api.JDA.Status.SHUTDOWN);
      assertThat(discord.gatewayConnections()).as("no reconnect").isEqualTo(connections);
      // paperbot asks for the guild events alone (intents 1): nothing is there to enable, and the
      // service says so, once, to whoever runs it (ChatCli decides whether paperbot goes on).
      assertThat(discord.identifiedIntents()).containsOnly(1L);
      assertThat(service.endedForGood().toCompletableFuture().get(60, TimeUnit.SECONDS))
          .contains("paperbot asked for no privileged intent")
          .contains("nothing to enable under Privileged Gateway Intents")
          .doesNotContain("\n");
      assertThat(logs.errorsAndStacks())
          .as("whoever runs the service says it, once")
          .noneMatch(line -> line.contains(" paperbot."));
      assertThat(logs.lines())
          .as("JDA's own two lines on it are dropped")
          .noneMatch(line -> line.contains(JdaRefusalLogFilter.REFUSAL));
      // JDA's other errors are kept, from the same logger too.
      org.slf4j.LoggerFactory.getLogger(JdaRefusalLogFilter.GATEWAY_LOGGER)
          .error("WebSocket connection closed due to server error! {}: {}", 4000, "Unknown error.");
      assertThat(logs.errorsAndStacks())
          .containsExactly(
              "ERROR "
                  + JdaRefusalLogFilter.GATEWAY_LOGGER
                  + " WebSocket connection closed due to server error! 4000: Unknown error.");
    }
  }

  /**
   * A token Discord refuses at login (REST answers 401 before any gateway session) ends the start
   * with one line that says what to change, for a single connection and for shards alike, and
   * leaves nothing connecting in the background.
   */
  @Test
  void aTokenRefusedAtLoginEndsTheStartWithOneLineSayingWhatToChange() throws Exception {
    String wrong = "MTAwMDAwMDAwMDAwMDAwMDAw.wrong.not-this-bots-token";
    for (int shards : List.of(1, 2)) {
      try (LogCapture logs = LogCapture.start();
          FakeDiscord discord = new FakeDiscord(WALL, 2)) {
        assertThatThrownBy(() -> start(discord, bot.router(), shards, "", wrong))
            .as(shards + " shards")
            .isInstanceOf(IllegalStateException.class)
            .hasMessage(GatewayRefusal.TOKEN_REFUSED);
        assertThat(discord.gatewayConnections()).as("no gateway session").isZero();
        assertThat(logs.lines()).noneMatch(line -> line.contains(wrong));
      }
    }
    assertThat(GatewayRefusal.TOKEN_REFUSED).contains("DISCORD_TOKEN").doesNotContain("\n");
  }

  /** The same for a close code that forbids reconnecting, met at the first IDENTIFY. */
  @Test
  void intentsRefusedAtLoginEndTheStartWithOneLineSayingWhatToChange() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL)) {
      discord.refuseNextIdentify(4014, "Disallowed intent(s).");
      assertThatThrownBy(() -> start(discord, bot.router(), 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Discord refused the intents (4014 disallowed intents)")
          .hasMessageNotContaining("\n");
      assertThat(discord.gatewayConnections()).as("no reconnect").isEqualTo(1);
    }
  }

  @Test
  void eachCloseCodeThatForbidsReconnectingNamesWhatToChange() {
    var none = java.util.EnumSet.of(net.dv8tion.jda.api.requests.GatewayIntent.GUILD_MESSAGES);
    var content = java.util.EnumSet.of(net.dv8tion.jda.api.requests.GatewayIntent.MESSAGE_CONTENT);
    assertThat(
            GatewayRefusal.advice(
                net.dv8tion.jda.api.requests.CloseCode.AUTHENTICATION_FAILED, none))
        .contains("4004", "DISCORD_TOKEN");
    assertThat(
            GatewayRefusal.advice(
                net.dv8tion.jda.api.requests.CloseCode.DISALLOWED_INTENTS, content))
        .contains("enable MESSAGE_CONTENT under Bot, Privileged Gateway Intents");
    assertThat(
            GatewayRefusal.advice(net.dv8tion.jda.api.requests.CloseCode.SHARDING_REQUIRED, none))
        .contains("DISCORD_SHARDS");
  }

  @Test
  void aRateLimitedPostIsRetriedAfterRetryAfter() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      discord.failNextMessage(429);
      assertThat(
              service
                  .outbox()
                  .post(
                      "guild-1",
                      "300000000000000003",
                      true,
                      Reply.privateText("after a rate limit"),
                      "d9-20261123"))
          .isEqualTo(PostResult.POSTED);
      String path = "POST /api/v10/channels/" + FakeDiscord.DM_CHANNEL + "/messages";
      assertThat(discord.next(path)).isNotNull();
      assertThat(discord.next(path)).as("retried").isNotNull();
      assertThat(discord.refusals()).extracting(FakeDiscord.Refusal::status).containsExactly(429);
    }
  }

  @Test
  void theFakeRefusesASecondAnswerALateOneAndAnOversizedOne() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL)) {
      HttpClient http = HttpClient.newHttpClient();
      String interaction = discord.slash("600000000000000017", "papers", "[]");
      JsonNode parsed = JSON.readTree(interaction);
      // no gateway client here: record the interaction as dispatched without a socket
      discord.track(interaction);
      URI callback =
          URI.create(
              discord.apiUrl()
                  + "interactions/"
                  + parsed.get("id").asText()
                  + "/"
                  + parsed.get("token").asText()
                  + "/callback?with_response=true");
      HttpResponse<String> first =
          post(http, callback, "{\"type\":4,\"data\":{\"content\":\"hi\"}}");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(
              JSON.readTree(first.body()).path("resource").path("message").path("content").asText())
          .isEqualTo("hi");
      HttpResponse<String> second =
          post(http, callback, "{\"type\":4,\"data\":{\"content\":\"again\"}}");
      assertThat(second.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(second.body()).path("code").asInt()).isEqualTo(40060);

      String big = discord.slash("600000000000000018", "papers", "[]");
      discord.track(big);
      JsonNode bigParsed = JSON.readTree(big);
      HttpResponse<String> oversized =
          post(
              http,
              URI.create(
                  discord.apiUrl()
                      + "interactions/"
                      + bigParsed.get("id").asText()
                      + "/"
                      + bigParsed.get("token").asText()
                      + "/callback"),
              "{\"type\":4,\"data\":{\"content\":\"" + "x".repeat(2001) + "\"}}");
      assertThat(oversized.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(oversized.body()).path("code").asInt()).isEqualTo(50035);

      String late = discord.slash("600000000000000019", "papers", "[]");
      discord.track(late);
      JsonNode lateParsed = JSON.readTree(late);
      Thread.sleep(FakeDiscord.ANSWER_DEADLINE.plusMillis(100));
      HttpResponse<String> tooLate =
          post(
              http,
              URI.create(
                  discord.apiUrl()
                      + "interactions/"
                      + lateParsed.get("id").asText()
                      + "/"
                      + lateParsed.get("token").asText()
                      + "/callback"),
              "{\"type\":5,\"data\":{\"flags\":64}}");
      assertThat(tooLate.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(tooLate.body()).path("code").asInt()).isEqualTo(10062);
    }
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void stoppingAnswersWhatIsInFlightAndLogsNoErrors() throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeDiscord discord = new FakeDiscord(WALL)) {
      DiscordService service = start(discord, slowRouter(Duration.ofMillis(3000)), 1);
      for (int i = 0; i < 5; i++) {
        discord.dispatchInteraction(discord.slash("62000000000000000" + i, "slow", "[]"));
      }
      // Close once the first has been deferred: all five are being worked on.
      assertThat(body(discord.next(CALLBACK)).get("type").asInt()).isEqualTo(5);
      service.close();
      assertThat(discord.unanswered()).as("interactions left unanswered").isZero();
      int followUps = 0;
      while (discord.nextNow(FOLLOW_UP) != null) {
        followUps++;
      }
      assertThat(followUps).as("every deferred interaction got its answer").isEqualTo(5);
      assertNothingRefused(discord);
      assertThat(logs.errorsAndStacks()).isEmpty();
    }
  }

  @Test
  void echoedMemberTextGoesOutEscapedAndNoAnswerMayMentionAnyone() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL);
        DiscordService service = start(discord, bot.router(), 1)) {
      discord.dispatchInteraction(
          discord.slash(
              "600000000000000021",
              "follow",
              "[{\"name\":\"author\",\"type\":3,\"value\":\"Ada @everyone *Bold* <@600000000000000022>\"}]"));
      JsonNode answer = answer(discord);
      assertThat(answer.get("content").asText())
          .startsWith("Following *Ada \\@everyone \\*Bold\\* \\<\\@600000000000000022\\>*: ");
      assertThat(answer.get("allowed_mentions").get("parse")).isEmpty();
      discord.dispatchInteraction(
          discord.slash(
              "600000000000000021",
              "papers",
              "[{\"name\":\"query\",\"type\":3,\"value\":\"@here diffusion\"}]"));
      JsonNode search = answer(discord);
      assertThat(search.get("embeds").get(0).get("description").asText())
          .startsWith("Papers for \"\\@here diffusion\"");
      assertThat(search.get("allowed_mentions").get("parse")).isEmpty();
      assertNothingRefused(discord);
    }
  }
}
