package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.chat.Platform;
import paperbot.discord.DiscordService;
import paperbot.fakes.FakeDiscord;
import paperbot.recommender.digest.Subscription;

/**
 * A Discord channel deleted while it has a digest, through real JDA against the fake: Discord sends
 * CHANNEL_DELETE, and the channel's digest ends with it (no one could unsubscribe a channel that is
 * gone, and every morning's run would only be refused). A member's own digest set up there, and
 * another guild's channel digest, stay.
 */
@SuppressWarnings("try") // the fake only has to be open
final class DiscordDeletedChannelTest {
  private static final Clock WALL = Clock.systemUTC(); // Discord's snowflakes are wall-clock time
  private static final String MEMBER = "300000000000000003";
  private static final String MODERATOR = "600000000000000031";

  @TempDir Path scratch;

  @Test
  void aDeletedChannelsDigestEndsWithItAndOtherDigestsStay() throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeDiscord discord = new FakeDiscord(WALL, 2)) {
      BotConfig config =
          TestBots.config(
              scratch.resolve("data"),
              Map.of(
                  "DISCORD_TOKEN",
                  FakeDiscord.TOKEN,
                  "DISCORD_API_URL",
                  discord.apiUrl(),
                  "DISCORD_SHARDS",
                  "2"));
      try (Wiring wiring = Wiring.open(config, TestBots.CLOCK, true);
          DiscordService onDiscord =
              DiscordService.start(wiring.router(), config.discord(), WALL)) {
        onDiscord.registerOutbox(wiring.outboxes());
        TestBots.onDiscord(
            wiring, FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A, MEMBER, "topics", "add offline rl");
        assertThat(
                TestBots.onDiscord(
                    wiring,
                    FakeDiscord.GUILD_A,
                    FakeDiscord.CHANNEL_A,
                    MEMBER,
                    "digest",
                    "subscribe me 9am"))
            .startsWith("Subscribed you");
        for (String[] place :
            new String[][] {
              {FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A},
              {FakeDiscord.GUILD_B, FakeDiscord.CHANNEL_B}
            }) {
          assertThat(
                  TestBots.onDiscord(
                      wiring, place[0], place[1], MODERATOR, "digest", "subscribe 9am offline rl"))
              .startsWith("Subscribed this channel");
        }
        long deletedId =
            TestBots.discordChannelDigest(wiring, FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A)
                .orElseThrow()
                .id();

        discord.deleteChannel(FakeDiscord.GUILD_A);
        for (int waited = 0;
            TestBots.discordChannelDigest(wiring, FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A)
                    .isPresent()
                && waited < 300;
            waited++) {
          Thread.sleep(100);
        }

        assertThat(
                TestBots.discordChannelDigest(wiring, FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A))
            .as("the deleted channel's digest ended")
            .isEmpty();
        assertThat(
                TestBots.discordChannelDigest(wiring, FakeDiscord.GUILD_B, FakeDiscord.CHANNEL_B))
            .as("the other guild's channel keeps its digest")
            .isPresent();
        assertThat(
                wiring
                    .digestStore()
                    .find(
                        Platform.DISCORD.name(),
                        FakeDiscord.GUILD_A,
                        MEMBER,
                        Subscription.Kind.MEMBER))
            .as("the member's own digest is theirs, wherever they set it up")
            .isPresent();
        assertThat(logs.lines())
            .contains(
                "paperbot.command.DigestCommand digest ended subscription="
                    + deletedId
                    + " platform=DISCORD reason=channel_deleted");
        assertThat(logs.warnings()).filteredOn(line -> line.contains("digest")).isEmpty();
      }
    }
  }
}
