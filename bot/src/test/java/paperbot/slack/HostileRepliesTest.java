package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.command.HostileCorpus;

/**
 * The replies to papers and members at the edge ({@link HostileCorpus}) on Slack: every one within
 * Block Kit's documented limits, its links whole where it was cut, and never formatting or
 * notifying with a paper's text.
 */
final class HostileRepliesTest {
  private static final Gson GSON = GsonFactory.createSnakeCase();

  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true);

  private static Map<String, Reply> replies;

  @BeforeAll
  static void addHostilePapers() {
    HostileCorpus.add(bot.wiring());
    replies = HostileCorpus.replies(bot.wiring(), Platform.SLACK);
  }

  private static JsonArray blocks(Reply reply) {
    return JsonParser.parseString(GSON.toJson(new SlackRenderer().blocks(reply))).getAsJsonArray();
  }

  /** The mrkdwn of each section, in order. */
  private static List<String> sections(Reply reply) {
    List<String> sections = new ArrayList<>();
    for (JsonElement block : blocks(reply)) {
      JsonObject object = block.getAsJsonObject();
      if (object.get("type").getAsString().equals("section")) {
        sections.add(object.getAsJsonObject("text").get("text").getAsString());
      }
    }
    return sections;
  }

  /** The first section showing a paper: its text after the reply's own. */
  private static String card(String asked) {
    return sections(replies.get(asked)).stream()
        .filter(section -> section.startsWith("*<http"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyReplyIsOneSlackTakesAndNotifiesNoOne() {
    for (Map.Entry<String, Reply> reply : replies.entrySet()) {
      String fallback = SlackRenderer.fallbackText(reply.getValue());
      JsonArray blocks = blocks(reply.getValue());
      assertThat(SlackLimits.invalidMessage(fallback, blocks.toString()))
          .as(reply.getKey())
          .isNull();
      assertThat(SlackLimits.notified(fallback, blocks, false)).as(reply.getKey()).isEmpty();
    }
  }

  @Test
  void theHostileDigestIsFiveOfTheHostilePapers() {
    // So the limits above were checked on a digest of cards, not on a quiet day's line.
    assertThat(replies.get("/digest preview").cards())
        .hasSize(5)
        .allMatch(card -> card.title().contains(HostileCorpus.WORD));
  }

  @Test
  void aTitleOfMrkdwnShowsAsPrintedInsideItsWholeLink() {
    String card = card("/paper 2611.00002");
    String title = card.substring(card.indexOf('|') + 1, card.indexOf(">*\n"));
    assertThat(title)
        .startsWith("∗Bold∗ ˍitˍ ∼s∼ ˋcˋ &gt; quote ¦ pipe &lt;@U123&gt; &lt;!channel&gt;");
    assertThat(title).doesNotContain("*", "_", "~", "`", "<", "|");
    // Its abstract neither: no bold, and the web address in it still leads where it says.
    assertThat(card).doesNotContain("*with*").contains("∗with∗").contains(HostileCorpus.LINK);
  }

  @Test
  void aPaperOfFiveHundredAuthorsStillShowsItsDateAndAbstract() {
    String card = card("/paper 2611.00001");
    assertThat(card).contains("Nov 22, 2026").contains("\n" + HostileCorpus.WORD + " learning");
    assertThat(card).contains("and 480 more").doesNotContain("Author Number20 ");
  }

  @Test
  void aLongTitleWithoutAnArxivIdKeepsItsSearchLinkWhole() {
    String card = card("/paper pb-hostile1");
    assertThat(card)
        .matches("(?s)\\*<https://arxiv\\.org/search/[^|\\s]+\\|[^>]+>\\*\n`pb-hostile1`.*");
    assertThat(card.indexOf('|')).isLessThan(300);
  }

  @Test
  void wordsTypedWithWildcardsAreEchoedWithoutFormatting() {
    // The query of stars and marks: the note on how it was read quotes its "*" words.
    Reply reply =
        replies.entrySet().stream()
            .filter(e -> e.getKey().startsWith("/papers " + HostileCorpus.WORD + " *"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(sections(reply).get(0)).contains("∗, ∗").doesNotContain("*, *");
  }
}
