package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;
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

  @Test
  void theWorstRepliesStayWithinEveryDocumentedLimit() {
    for (Reply reply :
        List.of(
            SampleReplies.oversized(),
            SampleReplies.topicsList(),
            SampleReplies.manyCards(20),
            SampleReplies.longQuery("q".repeat(5000)))) {
      String blocks = GSON.toJson(new SlackRenderer().blocks(reply));
      assertThat(SlackLimits.invalidMessage(SlackRenderer.fallbackText(reply), blocks)).isNull();
    }
  }

  @Test
  void aLongTextTakesSeveralSectionsAndLosesNoLine() {
    Reply topics = SampleReplies.topicsList();
    List<LayoutBlock> blocks = new SlackRenderer().blocks(topics);
    assertThat(blocks).hasSizeGreaterThan(1).allMatch(SectionBlock.class::isInstance);
    String shown =
        String.join(
            "\n", blocks.stream().map(b -> ((SectionBlock) b).getText().getText()).toList());
    assertThat(shown).isEqualTo(SlackRenderer.mrkdwn(topics.text()));
  }

  @Test
  void aButtonWhoseValueCannotFitIsLeftOutNotCut() {
    // Cut, "2|<query>" would page a different query: the member types `more` instead.
    Reply reply = SampleReplies.longQuery("q".repeat(2500));
    String json = GSON.toJson(new SlackRenderer().blocks(reply));
    assertThat(json).doesNotContain(ReplyButton.NEXT_PAGE, ReplyButton.SHARE);
    Reply fits = SampleReplies.longQuery("q".repeat(1990));
    assertThat(GSON.toJson(new SlackRenderer().blocks(fits)))
        .contains("\"2|" + "q".repeat(1990) + "\"");
  }

  @Test
  void cuttingSplitsNeitherAnEmojiNorAnEntity() {
    assertThat(SlackRenderer.cut("a".repeat(8) + "\uD83D\uDE00 tail", 10))
        .isEqualTo("a".repeat(8) + "…");
    assertThat(SlackRenderer.cut("a".repeat(7) + "&amp; tail", 10)).isEqualTo("a".repeat(7) + "…");
    assertThat(SlackRenderer.cut("a".repeat(3) + "&amp; tail", 10)).isEqualTo("aaa&amp; …");
  }

  @Test
  void echoedTextNeitherFormatsNorNotifies() {
    Reply reply =
        Reply.privateText(
            "Following "
                + UserText.emphasis("*Bold* _it_ ~s~ `c` <!channel> <@U123> & co")
                + ": in "
                + UserText.literal("<!here> *x*")
                + ". `/topics list` shows who you follow.");
    String expected =
        "Following *∗Bold∗ ˍitˍ ∼s∼ ˋcˋ &lt;!channel&gt; &lt;@U123&gt; &amp; co*: in"
            + " &lt;!here&gt; ∗x∗. `/topics list` shows who you follow.";
    SectionBlock section = (SectionBlock) new SlackRenderer().blocks(reply).get(0);
    assertThat(section.getText().getText()).isEqualTo(expected);
    assertThat(SlackRenderer.fallbackText(reply)).isEqualTo(expected);
  }

  @Test
  void aMemberTheDigestMentionsIsNotifiedWhileTheirTopicIsEchoed() {
    Reply digest =
        SampleReplies.digest(
            "trending · matches "
                + UserText.mention("U42")
                + "'s topic "
                + UserText.literal("<!channel>"));
    String json = GSON.toJson(new SlackRenderer().blocks(digest));
    assertThat(json).contains("matches <@U42>'s topic &lt;!channel&gt;");
  }

  @Test
  void commandTextIsReadWithoutSlacksEscaping() {
    assertThat(SlackRenderer.unescape("r&amp;d &lt;!channel&gt; &amp;lt;"))
        .isEqualTo("r&d <!channel> &lt;");
  }
}
