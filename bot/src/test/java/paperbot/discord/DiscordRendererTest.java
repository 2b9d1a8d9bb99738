package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;
import paperbot.command.SampleReplies;
import paperbot.fakes.FakeDiscord;
import paperbot.testing.Snapshots;

final class DiscordRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSearchReplyMatchesItsSnapshot() {
    Reply reply =
        SampleReplies.search(
            "pb-8a7ab7f2",
            "Unpacking the Individual Components of Diffusion Policy",
            "A short snippet.");
    MessageCreateData message =
        new DiscordRenderer(new ButtonIds()).render(reply, "600000000000000001");
    Snapshots.assertMatches("discord/search-reply.json", message.toData().toPrettyString() + "\n");
  }

  @Test
  void anyPaperStaysWithinEmbedAndComponentLimits() {
    Reply huge = SampleReplies.oversized();
    DataObject data = new DiscordRenderer(new ButtonIds()).render(huge, "6").toData();
    DataObject embed = data.getArray("embeds").getObject(0);
    int total = embed.getString("description").length();
    assertThat(embed.getString("description").length())
        .isLessThanOrEqualTo(DiscordRenderer.MAX_DESCRIPTION);
    assertThat(embed.getArray("fields").length()).isLessThanOrEqualTo(DiscordRenderer.MAX_FIELDS);
    for (int i = 0; i < embed.getArray("fields").length(); i++) {
      DataObject field = embed.getArray("fields").getObject(i);
      assertThat(field.getString("name").length())
          .isLessThanOrEqualTo(DiscordRenderer.MAX_FIELD_NAME);
      assertThat(field.getString("value").length())
          .isLessThanOrEqualTo(DiscordRenderer.MAX_FIELD_VALUE);
      total += field.getString("name").length() + field.getString("value").length();
    }
    assertThat(total).isLessThanOrEqualTo(DiscordRenderer.MAX_EMBED_TOTAL);
    assertThat(data.getArray("components").length()).isLessThanOrEqualTo(DiscordRenderer.MAX_ROWS);
    for (int r = 0; r < data.getArray("components").length(); r++) {
      var buttons = data.getArray("components").getObject(r).getArray("components");
      assertThat(buttons.length()).isLessThanOrEqualTo(DiscordRenderer.MAX_BUTTONS_PER_ROW);
      for (int b = 0; b < buttons.length(); b++) {
        assertThat(buttons.getObject(b).getString("custom_id").length())
            .isLessThanOrEqualTo(ButtonIds.MAX_ID);
        assertThat(buttons.getObject(b).getString("label").length())
            .isLessThanOrEqualTo(DiscordRenderer.MAX_LABEL);
      }
    }
  }

  @Test
  void theWorstRepliesStayWithinEveryDocumentedLimit() throws Exception {
    StringBuilder mentions = new StringBuilder("trending · matches");
    for (int i = 0; i < 200; i++) {
      mentions.append(' ').append(UserText.mention("60000000000000" + (1000 + i)));
    }
    for (Reply reply :
        List.of(
            SampleReplies.oversized(),
            SampleReplies.topicsList(),
            SampleReplies.manyCards(20),
            SampleReplies.longQuery("q".repeat(5000)),
            SampleReplies.digest(mentions.toString()),
            Reply.privateText(("a line of text\n").repeat(1000)),
            Reply.privateText("😀".repeat(3000)))) {
      String json = render(reply).toData().toString();
      assertThat(FakeDiscord.invalidMessage(JSON.readTree(json))).as(json).isNull();
    }
  }

  @Test
  void aLongTextGoesOnInEmbedsAndLosesNoLine() {
    // Typical topics (the worst case, every character escaped, runs past 8,000 and is cut).
    Reply topics = SampleReplies.topicsList(" offline reinforcement learning ");
    DataObject data = render(topics).toData();
    assertThat(data.getString("content").length()).isLessThanOrEqualTo(2000);
    StringBuilder shown = new StringBuilder(data.getString("content"));
    for (int i = 0; i < data.getArray("embeds").length(); i++) {
      shown.append('\n').append(data.getArray("embeds").getObject(i).getString("description"));
    }
    assertThat(shown.toString()).isEqualTo(DiscordRenderer.markdown(topics.text()));
  }

  @Test
  void twentySavedPapersAreAllShownWithinTheEmbedTotal() {
    DataObject embed = render(SampleReplies.manyCards(20)).toData().getArray("embeds").getObject(0);
    assertThat(embed.getArray("fields").length()).isEqualTo(20);
    for (int i = 0; i < 20; i++) {
      DataObject field = embed.getArray("fields").getObject(i);
      assertThat(field.getString("name")).startsWith((i + 1) + ". A long title");
      // Each keeps its link and id; the snippet is what gives way.
      assertThat(field.getString("value"))
          .startsWith("[arXiv](https://arxiv.org/abs/2411.0" + (1000 + i) + ")");
    }
  }

  private static MessageCreateData render(Reply reply) {
    return new DiscordRenderer(new ButtonIds()).render(reply, "600000000000000001");
  }

  @Test
  void longButtonValuesSurviveTheRoundTrip() {
    ButtonIds ids = new ButtonIds();
    String value = "1|" + "long query ".repeat(50);
    String encoded = ids.encode(ReplyButton.SHARE, "600", value);
    assertThat(encoded.length()).isLessThanOrEqualTo(ButtonIds.MAX_ID);
    assertThat(ids.decode(encoded))
        .contains(new ButtonIds.Decoded(ReplyButton.SHARE, "600", value));
    assertThat(new ButtonIds().decode(encoded)).isEmpty();
    assertThat(ids.decode("garbage")).isEmpty();
  }

  @Test
  void aMemberTheDigestMentionsIsNamedInTheContentAndAllowedToBeNotified() {
    Reply digest =
        SampleReplies.digest(
            "trending · matches " + UserText.mention("4242") + "'s topic offline rl");
    DataObject data = new DiscordRenderer(new ButtonIds()).render(digest, "6").toData();
    // An embed's mention never notifies; the content's does, for the allowed users only.
    assertThat(data.getString("content")).isEqualTo("<@4242>");
    assertThat(data.getObject("allowed_mentions").getArray("parse").length()).isZero();
    assertThat(data.getObject("allowed_mentions").getArray("users").toList())
        .containsExactly("4242");
  }

  @Test
  void echoedTextNeitherFormatsNorMentionsAndNoMessageMayPing() {
    Reply reply =
        Reply.privateText(
            "Following "
                + UserText.emphasis("*Bold* __u__ ~~s~~ ||sp|| `c` [l](http://x) @everyone <@123>")
                + " and "
                + UserText.literal("@here #h > q")
                + ".");
    DataObject data = new DiscordRenderer(new ButtonIds()).render(reply, "6").toData();
    assertThat(data.getString("content"))
        .isEqualTo(
            "Following *\\*Bold\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\`c\\`"
                + " \\[l\\](http://x) \\@everyone \\<\\@123\\>* and \\@here \\#h \\> q.");
    assertThat(data.getObject("allowed_mentions").getArray("parse").length()).isZero();
  }

  /**
   * /paper promises the full abstract; arXiv allows 1,920 characters, more than a field's 1,024. A
   * lone card that a field would cut heads the embed, its text in the description.
   */
  @Test
  void aLonePaperShowsItsWholeAbstract() {
    String abstractText = "Policies learn from demonstrations. ".repeat(52) + "LAST-WORDS.";
    Reply paper =
        new Reply(
            "Also titled: An earlier title",
            List.of(
                SampleReplies.card("2303.04137", "Diffusion Policy *as printed*", abstractText)),
            List.of(),
            false);
    DataObject embed =
        new DiscordRenderer(new ButtonIds())
            .render(paper, "6")
            .toData()
            .getArray("embeds")
            .getObject(0);
    assertThat(abstractText.length()).isGreaterThan(DiscordRenderer.MAX_FIELD_VALUE);
    assertThat(embed.getString("title")).isEqualTo("Diffusion Policy \\*as printed\\*");
    assertThat(embed.getString("url")).isEqualTo("https://arxiv.org/abs/2303.04137");
    assertThat(embed.getString("description"))
        .startsWith("Also titled: An earlier title\n\n")
        .contains("`2303.04137`", "Cheng Chi", "LAST-WORDS.")
        .hasSizeLessThanOrEqualTo(DiscordRenderer.MAX_DESCRIPTION);
    assertThat(embed.hasKey("fields") && embed.getArray("fields").length() > 0).isFalse();

    Reply shortOne =
        new Reply(
            "", List.of(SampleReplies.card("2303.04137", "Short", "Short.")), List.of(), false);
    DataObject field =
        new DiscordRenderer(new ButtonIds())
            .render(shortOne, "6")
            .toData()
            .getArray("embeds")
            .getObject(0);
    assertThat(field.getArray("fields").length()).as("a card that fits stays a field").isEqualTo(1);
  }
}
