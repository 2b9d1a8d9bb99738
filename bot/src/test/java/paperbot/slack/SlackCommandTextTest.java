package paperbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slack's markup in a command's text, read as the member saw it in the composer. */
final class SlackCommandTextTest {
  private static final Map<String, String> NAMES = Map.of("U0ANA", "Ana <Li> & Co");

  private static String read(String text) {
    return SlackCommandText.read(text, id -> Optional.ofNullable(NAMES.get(id)));
  }

  @Test
  void mentionsReadAsTheNamesTheMemberSaw() {
    assertThat(read("<@U0JANE|jane> and <@U0ANA>")).isEqualTo("@jane and @Ana <Li> & Co");
    assertThat(read("<@U0NONAME>")).isEqualTo("@U0NONAME");
    assertThat(read("<#C0123|robot-learning> <#C0456>")).isEqualTo("#robot-learning #C0456");
    assertThat(read("<!here> <!channel|channel> <!everyone>"))
        .isEqualTo("@here @channel @everyone");
    assertThat(read("<!subteam^S0123|@ml-team> <!subteam^S0456>")).isEqualTo("@ml-team @S0456");
    assertThat(read("<!date^1392734382^{date_pretty}|Feb 18, 2014> talk"))
        .isEqualTo("Feb 18, 2014 talk");
  }

  @Test
  void linksReadAsTheirAddressesAndMailAsWritten() {
    assertThat(read("<https://arxiv.org/abs/2101.00001|this one>"))
        .isEqualTo("https://arxiv.org/abs/2101.00001");
    assertThat(read("<https://example.org/?a=1&amp;b=2>"))
        .isEqualTo("https://example.org/?a=1&b=2");
    assertThat(read("<mailto:ana@example.org|ana@example.org>")).isEqualTo("ana@example.org");
  }

  @Test
  void typedAngleBracketsArriveEscapedAndStayText() {
    assertThat(read("&lt;@U123&gt; &amp;lt; rl &amp; robotics"))
        .isEqualTo("<@U123> &lt; rl & robotics");
    assertThat(read(null)).isEmpty();
    assertThat(read("no markup at all")).isEqualTo("no markup at all");
  }
}
