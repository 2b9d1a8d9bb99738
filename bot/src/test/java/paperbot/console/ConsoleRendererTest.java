package paperbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paperbot.chat.PaperCard;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;

final class ConsoleRendererTest {

  @Test
  void wrapKeepsAtMostTheGivenLinesAndMarksTheCut() {
    String text = "word ".repeat(100);
    List<String> lines = ConsoleRenderer.wrap(text, 20, 2);
    assertThat(lines).hasSize(2);
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(22));
    assertThat(lines.get(1)).endsWith("…");
  }

  @Test
  void cardShowsTitleIdBylineSnippetWhyAndLink() {
    PaperCard card =
        new PaperCard(
            "pb-12345678",
            "A Title",
            "https://arxiv.org/abs/2401.00001",
            "Ana, Bo et al.",
            "Oct 7, 2024",
            3,
            "A short snippet.",
            "matched: diffusion policy (title)",
            List.of());
    ReplyButton next = new ReplyButton(ReplyButton.NEXT_PAGE, "Next 5", "2|q", "/papers q more");
    String out =
        new ConsoleRenderer()
            .render(new Reply("Papers for \"q\"", List.of(card, card), List.of(next), false));
    assertThat(out)
        .contains(
            "1. A Title\n   id pb-12345678 · Ana, Bo et al. · Oct 7, 2024 · ▲ 3\n   A short snippet.\n"
                + "   matched: diffusion policy (title)\n   https://arxiv.org/abs/2401.00001\n");
    assertThat(out).contains("2. A Title").endsWith("Next 5: /papers q more\n");
  }
}
