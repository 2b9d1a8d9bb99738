package paperbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import paperbot.fakes.DiscordLimits;

/**
 * The fake Discord refuses what Discord's documentation says it refuses, one past each limit, and
 * takes what is at the limit: a fake that takes an over-limit message hides the bug that sent it.
 */
final class DiscordLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static String quoted(String text) throws Exception {
    return JSON.writeValueAsString(text);
  }

  private static String ids(int count) {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < count; i++) {
      ids.append(i == 0 ? "" : ",").append("\"6000000000000").append(10000 + i).append('"');
    }
    return "[" + ids + "]";
  }

  private static String button(String customId, String label) throws Exception {
    return "{\"type\":2,\"style\":2,\"custom_id\":"
        + quoted(customId)
        + ",\"label\":"
        + quoted(label)
        + "}";
  }

  private static String row(String... components) {
    return "{\"type\":1,\"components\":[" + String.join(",", components) + "]}";
  }

  @Test
  void allowedMentionsTakeAtMostAHundredUsersAndNeverATypeBothParsedAndListed() throws Exception {
    String content = "{\"content\":\"hi\",\"allowed_mentions\":";
    assertThat(
            DiscordLimits.invalidMessage(
                json(content + "{\"parse\":[],\"users\":" + ids(100) + "}}")))
        .isNull();
    assertThat(
            DiscordLimits.invalidMessage(
                json(content + "{\"parse\":[],\"users\":" + ids(101) + "}}")))
        .isEqualTo("allowed_mentions.users");
    assertThat(
            DiscordLimits.invalidMessage(
                json(content + "{\"parse\":[],\"roles\":" + ids(101) + "}}")))
        .isEqualTo("allowed_mentions.roles");
    assertThat(
            DiscordLimits.invalidMessage(
                json(content + "{\"parse\":[\"users\"],\"users\":" + ids(1) + "}}")))
        .isEqualTo("allowed_mentions.users");
  }

  @Test
  void componentsAreFiveRowsOfOneToFiveButtonsWithUniqueIds() throws Exception {
    String five =
        row(
            button("a", "A"),
            button("b", "B"),
            button("c", "C"),
            button("d", "D"),
            button("e", "E"));
    assertThat(
            DiscordLimits.invalidMessage(json("{\"content\":\"x\",\"components\":[" + five + "]}")))
        .isNull();
    assertThat(
            DiscordLimits.invalidMessage(
                json("{\"content\":\"x\",\"components\":[" + row() + "]}")))
        .isEqualTo("components.0.components");
    assertThat(
            DiscordLimits.invalidMessage(
                json(
                    "{\"content\":\"x\",\"components\":["
                        + row(button("a", "A"))
                        + ","
                        + row(button("a", "B"))
                        + "]}")))
        .isEqualTo("components.1.components.0.custom_id");
    assertThat(
            DiscordLimits.invalidMessage(
                json(
                    "{\"content\":\"x\",\"components\":["
                        + row(button("i".repeat(101), "A"))
                        + "]}")))
        .isEqualTo("components.0.components.0.custom_id");
    assertThat(
            DiscordLimits.invalidMessage(
                json(
                    "{\"content\":\"x\",\"components\":["
                        + row(button("a", "L".repeat(81)))
                        + "]}")))
        .isEqualTo("components.0.components.0.label");
  }

  @Test
  void aSelectMenuHasOneToTwentyFiveOptionsOfAHundredCharacters() throws Exception {
    StringBuilder options = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      options
          .append(i == 0 ? "" : ",")
          .append("{\"label\":\"l")
          .append(i)
          .append("\",\"value\":\"v")
          .append(i)
          .append("\"}");
    }
    String select = "{\"type\":3,\"custom_id\":\"s\",\"options\":[" + options + "]}";
    assertThat(
            DiscordLimits.invalidMessage(
                json("{\"content\":\"x\",\"components\":[" + row(select) + "]}")))
        .isNull();
    String more = select.replace("]}", ",{\"label\":\"l\",\"value\":\"v\"}]}");
    assertThat(
            DiscordLimits.invalidMessage(
                json("{\"content\":\"x\",\"components\":[" + row(more) + "]}")))
        .isEqualTo("components.0.components.0.options");
    String longLabel = select.replace("\"label\":\"l0\"", "\"label\":" + quoted("l".repeat(101)));
    assertThat(
            DiscordLimits.invalidMessage(
                json("{\"content\":\"x\",\"components\":[" + row(longLabel) + "]}")))
        .isEqualTo("components.0.components.0.options.0.label");
    assertThat(
            DiscordLimits.invalidMessage(
                json("{\"content\":\"x\",\"components\":[" + row(select, button("b", "B")) + "]}")))
        .isEqualTo("components.0.components");
  }

  @Test
  void autocompleteTakesTwentyFiveChoicesOfAHundredCharacters() throws Exception {
    StringBuilder choices = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      choices
          .append(i == 0 ? "" : ",")
          .append("{\"name\":\"n")
          .append(i)
          .append("\",\"value\":\"v\"}");
    }
    assertThat(DiscordLimits.invalidChoices(json("{\"choices\":[" + choices + "]}"))).isNull();
    assertThat(
            DiscordLimits.invalidChoices(
                json("{\"choices\":[" + choices + ",{\"name\":\"x\",\"value\":\"x\"}]}")))
        .isEqualTo("choices");
    assertThat(
            DiscordLimits.invalidChoices(
                json("{\"choices\":[{\"name\":" + quoted("n".repeat(101)) + ",\"value\":\"v\"}]}")))
        .isEqualTo("choices.0.name");
    assertThat(
            DiscordLimits.invalidChoices(
                json("{\"choices\":[{\"name\":\"n\",\"value\":" + quoted("v".repeat(101)) + "}]}")))
        .isEqualTo("choices.0.value");
    // A choice's value is of its option's type: text (3), integer (4) or number (10).
    JsonNode text = json("{\"choices\":[{\"name\":\"n\",\"value\":\"2\"}]}");
    JsonNode half = json("{\"choices\":[{\"name\":\"n\",\"value\":1.5}]}");
    assertThat(DiscordLimits.invalidChoices(text, 3)).isNull();
    assertThat(DiscordLimits.invalidChoices(text, 10)).isEqualTo("choices.0.value");
    assertThat(DiscordLimits.invalidChoices(half, 10)).isNull();
    assertThat(DiscordLimits.invalidChoices(half, 4)).isEqualTo("choices.0.value");
    assertThat(DiscordLimits.invalidChoices(half, 3)).isEqualTo("choices.0.value");
  }

  @Test
  void aModalsTitleAndInputLabelsAreFortyFiveCharacters() throws Exception {
    String input = "{\"type\":4,\"custom_id\":\"t\",\"style\":1,\"label\":%s}";
    String modal =
        "{\"title\":%s,\"custom_id\":\"m\",\"components\":[{\"type\":1,\"components\":["
            + input
            + "]}]}";
    assertThat(
            DiscordLimits.invalidModal(
                json(String.format(modal, quoted("t".repeat(45)), quoted("l".repeat(45))))))
        .isNull();
    assertThat(
            DiscordLimits.invalidModal(
                json(String.format(modal, quoted("t".repeat(46)), quoted("l")))))
        .isEqualTo("title");
    assertThat(
            DiscordLimits.invalidModal(
                json(String.format(modal, quoted("t"), quoted("l".repeat(46))))))
        .isEqualTo("components.0.components.0.label");
  }

  @Test
  void commandsHaveShortNamesAndDescriptionsOfAHundredCharacters() throws Exception {
    assertThat(
            DiscordLimits.invalidCommands(
                json(
                    "[{\"name\":\"papers\",\"type\":1,\"description\":\"d\"},"
                        + "{\"name\":\"Paper card\",\"type\":3,\"description\":\"\"}]")))
        .isNull();
    assertThat(
            DiscordLimits.invalidCommands(
                json("[{\"name\":\"Papers\",\"type\":1,\"description\":\"d\"}]")))
        .isEqualTo("0.name");
    assertThat(
            DiscordLimits.invalidCommands(
                json(
                    "[{\"name\":\"papers\",\"type\":1,\"description\":"
                        + quoted("d".repeat(101))
                        + "}]")))
        .isEqualTo("0.description");
    assertThat(
            DiscordLimits.invalidCommands(
                json(
                    "[{\"name\":\"papers\",\"type\":1,\"description\":\"d\",\"options\":[{\"name\":\"q\","
                        + "\"type\":3,\"description\":\"d\",\"autocomplete\":true,"
                        + "\"choices\":[{\"name\":\"a\",\"value\":\"a\"}]}]}]")))
        .isEqualTo("0.options.0.choices");
  }

  @Test
  void onlyAllowedUnescapedMentionsInTheContentNotify() throws Exception {
    String text = "@everyone \\\\@here <@42> \\\\<@43> <@&7>";
    assertThat(DiscordLimits.notified(json("{\"content\":\"" + text + "\"}"), false))
        .containsExactly("@everyone", "<@42>", "<@&7>");
    // An interaction's answer parses users only; an empty parse notifies no one unlisted.
    assertThat(DiscordLimits.notified(json("{\"content\":\"" + text + "\"}"), true))
        .containsExactly("<@42>");
    assertThat(
            DiscordLimits.notified(
                json(
                    "{\"content\":\""
                        + text
                        + "\",\"allowed_mentions\":{\"parse\":[],\"users\":[\"43\"]}}"),
                false))
        .isEmpty();
    assertThat(
            DiscordLimits.notified(
                json("{\"content\":\"\",\"embeds\":[{\"description\":" + "\"@everyone <@42>\"}]}"),
                false))
        .isEmpty();
  }
}
