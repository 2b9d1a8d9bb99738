package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.chat.Platform;
import paperbot.digest.DigestRunner;
import paperbot.discord.DiscordService;
import paperbot.fakes.FakeDiscord;
import paperbot.recommender.digest.Subscription;

/**
 * Discord digests whose post Discord refuses until someone acts, through real JDA against the fake:
 * a channel paperbot lost access to (403, 50001 Missing Access) and a member who takes no direct
 * messages from it (403, 50007) are each tried once that day, with one warning and no paper marked
 * sent, and {@code /digest status} says why and what to do; a channel JDA does not know (deleted
 * while paperbot was down) ends its digest. A server error is still retried, and posts.
 */
@SuppressWarnings("try") // the fake only has to be open
final class DiscordRefusedDigestTest {
  private static final Clock WALL = Clock.systemUTC(); // Discord's snowflakes are wall-clock time
  private static final String MEMBER = "300000000000000003";
  private static final String MODERATOR = "600000000000000031";

  /** A channel id in guild A's range that the guild does not have (any more). */
  private static final String DELETED_CHANNEL = "1456074443989188000";

  @TempDir Path scratch;

  @Test
  void refusedPostsAreTriedOnceWithOneWarningAndStatusSaysWhyWhileServerErrorsAreRetried()
      throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeDiscord discord = new FakeDiscord(WALL)) {
      BotConfig config =
          TestBots.config(
              scratch.resolve("data"),
              Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN, "DISCORD_API_URL", discord.apiUrl()));
      try (Wiring wiring = Wiring.open(config, TestBots.CLOCK, true);
          DiscordService onDiscord =
              DiscordService.start(wiring.router(), config.discord(), WALL)) {
        onDiscord.registerOutbox(wiring.outboxes());
        Subscription lostAccess = subscribe(wiring, FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A, "");
        Subscription noDirectMessages =
            subscribe(wiring, FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A, "me ");
        Subscription deleted = subscribe(wiring, FakeDiscord.GUILD_A, DELETED_CHANNEL, "");
        Subscription hiccup = subscribe(wiring, FakeDiscord.GUILD_B, FakeDiscord.CHANNEL_B, "");
        discord.refuseFromNowOn(FakeDiscord.messagesTo(FakeDiscord.CHANNEL_A), 50001);
        discord.refuseFromNowOn(FakeDiscord.messagesTo(FakeDiscord.DM_CHANNEL), 50007);
        discord.failNext(FakeDiscord.messagesTo(FakeDiscord.CHANNEL_B), 500);

        for (Subscription refused : new Subscription[] {lostAccess, noDirectMessages}) {
          assertThat(run(wiring, refused)).isEqualTo(DigestRunner.Outcome.REFUSED);
          assertThat(run(wiring, refused))
              .as("the day is kept: no retry today")
              .isEqualTo(DigestRunner.Outcome.ALREADY_RAN);
          assertThat(wiring.digestStore().sent(refused)).as("nothing marked sent").isEmpty();
        }
        assertThat(run(wiring, hiccup)).isEqualTo(DigestRunner.Outcome.POSTED);
        // Deleted while paperbot was down: through Quartz, the refusal ends the digest and its
        // schedule, as Discord's delete event would have.
        assertThat(wiring.scheduler().nextRun(deleted.id())).isPresent();
        wiring.scheduler().fireNow(deleted.id());
        for (int waited = 0;
            wiring.scheduler().nextRun(deleted.id()).isPresent() && waited < 300;
            waited++) {
          Thread.sleep(100);
        }
        assertThat(wiring.scheduler().nextRun(deleted.id()))
            .as("the deleted channel's digest is no longer scheduled")
            .isEmpty();
        assertThat(TestBots.discordChannelDigest(wiring, FakeDiscord.GUILD_A, DELETED_CHANNEL))
            .as("the deleted channel's digest ended")
            .isEmpty();
        assertThat(logs.lines())
            .contains(
                "paperbot.digest.DigestRunner digest ended subscription="
                    + deleted.id()
                    + " platform=DISCORD reason=unknown_channel");

        assertThat(discord.refusals())
            .as("each refused post was asked for once; the server error once, then retried")
            .extracting(r -> r.route() + " " + r.status() + " " + r.code())
            .containsExactly(
                FakeDiscord.messagesTo(FakeDiscord.CHANNEL_A) + " 403 50001",
                FakeDiscord.messagesTo(FakeDiscord.DM_CHANNEL) + " 403 50007",
                FakeDiscord.messagesTo(FakeDiscord.CHANNEL_B) + " 500 0");
        assertThat(logs.warnings())
            .as("one warning for each refused digest, none for the retried one")
            .filteredOn(line -> line.contains("digest") || line.contains("discord post"))
            .extracting(line -> line.replaceAll(" day=.*", ""))
            .containsExactly(
                warning(lostAccess, "missing_access"),
                warning(noDirectMessages, "cannot_send_to_user"));
        assertThat(wiring.digestStore().sent(hiccup)).hasSize(5);

        String status = status(wiring, MEMBER);
        assertThat(status)
            .contains(
                "\n  Last post refused Mon Nov 23: paperbot cannot see this channel; give paperbot"
                    + " View Channel, Send Messages and Embed Links in this channel's permissions.",
                "\n  Last post refused Mon Nov 23: Discord will not let paperbot message you; allow"
                    + " direct messages from this server's members in its Privacy Settings.");
        assertThat(status.split("Last post refused", -1)).hasSize(3);
      }
    }
  }

  private static String warning(Subscription subscription, String reason) {
    return "WARN paperbot.digest.DigestRunner digest refused subscription="
        + subscription.id()
        + " platform=DISCORD reason="
        + reason;
  }

  private static DigestRunner.Outcome run(Wiring wiring, Subscription subscription) {
    return wiring.digests().runScheduled(subscription.id(), TestBots.CLOCK.instant());
  }

  /** A channel's digest, or with {@code me} the member's own (ranked by their topic). */
  private static Subscription subscribe(Wiring wiring, String guild, String channel, String me) {
    String user = me.isEmpty() ? MODERATOR : MEMBER;
    if (!me.isEmpty()) {
      TestBots.onDiscord(wiring, guild, channel, user, "topics", "add offline rl");
    }
    assertThat(
            TestBots.onDiscord(
                wiring,
                guild,
                channel,
                user,
                "digest",
                "subscribe " + me + "09:00 UTC daily" + (me.isEmpty() ? " offline rl" : "")))
        .startsWith("Subscribed");
    return wiring
        .digestStore()
        .find(
            Platform.DISCORD.name(),
            guild,
            me.isEmpty() ? channel : user,
            me.isEmpty() ? Subscription.Kind.CHANNEL : Subscription.Kind.MEMBER)
        .orElseThrow();
  }

  private static String status(Wiring wiring, String user) {
    return TestBots.onDiscord(
        wiring, FakeDiscord.GUILD_A, FakeDiscord.CHANNEL_A, user, "digest", "status");
  }
}
