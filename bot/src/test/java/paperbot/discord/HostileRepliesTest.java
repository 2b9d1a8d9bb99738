package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.command.HostileCorpus;
import paperbot.fakes.DiscordLimits;
import paperbot.fakes.FakeDiscord;

/**
 * The replies to papers and members at the edge ({@link HostileCorpus}) on Discord: every one
 * within Discord's documented limits, readable where it was cut, and never formatting, linking or
 * mentioning with a paper's text.
 */
final class HostileRepliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "600000000000000031";

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true);

  private static Map<String, Reply> replies;

  @BeforeAll
  static void addHostilePapers() {
    HostileCorpus.add(bot.wiring());
    replies = HostileCorpus.replies(bot.wiring(), Platform.DISCORD);
  }

  private static JsonNode rendered(Reply reply) throws Exception {
    return JSON.readTree(
        new DiscordRenderer(new ButtonIds()).render(reply, OWNER).toData().toString());
  }

  /**
   * Every text a member reads in the message: content, titles, descriptions, field names and
   * values.
   */
  private static List<String> texts(JsonNode message) {
    List<String> texts = new ArrayList<>(List.of(message.path("content").asText()));
    for (JsonNode embed : message.path("embeds")) {
      texts.add(embed.path("title").asText());
      texts.add(embed.path("description").asText());
      for (JsonNode field : embed.path("fields")) {
        texts.add(field.path("name").asText());
        texts.add(field.path("value").asText());
      }
    }
    return texts;
  }

  @Test
  void everyReplyIsOneDiscordTakes() throws Exception {
    for (Map.Entry<String, Reply> reply : replies.entrySet()) {
      JsonNode message = rendered(reply.getValue());
      assertThat(DiscordLimits.invalidMessage(message)).as(reply.getKey()).isNull();
      assertThat(DiscordLimits.notified(message, false)).as(reply.getKey()).isEmpty();
    }
  }

  /** A character Discord's markdown reads, with no backslash before it. */
  private static final Pattern BARE_MARKUP = Pattern.compile("(?<!\\\\)[*_~`|\\[\\]<@]");

  @Test
  void aTitleOfMarkdownShowsAsPrintedAndItsAbstractLinksNowhere() throws Exception {
    // A paper's whole abstract outgrows a field: its title heads the embed, its text follows.
    JsonNode card = rendered(replies.get("/paper 2611.00002")).path("embeds").get(0);
    assertThat(card.path("title").asText()).startsWith("\\*Bold\\* \\_it\\_");
    assertThat(BARE_MARKUP.matcher(card.path("title").asText()).find()).isFalse();
    // The card's own link is the only one: "[link](https://evil.example)" stays text.
    String text = card.path("description").asText();
    assertThat(text.split("(?<!\\\\)\\]\\(", -1)).hasSize(2);
    assertThat(text).contains("\\[link\\](https://evil.example)");
    assertThat(text).startsWith("Also titled: \\*Bold\\*");
  }

  @Test
  void aTitleOfMarkdownAmongOtherPapersShowsAsPrintedInItsFieldName() throws Exception {
    // Discord reads markdown in a field's name too; several cards put each title there.
    List<String> names = new ArrayList<>();
    for (JsonNode embed : rendered(replies.get("/papers spoiler pipe")).path("embeds")) {
      for (JsonNode field : embed.path("fields")) {
        names.add(field.path("name").asText());
      }
    }
    List<String> controlTitles = names.stream().filter(n -> n.contains("Bold")).toList();
    assertThat(controlTitles).hasSize(1);
    assertThat(controlTitles.get(0)).matches("\\d+\\. \\\\\\*Bold\\\\\\* \\\\_it\\\\_.*");
    assertThat(BARE_MARKUP.matcher(controlTitles.get(0)).find()).isFalse();
  }

  @Test
  void aPaperOfFiveHundredAuthorsStillShowsItsDateAndAbstract() throws Exception {
    String value =
        rendered(replies.get("/paper 2611.00001"))
            .path("embeds")
            .get(0)
            .path("description")
            .asText();
    assertThat(value).contains("Nov 22, 2026").contains("\n" + HostileCorpus.WORD + " learning");
    assertThat(value).doesNotContain("Author Number20 ");
  }

  @Test
  void aLongTitleWithoutAnArxivIdKeepsItsSearchLinkWhole() throws Exception {
    String value =
        rendered(replies.get("/paper pb-hostile1"))
            .path("embeds")
            .get(0)
            .path("description")
            .asText();
    assertThat(value)
        .matches(
            "(?s)(.*\n)?\\[find on arXiv\\]\\(https://arxiv\\.org/search/[^)\\s]+\\) · `pb-hostile1`.*");
  }

  @Test
  void aCutFieldClosesItsItalicsAndEndsNoEscapeHalfWay() throws Exception {
    for (Map.Entry<String, Reply> reply : replies.entrySet()) {
      for (JsonNode embed : rendered(reply.getValue()).path("embeds")) {
        for (JsonNode field : embed.path("fields")) {
          String value = field.path("value").asText();
          String last = value.substring(value.lastIndexOf('\n') + 1);
          if (last.startsWith("*")) {
            assertThat(last).as(reply.getKey()).endsWith("*");
          }
        }
      }
      for (String text : texts(rendered(reply.getValue()))) {
        assertThat(text).as(reply.getKey()).doesNotContainPattern("(?<!\\\\)(\\\\\\\\)*\\\\…");
        // No half of an emoji: a lone surrogate reads as a code point of its own.
        assertThat(text.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF).count())
            .as(reply.getKey())
            .isZero();
      }
    }
  }

  @Test
  @SuppressWarnings("try") // the running bot only has to be open: the test talks to it via Discord
  void theHostilePapersGoThroughDiscordWithNothingRefusedAndNoOneNotified() throws Exception {
    for (int i = 0; i < 30; i++) {
      bot.router()
          .handle(
              new ChatRequest(
                  Platform.DISCORD,
                  "dm",
                  FakeDiscord.DM_CHANNEL,
                  OWNER,
                  "save",
                  String.format("2611.1%04d", i)));
    }
    try (FakeDiscord discord = new FakeDiscord(Clock.systemUTC())) {
      // Closed before the checks: closing waits for every answer still going out.
      try (DiscordService service =
          DiscordService.start(
              bot.router(),
              new DiscordSettings(
                  FakeDiscord.TOKEN,
                  "",
                  discord.apiUrl(),
                  "",
                  1,
                  DiscordSettings.DEFAULT_INLINE_BUDGET),
              Clock.systemUTC())) {
        List<String[]> asked =
            List.of(
                new String[] {"paper", "id", "2611.00001"},
                new String[] {"paper", "id", "2611.00002"},
                new String[] {"paper", "id", "pb-hostile1"},
                new String[] {"papers", "query", HostileCorpus.CONTROL_TITLE},
                new String[] {"saved", null, null});
        for (String[] command : asked) {
          String options =
              command[1] == null
                  ? "[]"
                  : "[{\"name\":\""
                      + command[1]
                      + "\",\"type\":3,\"value\":"
                      + JSON.writeValueAsString(command[2])
                      + "}]";
          discord.dispatchInteraction(discord.slash(OWNER, command[0], options));
          RecordedRequest callback = discord.next("POST /api/v10/interactions/*/callback");
          assertThat(callback).as("/" + command[0] + " answered").isNotNull();
          if (FakeDiscord.payload(callback).path("type").asInt() == 5) {
            assertThat(discord.next("POST /api/v10/webhooks/*")).isNotNull();
          }
        }
      }
      assertThat(discord.refusals()).isEmpty();
      assertThat(discord.notified()).isEmpty();
    }
  }
}
