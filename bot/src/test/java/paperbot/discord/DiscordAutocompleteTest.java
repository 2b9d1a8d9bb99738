package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.fakes.FakeDiscord;

/**
 * {@code /topics remove} suggests the member's topics as they type, within what Discord takes: 25
 * choices of at most 100 characters, in a workspace that lets topics run to 150.
 */
final class DiscordAutocompleteTest {
  private static final String MEMBER = "600000000000000041";

  @RegisterExtension
  static final SeedBotExtension bot =
      new SeedBotExtension(false, Map.of("PAPERBOT_MAX_TOPIC_LENGTH", "150"));

  @Test
  @SuppressWarnings("try") // the running bot only has to be open: the test talks to it via Discord
  void suggestionsAreTwentyFiveTopicsThatFitAChoice() throws Exception {
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < 29; i++) {
      topics.add("topic number " + (char) ('a' + i % 26) + i);
    }
    String longTopic = ("quokka manipulation " + "word ").repeat(6).strip();
    assertThat(longTopic.length()).isBetween(101, 150);
    topics.add(0, longTopic);
    bot.router()
        .handle(
            new ChatRequest(
                Platform.DISCORD,
                "dm",
                FakeDiscord.DM_CHANNEL,
                MEMBER,
                "topics",
                "add " + String.join(", ", topics)));
    try (FakeDiscord discord = new FakeDiscord(Clock.systemUTC())) {
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
        String asked = discord.autocomplete(MEMBER, "topics", "remove", "topic", "");
        discord.dispatchInteraction(asked);
        RecordedRequest callback = discord.next("POST /api/v10/interactions/*/callback");
        assertThat(callback).as("suggestions sent").isNotNull();
        JsonNode choices = FakeDiscord.payload(callback).path("data").path("choices");
        assertThat(choices.size()).isEqualTo(25);
        for (JsonNode choice : choices) {
          assertThat(choice.path("name").asText()).startsWith("topic number");
        }
      }
      assertThat(discord.refusals()).isEmpty();
    }
  }
}
