package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.UserText;

/** /digest wording and access rules through the core. */
final class DigestCommandTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true);

  private static Reply say(String text, boolean manager) {
    return bot.router()
        .handle(new ChatRequest(Platform.DISCORD, "G1", "C1", "ana", "digest", text, manager));
  }

  @Test
  void channelDigestsNeedTheManagePermissionButPersonalOnesDoNot() {
    Reply refused = say("subscribe 09:00 UTC offline rl", false);
    assertThat(refused.text())
        .startsWith("Setting up this channel's digest needs the Manage Channels permission");
    assertThat(say("unsubscribe", false).text()).contains("Manage Channels");
    assertThat(say("now", false).text()).contains("Manage Channels");
    assertThat(say("status", false).text()).startsWith("No digests here yet");
    assertThat(say("preview me", false).text()).startsWith("You have no digest");
  }

  @Test
  void badSubscribeInputGetsAReplyThatSaysWhatWorks() {
    assertThat(say("subscribe 7:75", true).text()).contains("not a time");
    assertThat(say("subscribe 09:00 Nowhere/Land", true).text()).contains("not a time zone I know");
    assertThat(say("subscribe days:funday", true).text()).contains("days:mon-fri");
    assertThat(say("subscribe " + "x".repeat(200), true).text()).contains("keep it to 60");
    assertThat(say("explode", true).text()).startsWith("I don't know `/digest explode`");
    assertThat(say("subscribe days:-", true).text()).contains("days:mon-fri");
    assertThat(say("subscribe me days:-", true).text()).contains("days:mon-fri");
    assertThat(say("subscribe days:", true).text()).contains("days:mon-fri");
    assertThat(say("team on 10:00 banana", true).text()).contains("I don't understand `banana`");
    assertThat(say("mentions maybe", true).text()).startsWith("Use `/digest mentions on`");
  }

  @Test
  void aTopicTypedAsAQuestionIsKeptAsWhatItAsksAbout() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T3",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe 08:30 UTC how can I filter out noisy demonstrations?"));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel")
        .contains("(filter out noisy demonstrations)")
        .doesNotContain("how can i");
  }

  @Test
  void aChannelTopicWithATypoSaysWhatItFollows() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T4",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe 08:30 UTC offline rl, difusion polcy"));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel")
        .endsWith(" No paper spells *difusion polcy* that way; it follows *diffusion policy*.")
        .doesNotContain("spells *offline rl*");
  }

  @Test
  void aTopicWithASlashIsATopicAndAZoneInAnyCaseIsAZone() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T2",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe 08:30 europe/berlin days:mon-wed rl/robotics"));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel: 5 papers at 08:30 Europe/Berlin on Mon, Tue, Wed")
        .contains("(rl/robotics)");
  }

  @Test
  void typedOptionsReachTheScheduleAsTheyCameWithoutGuessing() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD,
                    "G2",
                    "C2",
                    "ana",
                    "digest",
                    "subscribe",
                    true,
                    java.util.Map.of(
                        "time", "07:45",
                        "zone", "Asia/Tokyo",
                        "days", "sat-sun",
                        "topics", "rl/robotics, Asia/Tokyo travel")));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel: 5 papers at 07:45 Asia/Tokyo on Sat, Sun")
        .contains("(rl/robotics, asia/tokyo travel)");
    Reply badZone =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD,
                    "G3",
                    "C3",
                    "ana",
                    "digest",
                    "subscribe",
                    true,
                    java.util.Map.of("zone", "rl/robotics")));
    assertThat(UserText.plain(badZone.text())).contains("not a time zone I know");
  }

  @Test
  void channelTopicsAreStoredWithoutInvisibleCharacters() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T5",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe\t08:30\u00a0UTC \u200boffline rl\u001b, \ufeffworld\u3000models"));
    assertThat(UserText.plain(subscribed.text())).startsWith("Subscribed this channel");
    Reply status =
        bot.router().handle(new ChatRequest(Platform.SLACK, "T5", "C1", "ana", "digest", "status"));
    assertThat(UserText.plain(status.text()))
        .contains("(offline rl, world models)")
        .doesNotContain("\u200b")
        .doesNotContain("\ufeff");
  }
}
