package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.FakeArxiv;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;

/** A member who asks for an arXiv paper while arXiv does not answer is told so, at once. */
final class ArxivDownTest {
  static final FakeArxiv arxiv = FakeArxiv.startQuietly();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(false, arxiv.env());

  @AfterAll
  static void stop() {
    arxiv.close();
  }

  private static String paper(String text) {
    return bot.router()
        .handle(new ChatRequest(Platform.CONSOLE, "local", "console", "ana", "paper", text))
        .text();
  }

  @Test
  void afterArxivFailsTheNextLookupsAnswerAtOnceWithoutAskingIt() {
    arxiv.unavailable(true);
    assertThat(paper("https://arxiv.org/abs/2411.00055"))
        .isEqualTo("arXiv did not answer for 2411.00055. Try again in a minute.");
    int asked = arxiv.queries().size();
    assertThat(asked).isPositive();
    // The bot's clock stands still: within the quiet minute nothing more is sent to arXiv.
    arxiv.unavailable(false);
    assertThat(paper("arXiv:2411.00056")).startsWith("arXiv did not answer for 2411.00056.");
    assertThat(bot.router().linkCards(link("https://arxiv.org/abs/2411.00057")).text())
        .startsWith("arXiv did not answer");
    assertThat(arxiv.queries()).hasSize(asked);
    // No month 99: not an arXiv id, so it is never looked up.
    assertThat(paper("9999.99999")).startsWith("No paper with id");
  }

  private static ChatRequest link(String text) {
    return new ChatRequest(Platform.SLACK, "T1", "C1", "U1", "paper", text);
  }
}
