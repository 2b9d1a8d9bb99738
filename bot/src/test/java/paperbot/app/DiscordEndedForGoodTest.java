package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.cli.CliRun;
import paperbot.digest.DigestRunner;
import paperbot.discord.DiscordService;
import paperbot.fakes.FakeDiscord;
import paperbot.recommender.digest.Subscription;
import paperbot.slack.FakeSlackWebApi;
import paperbot.slack.SlackOutbox;
import paperbot.slack.SlackService;

/**
 * What {@code ./paperbot} does when Discord ends the bot's session for good (close codes 4004, 4010
 * to 4014): refused at login, it exits 1 with one line saying what to change; refused later while
 * Discord is its only platform, it stops in order, as on Ctrl-C, and exits 1 for whoever supervises
 * it; beside Slack it goes on and says so once.
 */
@SuppressWarnings("try") // the fakes only have to be open
final class DiscordEndedForGoodTest {
  private static final Clock WALL = Clock.systemUTC(); // Discord's snowflakes are wall-clock time
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path scratch;

  private Map<String, String> discord(FakeDiscord discord, String token) {
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_TOKEN", token);
    env.put("DISCORD_API_URL", discord.apiUrl());
    env.put("PAPERBOT_DATA_DIR", scratch.resolve("data").toString());
    return env;
  }

  private Map<String, String> discordAndSlack(FakeDiscord discord, FakeSlackWebApi slack) {
    Map<String, String> env = discord(discord, FakeDiscord.TOKEN);
    env.put("SLACK_BOT_TOKEN", FakeSlackWebApi.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", "socket-mode-needs-no-signature");
    env.put("SLACK_APP_TOKEN", FakeSlackWebApi.APP_TOKEN);
    env.put("SLACK_API_URL", slack.apiUrl());
    return env;
  }

  private CliRun chat(Map<String, String> env) {
    return CliRun.of(TestBots.offline(env), "chat");
  }

  @Test
  void aTokenRefusedAtLoginExitsOneWithOneLineSayingWhatToChange() throws Exception {
    try (FakeDiscord discord = new FakeDiscord(WALL)) {
      CliRun refused = chat(discord(discord, "MTAwMDAwMDAwMDAwMDAwMDAw.wrong.not-this-bots"));
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err().strip())
          .startsWith("paperbot: Discord refused the bot token")
          .contains("set DISCORD_TOKEN")
          .doesNotContain("\n")
          .doesNotContain("not-this-bots");
    }
  }

