package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperbot.command.PaperCard;
import paperbot.command.PaperCards;
import paperbot.command.Reply;
import paperbot.command.ReplyButton;
import paperbot.testing.Snapshots;

final class SlackRendererTest {
  private static final Gson GSON = GsonFactory.createSnakeCase().newBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private static PaperCard card(String id, String title, String snippet) {
    return new PaperCard(id, title, "https://arxiv.org/abs/" + id, "Cheng Chi, Siyuan Feng et al.", "Mar 7, 2023", 12,
        snippet, "matched: diffusion policy (title), imitation learning (abstract)", PaperCards.feedbackButtons(id));
  }

  @Test
  void aSearchReplyMatchesItsSnapshot() {
    Reply reply = new Reply("Papers for \"diffusion policy\": 1–2 of 258",
        List.of(card("2303.04137", "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
            "This paper introduces Diffusion Policy, a new way of generating robot behavior …"),
            card("pb-8a7ab7f2", "Q&A <with> symbols | pipes", "Snippet with <angle> & ampersand.")),
        List.of(new ReplyButton(ReplyButton.NEXT_PAGE, "Next 5", "2|diffusion policy", "/papers diffusion policy more"),
            new ReplyButton(ReplyButton.SHARE, "Share to channel", "1|diffusion policy", "")),
        true);
    String json = GSON.toJson(new SlackRenderer().blocks(reply));
    Snapshots.assertMatches("slack/search-reply.json", json + "\n");
    assertThat(SlackRenderer.responseType(reply)).isEqualTo("ephemeral");
  }

  @Test
  void anyPaperStaysWithinBlockKitLimits() {
    List<PaperCard> cards = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      cards.add(card("pb-" + i, "T".repeat(5000), "s ".repeat(5000)));
    }
    Reply huge = new Reply("x".repeat(10_000), cards,
        List.of(new ReplyButton(ReplyButton.SHARE, "L".repeat(200), "v".repeat(5000), "")), false);
    List<LayoutBlock> blocks = new SlackRenderer().blocks(huge);
    assertThat(blocks.size()).isLessThanOrEqualTo(SlackRenderer.MAX_BLOCKS);
    for (LayoutBlock block : blocks) {
      if (block instanceof SectionBlock section) {
        assertThat(section.getText().getText().length()).isLessThanOrEqualTo(SlackRenderer.MAX_SECTION_TEXT);
      }
    }
    String json = GSON.toJson(blocks);
    assertThat(json).doesNotContain("\"" + "L".repeat(76));
    assertThat(SlackRenderer.fallbackText(huge).length()).isLessThanOrEqualTo(SlackRenderer.MAX_SECTION_TEXT);
  }
}
