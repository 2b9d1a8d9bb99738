package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperbot.chat.Reply;
import paperbot.command.SampleReplies;
import paperbot.testing.Snapshots;

final class SlackRendererTest {
  private static final Gson GSON =
      GsonFactory.createSnakeCase().newBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  @Test
  void aSearchReplyMatchesItsSnapshot() {
    Reply reply =
        SampleReplies.search(
            "pb-8a7ab7f2", "Q&A <with> symbols | pipes", "Snippet with <angle> & ampersand.");
    String json = GSON.toJson(new SlackRenderer().blocks(reply));
    Snapshots.assertMatches("slack/search-reply.json", json + "\n");
    assertThat(SlackRenderer.responseType(reply)).isEqualTo("ephemeral");
  }

  @Test
  void anyPaperStaysWithinBlockKitLimits() {
    Reply huge = SampleReplies.oversized();
    List<LayoutBlock> blocks = new SlackRenderer().blocks(huge);
    assertThat(blocks.size()).isLessThanOrEqualTo(SlackRenderer.MAX_BLOCKS);
    for (LayoutBlock block : blocks) {
      if (block instanceof SectionBlock section) {
        assertThat(section.getText().getText().length())
            .isLessThanOrEqualTo(SlackRenderer.MAX_SECTION_TEXT);
      }
    }
    String json = GSON.toJson(blocks);
    assertThat(json).doesNotContain("\"" + "L".repeat(76));
    assertThat(SlackRenderer.fallbackText(huge).length())
        .isLessThanOrEqualTo(SlackRenderer.MAX_SECTION_TEXT);
  }
}
