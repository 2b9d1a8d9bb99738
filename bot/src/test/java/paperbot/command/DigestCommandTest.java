package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;

/** /digest wording and access rules through the core. */
final class DigestCommandTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension();

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
  }
}
