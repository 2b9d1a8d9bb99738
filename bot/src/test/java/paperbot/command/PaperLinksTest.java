package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.FakeArxiv;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;

/**
 * Links researchers paste: every common arXiv link form is read, a paper not yet in the corpus is
 * fetched from (a loopback) arXiv by id and becomes searchable, and a channel's shared links count
 * as its team signal, never as a like of whoever posted them.
 */
final class PaperLinksTest {
  static final FakeArxiv arxiv = FakeArxiv.startQuietly();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(false, arxiv.env());

  @AfterAll
  static void stop() {
    arxiv.close();
  }

  @Test
  void everyCommonLinkFormGivesTheArxivId() {
    assertThat(
            PaperLinks.ids(
                "see https://arxiv.org/abs/2406.12345v3, http://arxiv.org/pdf/2401.00001.pdf"
                    + " <https://www.alphaxiv.org/abs/2310.06114> huggingface.co/papers/2502.11111"
                    + " and again https://arxiv.org/pdf/2406.12345v1"))
        .containsExactly("2406.12345", "2401.00001", "2310.06114", "2502.11111");
    assertThat(PaperLinks.ids("https://example.org/abs/2406.12345 or 2406.12345")).isEmpty();
    assertThat(PaperLinks.id("arXiv:2406.12345v2")).contains("2406.12345");
    assertThat(PaperLinks.id("https://arxiv.org/abs/2406.12345?context=cs")).contains("2406.12345");
    assertThat(PaperLinks.id("pb-1a2b3c4d")).isEmpty();
  }

  @Test
  void arxivsOwnDoiAndALinkEndingASentenceGiveTheArxivId() {
    assertThat(PaperLinks.id("10.48550/arXiv.2406.12345")).contains("2406.12345");
    assertThat(PaperLinks.id("https://doi.org/10.48550/arXiv.2406.12345")).contains("2406.12345");
    assertThat(PaperLinks.ids("read https://arxiv.org/abs/2406.12345. It is good."))
        .containsExactly("2406.12345");
    // A digit after it, or a dot and a digit, would make it another id.
    assertThat(PaperLinks.ids("arxiv.org/abs/2406.123456 arxiv.org/abs/2406.12345.6")).isEmpty();
    assertThat(PaperLinks.id("10.1145/2406.12345")).isEmpty();
  }

  @Test
  void aDoiOrALinkWithAFullStopIsFetchedAsThatPaper() {
    Reply details = say("U2", "paper", "https://doi.org/10.48550/arXiv.2411.00051");
    assertThat(details.cards()).extracting(c -> c.id()).containsExactly("2411.00051");
    assertThat(say("U2", "paper", "arxiv.org/abs/2411.00052.").cards())
        .extracting(c -> c.id())
        .containsExactly("2411.00052");
    // Its own workspace: a like counts for the workspace's team signal.
    Reply liked =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD, "G8", "C8", "U2", "like", "10.48550/arXiv.2411.00051"));
    assertThat(liked.text()).startsWith("Liked ");
  }

  @Test
  void anUnknownArxivPaperIsFetchedByIdAndBecomesSearchable() {
    Reply details = say("U1", "paper", "https://arxiv.org/abs/2411.00042v2");
    assertThat(details.cards()).hasSize(1);
    assertThat(details.cards().get(0).title()).isEqualTo(FakeArxiv.title("2411.00042"));
    assertThat(details.cards().get(0).url()).isEqualTo("https://arxiv.org/abs/2411.00042");
    assertThat(arxiv.queries()).anyMatch(q -> q.contains("id_list=2411.00042"));
    Reply found = say("U1", "papers", "quokka hopping policies");
    assertThat(found.cards()).extracting(c -> c.id()).contains("2411.00042");
    // Known now: a second look asks arXiv nothing.
    int asked = arxiv.queries().size();
    assertThat(say("U1", "paper", "arXiv:2411.00042").cards()).hasSize(1);
    assertThat(arxiv.queries()).hasSize(asked);
  }

  @Test
  void linkCardsArePublicWithButtonsAndCountForTheChannelNotThePoster() {
    ChatRequest message =
        new ChatRequest(
            Platform.DISCORD,
            "G7",
            "C7",
            "U7",
            "paper",
            "two good ones: https://arxiv.org/abs/2411.00077 https://huggingface.co/papers/2411.00078");
    Reply cards = bot.router().linkCards(message);
    assertThat(cards.ephemeral()).isFalse();
    assertThat(cards.cards()).extracting(c -> c.id()).containsExactly("2411.00077", "2411.00078");
    assertThat(cards.cards().get(0).buttons()).isNotEmpty();
    assertThat(bot.wiring().profiles().mostLiked("DISCORD", "G7", Instant.EPOCH, 10))
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("2411.00077", "2411.00078");
    assertThat(say("U7", "saved", "").text()).startsWith("Nothing saved yet");
    assertThat(bot.router().linkCards(message.withCommand("paper", "no links here")).text())
        .startsWith("I found no arXiv link");
  }

  @Test
  void privateCardsAreTheSameCardsForTheAskerAloneAndCountNoShare() {
    ChatRequest message =
        new ChatRequest(
            Platform.SLACK, "T8", "C8", "U8", "paper", "see <https://arxiv.org/abs/2411.00079>");
    Reply cards = bot.router().privateCards(message);
    assertThat(cards.ephemeral()).isTrue();
    assertThat(cards.cards()).extracting(c -> c.id()).containsExactly("2411.00079");
    assertThat(cards.cards().get(0).buttons()).isNotEmpty();
    assertThat(bot.wiring().profiles().mostLiked("SLACK", "T8", Instant.EPOCH, 10)).isEmpty();
    assertThat(bot.router().linkCards(message).ephemeral()).isFalse();
    assertThat(bot.wiring().profiles().mostLiked("SLACK", "T8", Instant.EPOCH, 10))
        .extracting(Map.Entry::getKey)
        .containsExactly("2411.00079");
  }

  private static Reply say(String user, String command, String text) {
    return bot.router().handle(new ChatRequest(Platform.DISCORD, "G7", "C7", user, command, text));
  }
}