  @Test
  void onDiscordAloneAnEndedSessionStopsInOrderAndExitsOne() throws Exception {
    CliRun stopped;
    ExecutorService running = Executors.newSingleThreadExecutor();
    try (LogCapture logs = LogCapture.start();
        FakeDiscord discord = new FakeDiscord(WALL)) {
      Future<CliRun> bot = running.submit(() -> chat(discord(discord, FakeDiscord.TOKEN)));
      awaitLine(logs, "discord invite url=");
      discord.closeGateway(0, 4004, "Authentication failed.");
      stopped = bot.get(2, TimeUnit.MINUTES);
    } finally {
      running.shutdownNow(); // a bot that went on running is stopped as by Ctrl-C
    }
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.err().lines().filter(line -> line.startsWith("paperbot: ")))
        .containsExactly(
            "paperbot: stopped: Discord refused the bot token (4004 authentication failed): set"
                + " DISCORD_TOKEN to the token on the Bot page of the Developer Portal (reset it"
                + " there if it leaked).");
    // Closed in order, as on a normal stop: the next paperbot opens the data directory at once,
    // where an index or lock left open makes it wait for a reading tool or refuse.
    try (LogCapture logs = LogCapture.start();
        Wiring next = TestBots.open(scratch.resolve("data"))) {
      assertThat(next.index().size()).isPositive();
      assertThat(logs.lines()).noneMatch(line -> line.contains("waiting for it"));
    }
  }

  /** The exit status a supervisor sees, from a real process. */
  @Test
  void theProcessExitsNonZeroForASupervisorToSee() throws Exception {
    Path log = scratch.resolve("child.log");
    try (FakeDiscord discord = new FakeDiscord(WALL)) {
      ChildPaperbot child = ChildPaperbot.start(log, discord(discord, FakeDiscord.TOKEN), "chat");
      try {
        assertThat(awaitLog(log, "paperbot is running on Discord")).as(read(log)).isTrue();
        discord.closeGateway(0, 4014, "Disallowed intent(s).");
        assertThat(child.process().waitFor(2, TimeUnit.MINUTES)).as("stopped").isTrue();
        assertThat(child.process().exitValue()).isEqualTo(1);
        assertThat(read(log))
            .contains("paperbot: stopped: Discord refused the intents (4014 disallowed intents)");
      } finally {
        child.kill();
      }
    }
  }

  @Test
  void besideSlackPaperbotGoesOnAndSaysSoOnce() throws Exception {
    Path log = scratch.resolve("child.log");
    try (FakeDiscord discord = new FakeDiscord(WALL);
        FakeSlackWebApi slack = new FakeSlackWebApi()) {
      Map<String, String> env = discordAndSlack(discord, slack);
      ChildPaperbot child = ChildPaperbot.start(log, env, "chat");
      try {
        assertThat(awaitLog(log, "paperbot is running on Slack Discord")).as(read(log)).isTrue();
        slack.awaitConnection();
        discord.closeGateway(0, 4004, "Authentication failed.");
        String ended = "discord stopped: paperbot answers on Slack only until it is restarted.";
        assertThat(awaitLog(log, ended)).as(read(log)).isTrue();
        String topics =
            slack.sendEnvelope(
                "slash_commands",
                JSON.writeValueAsString(
                    JSON.createObjectNode()
                        .put("token", "x")
                        .put("team_id", "T1")
                        .put("channel_id", "C1")
                        .put("user_id", "U1")
                        .put("command", "/topics")
                        .put("text", "list")
                        .put("api_app_id", "A1")
                        .put("response_url", slack.responseUrl("after-discord"))
                        .put("trigger_id", "1.2.3")),
                true);
        assertThat(slack.ack(topics)).as("Slack still served").isNotNull();
        assertThat(child.process().isAlive()).isTrue();
        assertThat(read(log).lines().filter(line -> line.contains(ended))).hasSize(1);
        assertThat(read(log))
            .contains("refused the bot token (4004")
            .doesNotContain("paperbot: stopped:");
        // paperbot's line is the only error: JDA's own two lines on the close are dropped.
        assertThat(read(log).lines().filter(line -> line.contains(" ERROR ")))
            .singleElement()
            .asString()
            .contains(ended);
        assertThat(read(log)).doesNotContain("cannot be recovered");
      } finally {
        child.kill();
      }
    }
  }

  /**
   * Beside Slack, a Discord digest that falls due once Discord has ended the session is not
   * attempted: one line says why, nothing is retried, and its papers are not recorded as sent, so a
   * later digest (after a restart) can bring them. It was posted into the closed connection, failed
   * with a warning, and was retried, failing again, until the misfire grace ran out. Slack's digest
   * posts as before.
   */
  @Test
  void besideSlackADiscordDigestDueAfterDiscordEndedIsNotAttemptedAndKeepsItsPapers()
      throws Exception {
    try (LogCapture logs = LogCapture.start();
        FakeDiscord discord = new FakeDiscord(WALL);
        FakeSlackWebApi slack = new FakeSlackWebApi()) {
      Map<String, String> env = discordAndSlack(discord, slack);
      env.put("PAPERBOT_DIGEST_RETRY_SECONDS", "1"); // a retry would follow at once
      BotConfig config = TestBots.config(scratch.resolve("data"), env);
      // As ChatCli runs both platforms: the last started closes first.
      try (Wiring wiring = Wiring.open(config, TestBots.CLOCK, true);
          SlackService onSlack =
              SlackService.start(
                  wiring.router(), config.slack(), wiring.deliveries(), TestBots.CLOCK);
          DiscordService onDiscord =
              DiscordService.start(wiring.router(), config.discord(), WALL)) {
        wiring.outboxes().register(Platform.SLACK, new SlackOutbox(config.slack()));
        onDiscord.registerOutbox(wiring.outboxes());
        Subscription onDiscordChannel =
            subscribe(
                wiring,
                new ChatRequest(
                    Platform.DISCORD,
                    FakeDiscord.GUILD_A,
                    FakeDiscord.CHANNEL_A,
                    "600000000000000031",
                    "digest",
                    "subscribe 09:00 UTC offline rl",
                    true));
        Subscription onSlackChannel =
            subscribe(
                wiring,
                new ChatRequest(
                    Platform.SLACK, "T1", "C1", "U1", "digest", "subscribe 09:00 UTC offline rl"));

        discord.closeGateway(0, 4004, "Authentication failed.");
        for (int polls = 0; wiring.outboxes().get(Platform.DISCORD) != null; polls++) {
          assertThat(polls).as("Discord's outbox never taken back").isLessThan(6_000);
          Thread.sleep(10);
        }
        wiring.scheduler().fireNow(onDiscordChannel.id());
        String skipped = "reason=platform_stopped subscription=" + onDiscordChannel.id();
        awaitLine(logs, skipped);
        wiring.scheduler().fireNow(onSlackChannel.id());
        for (int polls = 0; wiring.digestStore().sent(onSlackChannel).isEmpty(); polls++) {
          assertThat(polls).as("Slack's digest never posted").isLessThan(6_000);
          Thread.sleep(10);
        }

        assertThat(slack.posted())
            .singleElement()
            .satisfies(post -> assertThat(post.channel()).isEqualTo("C1"));
        assertThat(logs.lines().stream().filter(line -> line.contains(skipped)))
            .singleElement()
            .asString()
            .contains("platform=DISCORD")
            .contains("papers=kept_for_a_later_digest")
            .contains("refused the bot token (4004");
        assertThat(logs.lines())
            .as("not attempted, not retried")
            .noneMatch(line -> line.contains("discord post failed"))
            .noneMatch(
                line -> line.contains("retry scheduled subscription=" + onDiscordChannel.id()));
        assertThat(wiring.digestStore().sent(onDiscordChannel)).as("nothing marked sent").isEmpty();
        assertThat(wiring.digests().compose(onDiscordChannel).paperIds())
            .as("the papers wait for a later digest")
            .isNotEmpty();
        // The day was given back: a later run of it (after a restart) may still post.
        assertThat(wiring.digests().runScheduled(onDiscordChannel.id(), TestBots.CLOCK.instant()))
            .isEqualTo(DigestRunner.Outcome.NO_OUTBOX);
      }
    }
  }

  private static Subscription subscribe(Wiring wiring, ChatRequest request) {
    assertThat(wiring.router().handle(request).text()).startsWith("Subscribed this channel");
    return wiring
        .digestStore()
        .find(
            request.platform().name(),
            request.workspace(),
            request.channel(),
            Subscription.Kind.CHANNEL)
        .orElseThrow();
  }

  private static void awaitLine(LogCapture logs, String text) throws InterruptedException {
    for (int polls = 0; logs.lines().stream().noneMatch(line -> line.contains(text)); polls++) {
      assertThat(polls).as("never logged: " + text).isLessThan(12_000);
      Thread.sleep(10);
    }
  }

  /** Waits (up to two minutes) for the child's standard error to contain the text. */
  private static boolean awaitLog(Path log, String text) throws Exception {
    for (int polls = 0; polls < 1_200; polls++) {
      if (read(log).contains(text)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static String read(Path log) throws java.io.IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
