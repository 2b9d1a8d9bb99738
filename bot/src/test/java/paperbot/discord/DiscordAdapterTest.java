package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import paperbot.fakes.FakeDiscord;

/** The real JDA client against a scripted fake Discord (REST and gateway) on loopback. */
final class DiscordAdapterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALLBACK = "POST /api/v10/interactions/*/callback";

  static final FakeArxiv arxiv = FakeArxiv.startQuietly();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true, arxiv.env());
  static FakeDiscord discord;
  static DiscordService service;
  static JsonNode registered;

  static LogCapture logs;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.start();
    discord = new FakeDiscord(Clock.systemUTC());
    service =
        DiscordService.start(
            bot.router(),
            new DiscordSettings(
                FakeDiscord.TOKEN,
                "",
                discord.apiUrl(),
                "",
                1,
                DiscordSettings.DEFAULT_INLINE_BUDGET),
            Clock.systemUTC());
    registered =
        JSON.readTree(
            discord
                .next("PUT /api/v10/applications/" + FakeDiscord.APP_ID + "/commands")
                .getBody()
                .utf8());
  }

  @AfterAll
  static void stop() {
    service.close();
    discord.close();
    arxiv.close();
    // Everything this class drove (start-up, commands, buttons, posts, failures) logged no token or
    // secret.
    try (LogCapture captured = logs) {
      for (String secret : List.of(FakeDiscord.TOKEN)) {
        assertThat(captured.lines()).as("log lines").noneMatch(line -> line.contains(secret));
      }
      assertThat(captured.lines())
          .as("something was logged, so the scan means something")
          .isNotEmpty();
    }
  }

  private static String slash(String userId, String name, String optionsJson) {
    return discord.slash(userId, name, optionsJson);
  }

  private static String press(String userId, String customId) {
    return discord.press(userId, customId);
  }

  /**
   * The JSON body of a callback or webhook request, whether sent as JSON or as multipart
   * payload_json.
   */
  private static JsonNode body(RecordedRequest request) throws Exception {
    assertThat(request).as("request arrived").isNotNull();
    return FakeDiscord.payload(request);
  }

  /**
   * The message that answered an interaction: the callback's data when the core answered inside the
   * inline budget, otherwise (a deferred callback, as on a busy machine) the follow-up sent through
   * the interaction's webhook.
   */
  private static JsonNode answer(FakeDiscord fake) throws Exception {
    JsonNode callback = body(fake.next(CALLBACK));
    if (callback.get("type").asInt() != 5) {
      return callback.get("data");
    }
    JsonNode followUp = body(fake.next("POST /api/v10/webhooks/*"));
    // An answer for the channel first fills the private deferral's place with a line of its own.
    return followUp.path("content").asText().equals(InteractionAnswer.FOR_THE_CHANNEL)
        ? body(fake.next("POST /api/v10/webhooks/*"))
        : followUp;
  }

  private static List<String> buttonIds(JsonNode message, String actionPrefix) {
    List<String> found = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      for (JsonNode button : row.path("components")) {
        if (button.path("custom_id").asText().startsWith(actionPrefix)) {
          found.add(button.get("custom_id").asText());
        }
      }
    }
    return found;
  }

  @Test
  void commandsAreRegisteredWithTypedOptionsAndAutocomplete() {
    List<String> names = new ArrayList<>();
    registered.forEach(command -> names.add(command.get("name").asText()));
    assertThat(names)
        .contains(
            "papers",
            "paper",
            "topics",
            "saved",
            "follow",
            "like",
            "unlike",
            "save",
            "unsave",
            "more",
            "digest",
            "paperbot");
    JsonNode topics =
        registered.findValues("name").stream()
            .filter(n -> n.asText().equals("topics"))
            .findFirst()
            .map(n -> registered.get(names.indexOf("topics")))
            .orElseThrow();
    List<String> subcommands = new ArrayList<>();
    topics.get("options").forEach(o -> subcommands.add(o.get("name").asText()));
    assertThat(subcommands).containsExactly("add", "remove", "list", "mute", "unmute", "clear");
    assertThat(topics.get("options").get(1).get("options").get(0).get("autocomplete").asBoolean())
        .isTrue();
    assertThat(
            registered
                .get(names.indexOf("papers"))
                .get("options")
                .get(0)
                .get("required")
                .asBoolean())
        .isFalse();
  }

  @Test
  void papersIsAnsweredWithAnEphemeralEmbedAndButtons() throws Exception {
    discord.dispatchInteraction(
        slash(
            "600000000000000001",
            "papers",
            "[{\"name\":\"query\",\"type\":3,\"value\":\"diffusion policy\"}]"));
    JsonNode data = answer(discord);
    assertThat(data.get("flags").asInt() & 64).isEqualTo(64);
    JsonNode embed = data.get("embeds").get(0);
    assertThat(embed.get("description").asText()).startsWith("Papers for \"diffusion policy\"");
    assertThat(embed.get("fields")).hasSize(5);
    assertThat(embed.get("fields").get(0).get("name").asText()).startsWith("1. ");
    assertThat(embed.get("fields").get(0).get("value").asText()).contains("matched: ");
    assertThat(data.get("components")).hasSize(5);
    assertThat(buttonIds(data, "paper.like:600000000000000001:")).hasSize(4);
  }

  @Test
  void aLikeButtonRoundTripsThroughTheCore() throws Exception {
    discord.dispatchInteraction(
        slash(
            "600000000000000002",
            "papers",
            "[{\"name\":\"query\",\"type\":3,\"value\":\"world models\"}]"));
    String like = buttonIds(answer(discord), "paper.like:").get(0);
    discord.dispatchInteraction(press("600000000000000002", like));
    JsonNode liked = answer(discord);
    assertThat(liked.get("content").asText()).startsWith("Liked *");
    discord.dispatchInteraction(
        slash("600000000000000002", "topics", "[{\"name\":\"list\",\"type\":1,\"options\":[]}]"));
    assertThat(answer(discord).get("content").asText()).contains("Learned from your likes");
  }

  @Test
  void anotherMembersPressOnAPagingButtonIsRefusedPolitely() throws Exception {
    discord.dispatchInteraction(
        slash(
            "600000000000000003",
            "papers",
            "[{\"name\":\"query\",\"type\":3,\"value\":\"imitation learning\"}]"));
    String next = buttonIds(answer(discord), "papers.next:").get(0);
    discord.dispatchInteraction(press("600000000000000099", next));
    assertThat(answer(discord).get("content").asText())
        .startsWith("Sorry, that button belongs to someone else's request");
  }

  @Test
  void interactionsPaperbotNeverIssuedGetAClearPrivateAnswer() throws Exception {
    String user = "600000000000000031";
    List<String> interactions =
        List.of(
            slash(user, "frobnicate", "[]"),
            press(user, "never.issued:" + user + ":x"),
            press(user, "no-separators"),
            discord.select(user, "papers.pick", "pb-1"),
            discord.modalSubmit(user, "feedback"));
    List<String> answers = new ArrayList<>();
    for (String interaction : interactions) {
      discord.dispatchInteraction(interaction);
      JsonNode message = answer(discord);
      assertThat(message.path("flags").asInt() & 64).as("shown to the member alone").isEqualTo(64);
      answers.add(message.path("content").asText());
    }
    assertThat(answers)
        .containsExactly(
            "I don't know `/frobnicate`. Type `/paperbot` to see what I can do.",
            "Sorry, that button has expired. Run the command again.",
            "Sorry, that button has expired. Run the command again.",
            "Sorry, that button has expired. Run the command again.",
            "Sorry, that button has expired. Run the command again.");
  }

  @Test
  void anOptionOfAnotherTypeThanRegisteredIsReadAsItsValue() throws Exception {
    // Discord checks option types against the registration, but a stale registration may differ.
    discord.dispatchInteraction(
        slash("600000000000000032", "papers", "[{\"name\":\"query\",\"type\":4,\"value\":42}]"));
    assertThat(answer(discord).get("content").asText()).startsWith("No papers match \"42\".");
    discord.dispatchInteraction(
        slash(
            "600000000000000032",
            "topics",
            "[{\"name\":\"add\",\"type\":1,\"options\":[{\"name\":\"topic\",\"type\":3,"
                + "\"value\":\"offline rl\"},{\"name\":\"weight\",\"type\":3,\"value\":\"heavy\"}]}]"));
    assertThat(answer(discord).get("content").asText()).startsWith("`heavy` is not a weight.");
  }

  @Test
  void topicsSubcommandOptionsReachTheCore() throws Exception {
    discord.dispatchInteraction(
        slash(
            "600000000000000004",
            "topics",
            "[{\"name\":\"add\",\"type\":1,\"options\":[{\"name\":\"topic\",\"type\":3,\"value\":\"offline rl\"},"
                + "{\"name\":\"weight\",\"type\":10,\"value\":2}]}]"));
    assertThat(answer(discord).get("content").asText())
        .startsWith("Added topic *offline rl* (weight 2)");
  }

  @Test
  @SuppressWarnings(
      "try") // the slow bot only has to be running; the test talks to it through its fake Discord
  void slowWorkIsDeferredAndAnsweredByFollowUp() throws Exception {
    try (FakeDiscord slowDiscord = new FakeDiscord(Clock.systemUTC());
        DiscordService slow =
            DiscordService.start(
                bot.router(),
                new DiscordSettings(
                    FakeDiscord.TOKEN, "", slowDiscord.apiUrl(), "", 1, Duration.ZERO),
                Clock.systemUTC())) {
      slowDiscord.dispatchInteraction(
          slowDiscord.slash(
              "600000000000000005",
              "papers",
              "[{\"name\":\"query\",\"type\":3,\"value\":\"offline rl\"}]"));
      JsonNode deferred = body(slowDiscord.next(CALLBACK));
      assertThat(deferred.get("type").asInt()).isEqualTo(5);
      JsonNode followUp = body(slowDiscord.next("POST /api/v10/webhooks/*"));
      assertThat(followUp.get("embeds").get(0).get("description").asText())
          .startsWith("Papers for \"offline rl\"");
    }
  }

  @Test
  void digestOptionsReachTheCoreTypedSoATopicWithASlashIsATopic() throws Exception {
    discord.dispatchInteraction(
        slash(
            "600000000000000009",
            "digest",
            "[{\"name\":\"subscribe\",\"type\":1,\"options\":["
                + "{\"name\":\"time\",\"type\":3,\"value\":\"07:45\"},"
                + "{\"name\":\"zone\",\"type\":3,\"value\":\"Asia/Tokyo\"},"
                + "{\"name\":\"topics\",\"type\":3,\"value\":\"rl/robotics\"}]}]"));
    assertThat(answer(discord).get("content").asText())
        .startsWith(
            "Subscribed this channel: 5 papers at 07:45 Asia/Tokyo on weekdays (rl/robotics).");
  }

  @Test
  void aPersonalDigestCanBeSetUpFromADirectMessage() throws Exception {
    discord.dispatchInteraction(
        slash(
            "600000000000000006",
            "digest",
            "[{\"name\":\"preview\",\"type\":1,\"options\":[{\"name\":\"me\",\"type\":5,\"value\":true}]}]"));
    assertThat(answer(discord).get("content").asText()).startsWith("You have no digest");
    discord.dispatchInteraction(
        slash(
            "600000000000000006",
            "digest",
            "[{\"name\":\"subscribe\",\"type\":1,\"options\":[{\"name\":\"me\",\"type\":5,\"value\":true},"
                + "{\"name\":\"days\",\"type\":3,\"value\":\"mon, wed\"}]}]"));
    assertThat(answer(discord).get("content").asText())
        .startsWith(
            "Subscribed you: 5 papers at 09:00 UTC on Mon, Wed (ranked by your profile). Next: ")
        .contains(", 09:00 UTC."); // Quartz computes the next run from the real clock
  }

  @Test
  void memberDigestsGoToDirectMessagesWithTheirKeyAsNonceSoARepeatIsDropped() throws Exception {
    assertThat(
            service
                .outbox()
                .post(
                    "guild-1",
                    "300000000000000003",
                    true,
                    Reply.privateText("Today's papers"),
                    "d7-20261123"))
        .isEqualTo(PostResult.POSTED);
    discord.next("POST /api/v10/users/@me/channels");
    JsonNode body =
        JSON.readTree(
            discord
                .next("POST /api/v10/channels/" + FakeDiscord.DM_CHANNEL + "/messages")
                .getBody()
                .utf8());
    assertThat(body.get("nonce").asText()).isEqualTo("d7-20261123");
    assertThat(body.get("enforce_nonce").asBoolean()).isTrue();
    assertThat(body.toString()).contains("Today's papers");
  }

  @Test
  void aServerErrorIsRetriedWithTheSameNonce() throws Exception {
    discord.failNextMessage(500);
    assertThat(
            service
                .outbox()
                .post(
                    "guild-1",
                    "300000000000000003",
                    true,
                    Reply.privateText("Digest after a hiccup"),
                    "d8-20261123"))
        .isEqualTo(PostResult.POSTED);
    String path = "POST /api/v10/channels/" + FakeDiscord.DM_CHANNEL + "/messages";
    List<String> nonces = new ArrayList<>();
    for (RecordedRequest sent = discord.next(path); sent != null; sent = discord.nextNow(path)) {
      nonces.add(JSON.readTree(sent.getBody().utf8()).get("nonce").asText());
    }
    // The failed attempt and the retry carry one nonce, so Discord keeps one message even if the
    // first got through.
    assertThat(nonces).containsExactly("d8-20261123", "d8-20261123");
  }

  @Test
  void paperCardOnAMessageShowsItsArxivLinksAndSavePaperThenBibtexSendsThemAsAFile()
      throws Exception {
    assertThat(registered.findValuesAsText("name")).contains("Paper card", "Save paper");
    String member = "600000000000000011";
    String link = "look at https://arxiv.org/abs/2411.00099v1 (great)";
    discord.dispatchInteraction(
        discord.messageCommand(FakeDiscord.GUILD_A, member, "Paper card", link));
    JsonNode card = answer(discord);
    assertThat(card.path("flags").asInt() & 64).as("public, for the channel").isZero();
    assertThat(card.get("embeds").get(0).get("fields").get(0).get("name").asText())
        .contains(FakeArxiv.title("2411.00099"));
    discord.dispatchInteraction(
        discord.messageCommand(FakeDiscord.GUILD_A, member, "Save paper", link));
    assertThat(answer(discord).get("content").asText()).startsWith("Saved *");
    discord.dispatchInteraction(
        discord.messageCommand(FakeDiscord.GUILD_A, member, "Save paper", link));
    assertThat(answer(discord).get("content").asText())
        .startsWith("*")
        .contains("* is already saved.")
        .doesNotContain("Saved *");
    discord.dispatchInteraction(
        discord.guildSlash(
            FakeDiscord.GUILD_A,
            member,
            false,
            "saved",
            "[{\"name\":\"format\",\"type\":3,\"value\":\"bibtex\"}]"));
    assertThat(answer(discord).get("content").asText()).startsWith("Your saved paper as BibTeX");
    // The fake files the attachment as it answers, which may finish after the test saw the call.
    for (int i = 0; i < 600 && discord.attached().isEmpty(); i++) {
      Thread.sleep(100);
    }
    assertThat(discord.attached())
        .anySatisfy(file -> {
          assertThat(file.filename()).isEqualTo("paperbot-saved.bib");
          assertThat(file.text()).contains("eprint = {2411.00099}", "archivePrefix = {arXiv}");
        });
  }
}
