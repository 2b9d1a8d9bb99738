package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
import paperbot.fakes.FakeDiscord;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;

/**
 * A fuzz round of what Discord sends, as Discord documents it may arrive: commands with options
 * missing, of another type than registered, or under a subcommand paperbot does not have;
 * autocomplete on an option that takes no suggestions; buttons whose custom_id was tampered with
 * (another member's, a paper that does not exist, at Discord's 100 characters); select menus, forms
 * and message commands paperbot never issued; direct messages, with a user and no guild; the same
 * interaction delivered twice. The real JDA client against the local fake Discord, which refuses an
 * answer after its 3 s or a second answer: every interaction gets one short answer in time, shown
 * to the member alone, and changes nothing it should not; nothing logs an error.
 */
final class DiscordFuzzTest {
  private static final String CALLBACK = "POST /api/v10/interactions/*/callback";
  private static final String FOLLOW_UP = "POST /api/v10/webhooks/*";

  static final FakeArxiv arxiv = FakeArxiv.startQuietly();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true, arxiv.env());

  static LogCapture logs;
  static FakeDiscord discord;
  static DiscordService service;

  /** A member no case acts as, whose buttons the cases press. */
  private static final String OWNER = "600000000000000900";

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
    bot.wiring().outboxes().register(Platform.DISCORD, service.outbox());
  }

  @AfterAll
  static void stop() {
    service.close();
    discord.close();
    arxiv.close();
    try (LogCapture captured = logs) {
      assertThat(captured.errorsAndStacks()).as("errors and stack traces logged").isEmpty();
    }
  }

  private static InterestProfile profile(String user) {
    return bot.wiring().profiles().load(new MemberKey(Platform.DISCORD.name(), "dm", user));
  }

  // ---------------------------------------------------------------- the cases

  /**
   * One interaction Discord may send.
   *
   * @param name what it is, for the report
   * @param interaction the interaction's JSON for a member
   * @param expected what the answer shows (for autocomplete: the choices, joined by commas)
   * @param changesNothing whether the member's profile must be as it was
   */
  record Case(
      String name, Function<String, String> interaction, String expected, boolean changesNothing) {
    @Override
    public String toString() {
      return name;
    }

    Case changing() {
      return new Case(name, interaction, expected, false);
    }
  }

  private static Case slash(String name, String command, String options, String expected) {
    return new Case(name, user -> discord.slash(user, command, options), expected, true);
  }

  private static Case press(String name, String customId, String expected) {
    return new Case(
        name, user -> discord.press(user, customId.replace("ME", user)), expected, true);
  }

  private static Case autocomplete(
      String name, String subcommand, String option, int type, String value, String expected) {
    return new Case(
        name,
        user -> discord.autocomplete(user, "topics", subcommand, option, type, value),
        expected,
        true);
  }

  private static String sub(String name, String options) {
    return "[{\"name\":\"" + name + "\",\"type\":1,\"options\":" + options + "}]";
  }

  private static final String EXPIRED = "Sorry, that button has expired. Run the command again.";
  private static final String NOT_YOURS = "Sorry, that button belongs to someone else's request.";

  static List<Case> cases() {
    String huge = "diffusion policy ".repeat(240).substring(0, 4000);
    String longId = "paper.like:ME:pb-";
    return List.of(
        // Papers picked for the member are remembered as seen, so the next /papers brings others.
        slash("/papers without its optional query", "papers", "[]", "For you:").changing(),
        slash(
                "/papers of only whitespace",
                "papers",
                "[{\"name\":\"query\",\"type\":3,\"value\":\" \\t \\u00a0 \"}]",
                "For you:")
            .changing(),
        slash(
            "/papers of 4,000 characters",
            "papers",
            "[{\"name\":\"query\",\"type\":3,\"value\":\"" + huge + "\"}]",
            "That was a long query"),
        slash(
            "/papers with control characters",
            "papers",
            "[{\"name\":\"query\",\"type\":3,\"value\":\"\\u0000diffusion\\u0008 policy\\r\\n\"}]",
            "Papers for \"diffusion policy\""),
        slash("/topics without a subcommand", "topics", "[]", "robot (weight 1)"),
        slash(
            "/topics with a subcommand paperbot does not have",
            "topics",
            sub("frob", "[]"),
            "I don't know `/topics frob`"),
        slash("/topics add without its topic", "topics", sub("add", "[]"), "Which topic?"),
        slash(
            "/topics add with a weight of text",
            "topics",
            sub(
                "add",
                "[{\"name\":\"topic\",\"type\":3,\"value\":\"robot learning\"},"
                    + "{\"name\":\"weight\",\"type\":3,\"value\":\"heavy\"}]"),
            "`heavy` is not a weight."),
        slash(
            "/topics add with a weight of 1e308",
            "topics",
            sub(
                "add",
                "[{\"name\":\"topic\",\"type\":3,\"value\":\"robot learning\"},"
                    + "{\"name\":\"weight\",\"type\":10,\"value\":1e308}]"),
            "Weights go from 0.1 to 5"),
        slash(
            "/topics in a subcommand group",
            "topics",
            "[{\"name\":\"grp\",\"type\":2,\"options\":" + sub("add", "[]") + "}]",
            "Which topic?"),
        slash(
            "/follow of a member mention",
            "follow",
            "[{\"name\":\"author\",\"type\":3,\"value\":\"<@!123456789012345678>\"}]",
            "is a chat member"),
        slash("/follow without its author", "follow", "[]", "Which author?"),
        slash("/like without its id", "like", "[]", "Which paper?"),
        slash(
            "/like with an integer id",
            "like",
            "[{\"name\":\"id\",\"type\":4,\"value\":2101}]",
            "No paper with id `2101`"),
        slash("/paper without its id", "paper", "[]", "Which paper?"),
        slash("/digest without a subcommand", "digest", "[]", "No digests here yet"),
        slash(
            "/digest subscribe with a time of another type",
            "digest",
            sub(
                "subscribe",
                "[{\"name\":\"time\",\"type\":4,\"value\":9},"
                    + "{\"name\":\"me\",\"type\":3,\"value\":\"yes\"}]"),
            "`9` is not a time on its own."),
        slash(
            "/digest with a subcommand paperbot does not have",
            "digest",
            sub("explode", "[]"),
            "I don't know `/digest explode`"),
        slash(
            "/saved in a format paperbot does not have",
            "saved",
            "[{\"name\":\"format\",\"type\":3,\"value\":\"csv\"}]",
            "`/saved` lists your saved papers"),
        slash("a command paperbot does not have", "frobnicate", "[]", "I don't know `/frobnicate`"),
        new Case(
            "a channel digest by a member without Manage Channels",
            user ->
                discord.guildSlash(
                    FakeDiscord.GUILD_A, user, false, "digest", sub("subscribe", "[]")),
            "needs the Manage Channels permission",
            true),
        press(
            "a like of a paper that does not exist",
            "paper.like:ME:pb-00000000",
            "No paper with id"),
        press(
            "a like at Discord's 100 characters",
            // "ME" becomes the member's 18 digits
            longId + "x".repeat(100 - longId.length() - 16),
            "That doesn't look like a paper id"),
        press("another member's next page", "papers.next:" + OWNER + ":2|rl", NOT_YOURS),
        press("another member's clearing of topics", "topics.clear:" + OWNER + ":", NOT_YOURS),
        press("another member's BibTeX", "saved.bibtex:" + OWNER + ":", NOT_YOURS),
        press("a kept value that is gone", "papers.next:ME:#zz", EXPIRED),
        press("a page past any", "papers.next:ME:99999999999|rl", EXPIRED),
        press("a share of garbage", "papers.share:ME:garbage", EXPIRED),
        press("a custom_id of no parts", "no-separators", EXPIRED),
        press("an empty custom_id", "", EXPIRED),
        press("a like on another member's card", "paper.like:" + OWNER + ":pb-2605bad0", "Liked")
            .changing(),
        new Case(
            "a select menu paperbot never sent",
            user -> discord.select(user, "papers.pick", "pb-2605bad0"),
            EXPIRED,
            true),
        new Case(
            "a form submitted empty", user -> discord.modalSubmit(user, "feedback"), EXPIRED, true),
        new Case(
            "a message command paperbot no longer registers",
            user ->
                discord.messageCommand(
                    FakeDiscord.GUILD_A, user, "Summarise", "see https://arxiv.org/abs/2101.00009"),
            "I don't know `/summarise`",
            true),
        autocomplete("suggestions of the member's topics", "remove", "topic", 3, "\"\"", "robot"),
        autocomplete("suggestions for a number option", "add", "weight", 10, "\"\"", ""),
        autocomplete("suggestions for an option without them", "add", "topic", 3, "\"r\"", ""),
        autocomplete("suggestions of the member's mutes", "unmute", "term", 3, "\"\"", ""));
  }

  static Stream<Arguments> interactions() {
    List<Arguments> all = new ArrayList<>();
    List<Case> cases = cases();
    for (int i = 0; i < cases.size(); i++) {
      all.add(Arguments.of(i, cases.get(i)));
    }
    return all.stream();
  }

  // ---------------------------------------------------------------- the checks

  @ParameterizedTest(name = "{1}")
  @MethodSource("interactions")
  void eachGetsOneShortPrivateAnswerInTimeAndChangesNothingItShouldNot(int index, Case fuzz)
      throws Exception {
    String user = "6000000000000" + String.format("%05d", 700 + index);
    bot.router()
        .handle(
            new ChatRequest(
                Platform.DISCORD, "dm", FakeDiscord.DM_CHANNEL, user, "topics", "add robot"));
    InterestProfile before = profile(user);
    int refused = discord.refusals().size();
    int notified = discord.notified().size();
    String interaction = fuzz.interaction().apply(user);
    discord.dispatchInteraction(interaction);
    JsonNode callback = FakeDiscord.payload(discord.next(CALLBACK));
    if (callback.path("type").asInt() == 8) {
      List<String> choices = new ArrayList<>();
      callback.path("data").path("choices").forEach(c -> choices.add(c.path("value").asText()));
      assertThat(String.join(",", choices)).as("the suggestions").isEqualTo(fuzz.expected());
    } else {
      JsonNode answer = answer(callback);
      assertThat(shown(answer)).as("the answer").contains(fuzz.expected());
      assertThat(answer.path("flags").asInt() & 64).as("shown to the member alone").isEqualTo(64);
      if (!fuzz.expected().matches("For you:|Papers for.*|That was a long query")) {
        assertThat(answer.path("content").asText()).as("a short reply").hasSizeLessThan(300);
      }
    }
    if (fuzz.changesNothing()) {
      assertThat(profile(user)).as("the member's profile").isEqualTo(before);
    }
    assertThat(discord.refusals().subList(refused, discord.refusals().size()))
        .as("answers Discord refused (late, twice, too large)")
        .isEmpty();
    assertThat(discord.notified().subList(notified, discord.notified().size()))
        .as("mentions that notified")
        .isEmpty();
  }

  /**
   * Discord delivers an interaction again (a resumed session replays what it thinks was missed): it
   * takes one answer per interaction, so the repeat is neither answered nor worked on again, and
   * {@code /digest now} posts the digest once.
   */
  @Test
  void anInteractionDeliveredTwiceIsAnsweredAndWorkedOnOnce() throws Exception {
    String user = "600000000000000950";
    bot.router()
        .handle(
            new ChatRequest(
                Platform.DISCORD, "dm", FakeDiscord.DM_CHANNEL, user, "digest", "subscribe me"));
    String dm = "POST /api/v10/channels/" + FakeDiscord.DM_CHANNEL + "/messages";
    while (discord.nextNow(dm) != null) {
      // messages other tests posted
    }
    int refused = discord.refusals().size();
    String now =
        discord.slash(user, "digest", sub("now", "[{\"name\":\"me\",\"type\":5,\"value\":true}]"));
    discord.dispatchInteraction(now);
    discord.dispatchInteraction(now);
    assertThat(shown(answer(FakeDiscord.payload(discord.next(CALLBACK)))))
        .isEqualTo("Posted today's digest.");
    assertThat(discord.next(dm)).as("the digest posted").isNotNull();
    // The repeat is dropped as it arrives, or (before the fix) worked on and refused its answer.
    for (int i = 0;
        i < 600
            && discord.refusals().size() == refused
            && logs.lines().stream().noneMatch(l -> l.contains("delivered again"));
        i++) {
      Thread.sleep(100);
    }
    assertThat(discord.refusals().subList(refused, discord.refusals().size()))
        .as("a second answer")
        .isEmpty();
    assertThat(discord.nextNow(dm)).as("a second digest").isNull();
  }

  // ---------------------------------------------------------------- reading the answers

  /**
   * The message that answered an interaction: the callback's data, or after a deferral (a busy
   * machine) its follow-up.
   */
  private static JsonNode answer(JsonNode callback) throws Exception {
    if (callback.path("type").asInt() != 5) {
      return callback.path("data");
    }
    JsonNode followUp = FakeDiscord.payload(discord.next(FOLLOW_UP));
    if (!followUp.path("content").asText().equals(InteractionAnswer.FOR_THE_CHANNEL)) {
      // The first follow-up keeps the private deferral's visibility.
      return ((com.fasterxml.jackson.databind.node.ObjectNode) followUp).put("flags", 64);
    }
    RecordedRequest channel = discord.next(FOLLOW_UP);
    return FakeDiscord.payload(channel);
  }

  /** What the member sees: the content, and each embed's title, description and fields. */
  private static String shown(JsonNode message) {
    StringBuilder shown = new StringBuilder(message.path("content").asText());
    for (JsonNode embed : message.path("embeds")) {
      shown.append('\n').append(embed.path("title").asText());
      shown.append('\n').append(embed.path("description").asText());
      for (JsonNode field : embed.path("fields")) {
        shown.append('\n').append(field.path("name").asText());
        shown.append('\n').append(field.path("value").asText());
      }
    }
    return shown.toString().replace("\\", "").replace("*", "");
  }
}
