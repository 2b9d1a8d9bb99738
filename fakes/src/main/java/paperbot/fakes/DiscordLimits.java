package paperbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Discord refuses with 400 code 50035 "Invalid Form Body", from its documentation: each check
 * answers the path of the first offending field, or null.
 *
 * <p>Messages (discord.com/developers/docs/resources/message): content 2,000; at most 10 embeds;
 * title 256, description 4,096, 25 fields of name 256 and value 1,024, footer 2,048, author name
 * 256, and 6,000 characters across all embeds; allowed_mentions with at most 100 users and 100
 * roles, never a type in {@code parse} and a list of the same type. Components
 * (discord.com/developers/docs/components/reference): at most 5 action rows of 1 to 5 buttons or
 * one select menu; a button's label 80, custom_id 100 and unique in the message, a link button's
 * url 512; a string select's 1 to 25 options of label, value and description 100, placeholder 150.
 * Interaction responses (discord.com/developers/docs/interactions/receiving-and-responding):
 * autocomplete at most 25 choices of name 1 to 100 and value 100; a modal's title 45, custom_id
 * 100, 1 to 5 rows of one text input of label 45. Application commands
 * (discord.com/developers/docs/interactions/application-commands): name 1 to 32, description 1 to
 * 100 (none for context-menu commands), 25 options, 25 choices of name 100 and value 100, 4,000
 * characters in all.
 */
public final class DiscordLimits {
  private DiscordLimits() {}

  private static final Pattern COMMAND_NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");
  private static final Set<String> MENTION_TYPES = Set.of("roles", "users", "everyone");

  /** The first limit a message (a post, a follow-up, a callback's data) breaks, or null. */
  public static String invalidMessage(JsonNode message) {
    if (length(message.path("content")) > 2000) {
      return "content";
    }
    JsonNode embeds = message.path("embeds");
    // A message needs one of content, embeds, components, files, stickers or a poll.
    if (message.path("content").asText().isEmpty()
        && embeds.isEmpty()
        && message.path("components").isEmpty()
        && message.path("attachments").isEmpty()
        && message.path("sticker_ids").isEmpty()
        && message.path("poll").isMissingNode()) {
      return "content";
    }
    String embed = invalidEmbeds(embeds);
    if (embed != null) {
      return embed;
    }
    String mentions = invalidAllowedMentions(message.path("allowed_mentions"));
    if (mentions != null) {
      return mentions;
    }
    return invalidComponents(message.path("components"));
  }

  private static String invalidEmbeds(JsonNode embeds) {
    if (embeds.size() > 10) {
      return "embeds";
    }
    int total = 0;
    for (int e = 0; e < embeds.size(); e++) {
      JsonNode embed = embeds.get(e);
      String at = "embeds." + e;
      if (length(embed.path("title")) > 256) {
        return at + ".title";
      }
      if (length(embed.path("description")) > 4096) {
        return at + ".description";
      }
      if (embed.path("fields").size() > 25) {
        return at + ".fields";
      }
      if (length(embed.path("footer").path("text")) > 2048) {
        return at + ".footer.text";
      }
      if (length(embed.path("author").path("name")) > 256) {
        return at + ".author.name";
      }
      total +=
          length(embed.path("title"))
              + length(embed.path("description"))
              + length(embed.path("footer").path("text"))
              + length(embed.path("author").path("name"));
      for (int f = 0; f < embed.path("fields").size(); f++) {
        JsonNode field = embed.path("fields").get(f);
        // Name and value are required: an empty one is refused as missing.
        if (field.path("name").asText().isEmpty() || field.path("value").asText().isEmpty()) {
          return at + ".fields." + f;
        }
        if (length(field.path("name")) > 256) {
          return at + ".fields." + f + ".name";
        }
        if (length(field.path("value")) > 1024) {
          return at + ".fields." + f + ".value";
        }
        total += length(field.path("name")) + length(field.path("value"));
      }
    }
    return total > 6000 ? "embeds" : null;
  }

  /**
   * At most 100 users and 100 roles; a type may be parsed from the content or listed, not both
   * ("users" in parse with a users list is refused).
   */
  private static String invalidAllowedMentions(JsonNode allowed) {
    if (allowed.isMissingNode() || allowed.isNull()) {
      return null;
    }
    Set<String> parse = new HashSet<>();
    for (JsonNode type : allowed.path("parse")) {
      if (!MENTION_TYPES.contains(type.asText())) {
        return "allowed_mentions.parse";
      }
      parse.add(type.asText());
    }
    for (String listed : List.of("users", "roles")) {
      JsonNode ids = allowed.path(listed);
      if (ids.size() > 100) {
        return "allowed_mentions." + listed;
      }
      if (!ids.isEmpty() && parse.contains(listed)) {
        return "allowed_mentions." + listed;
      }
    }
    return null;
  }

  private static String invalidComponents(JsonNode rows) {
    if (rows.size() > 5) {
      return "components";
    }
    Set<String> customIds = new HashSet<>();
    for (int r = 0; r < rows.size(); r++) {
      JsonNode row = rows.get(r);
      JsonNode components = row.path("components");
      String at = "components." + r + ".components";
      if (row.path("type").asInt() != 1 || components.isEmpty() || components.size() > 5) {
        return at;
      }
      for (int c = 0; c < components.size(); c++) {
        JsonNode component = components.get(c);
        String where = at + "." + c;
        int type = component.path("type").asInt();
        if (type != 2 && components.size() > 1) {
          return at; // a select menu takes a row of its own
        }
        String invalid =
            switch (type) {
              case 2 -> invalidButton(component);
              case 3, 5, 6, 7, 8 -> invalidSelect(component, type);
              default -> "type";
            };
        if (invalid != null) {
          return where + "." + invalid;
        }
        String customId = component.path("custom_id").asText("");
        if (!customId.isEmpty() && !customIds.add(customId)) {
          return where + ".custom_id"; // COMPONENT_CUSTOM_ID_DUPLICATED
        }
      }
    }
    return null;
  }

  private static String invalidButton(JsonNode button) {
    int style = button.path("style").asInt();
    if (style < 1 || style > 6) {
      return "style";
    }
    if (length(button.path("label")) > 80) {
      return "label";
    }
    if (button.path("label").asText().isEmpty() && button.path("emoji").isMissingNode()) {
      return "label";
    }
    if (style == 5) {
      return button.has("custom_id") || length(button.path("url")) == 0 ? "url" : null;
    }
    if (length(button.path("url")) > 512) {
      return "url";
    }
    int id = length(button.path("custom_id"));
    return style != 6 && (id == 0 || id > 100) ? "custom_id" : null;
  }

  private static String invalidSelect(JsonNode select, int type) {
    int id = length(select.path("custom_id"));
    if (id == 0 || id > 100) {
      return "custom_id";
    }
    if (length(select.path("placeholder")) > 150) {
      return "placeholder";
    }
    int min = select.path("min_values").asInt(1);
    int max = select.path("max_values").asInt(1);
    if (min < 0 || min > 25 || max < 1 || max > 25 || min > max) {
      return "max_values";
    }
    if (type != 3) {
      return null;
    }
    JsonNode options = select.path("options");
    if (options.isEmpty() || options.size() > 25 || max > options.size()) {
      return "options";
    }
    for (int o = 0; o < options.size(); o++) {
      JsonNode option = options.get(o);
      int label = length(option.path("label"));
      int value = length(option.path("value"));
      if (label == 0 || label > 100) {
        return "options." + o + ".label";
      }
      if (value == 0 || value > 100) {
        return "options." + o + ".value";
      }
      if (length(option.path("description")) > 100) {
        return "options." + o + ".description";
      }
    }
    return null;
  }

  /** An autocomplete result's data for a text option. */
  public static String invalidChoices(JsonNode data) {
    return invalidChoices(data, TEXT_OPTION);
  }

  private static final int TEXT_OPTION = 3;
  private static final int INTEGER_OPTION = 4;
  private static final int NUMBER_OPTION = 10;

  /**
   * An autocomplete result's data: at most 25 choices, name 1 to 100, each value of the focused
   * option's type (a string of at most 100 for a text option, an integer for an integer option, a
   * number for a number option), as Discord checks a choice's value against its option.
   *
   * @param optionType the focused option's type
   */
  public static String invalidChoices(JsonNode data, int optionType) {
    JsonNode choices = data.path("choices");
    if (!choices.isArray() || choices.size() > 25) {
      return "choices";
    }
    for (int c = 0; c < choices.size(); c++) {
      JsonNode choice = choices.get(c);
      int name = length(choice.path("name"));
      if (name == 0 || name > 100) {
        return "choices." + c + ".name";
      }
      JsonNode value = choice.path("value");
      boolean fits =
          switch (optionType) {
            case INTEGER_OPTION -> value.isIntegralNumber();
            case NUMBER_OPTION -> value.isNumber();
            default -> value.isTextual() && length(value) <= 100;
          };
      if (!fits) {
        return "choices." + c + ".value";
      }
    }
    return null;
  }

  /** A modal's data: title 1 to 45, custom_id 1 to 100, 1 to 5 rows of one text input. */
  public static String invalidModal(JsonNode data) {
    int title = length(data.path("title"));
    if (title == 0 || title > 45) {
      return "title";
    }
    int id = length(data.path("custom_id"));
    if (id == 0 || id > 100) {
      return "custom_id";
    }
    JsonNode rows = data.path("components");
    if (rows.isEmpty() || rows.size() > 5) {
      return "components";
    }
    for (int r = 0; r < rows.size(); r++) {
      JsonNode inputs = rows.get(r).path("components");
      String at = "components." + r + ".components";
      if (inputs.size() != 1 || inputs.get(0).path("type").asInt() != 4) {
        return at;
      }
      JsonNode input = inputs.get(0);
      int inputId = length(input.path("custom_id"));
      int label = length(input.path("label"));
      if (inputId == 0 || inputId > 100) {
        return at + ".0.custom_id";
      }
      if (label == 0 || label > 45) {
        return at + ".0.label";
      }
      if (length(input.path("placeholder")) > 100) {
        return at + ".0.placeholder";
      }
      if (length(input.path("value")) > 4000 || input.path("max_length").asInt(4000) > 4000) {
        return at + ".0.value";
      }
    }
    return null;
  }

  /** The first limit a command registration (a PUT of all commands) breaks, or null. */
  public static String invalidCommands(JsonNode commands) {
    if (!commands.isArray()) {
      return "commands";
    }
    for (int i = 0; i < commands.size(); i++) {
      JsonNode command = commands.get(i);
      String at = String.valueOf(i);
      int type = command.path("type").asInt(1);
      String name = command.path("name").asText();
      if (type == 1
          ? !COMMAND_NAME.matcher(name).matches() || !name.equals(name.toLowerCase())
          : name.isEmpty() || length(command.path("name")) > 32) {
        return at + ".name";
      }
      int description = length(command.path("description"));
      if (type == 1 ? description == 0 || description > 100 : description > 0) {
        return at + ".description";
      }
      String options = invalidOptions(command.path("options"));
      if (options != null) {
        return at + ".options." + options;
      }
      if (characters(command) > 4000) {
        return at;
      }
    }
    return null;
  }

  private static String invalidOptions(JsonNode options) {
    if (options.size() > 25) {
      return "";
    }
    for (int o = 0; o < options.size(); o++) {
      JsonNode option = options.get(o);
      String at = String.valueOf(o);
      if (!COMMAND_NAME.matcher(option.path("name").asText()).matches()) {
        return at + ".name";
      }
      int description = length(option.path("description"));
      if (description == 0 || description > 100) {
        return at + ".description";
      }
      JsonNode choices = option.path("choices");
      if (choices.size() > 25 || !choices.isEmpty() && option.path("autocomplete").asBoolean()) {
        return at + ".choices";
      }
      for (int c = 0; c < choices.size(); c++) {
        int name = length(choices.get(c).path("name"));
        if (name == 0 || name > 100 || length(choices.get(c).path("value")) > 100) {
          return at + ".choices." + c;
        }
      }
      String nested = invalidOptions(option.path("options"));
      if (nested != null) {
        return at + ".options." + nested;
      }
    }
    return null;
  }

  /** Characters of the names, descriptions and choice names and values, as Discord counts them. */
  private static int characters(JsonNode node) {
    int total = length(node.path("name")) + length(node.path("description"));
    for (JsonNode choice : node.path("choices")) {
      total += length(choice.path("name")) + length(choice.path("value"));
    }
    for (JsonNode option : node.path("options")) {
      total += characters(option);
    }
    return total;
  }

  private static final Pattern EVERYONE = Pattern.compile("(\\\\*)@(everyone|here)");
  private static final Pattern USER_OR_ROLE = Pattern.compile("(\\\\*)<@(&?)!?(\\d+)>");

  /**
   * Who a message notifies, as Discord reads it: mentions written in the content (not embeds), not
   * escaped with a backslash, and allowed. Without {@code allowed_mentions} everything written
   * notifies, except that an interaction's answer parses only users.
   *
   * @return "@everyone", "@here", "<@id>" and "<@&id>" for each mention that notifies
   */
  public static List<String> notified(JsonNode message, boolean interaction) {
    String content = message.path("content").asText();
    JsonNode allowed = message.path("allowed_mentions");
    Set<String> parse = new HashSet<>();
    Set<String> users = new HashSet<>();
    Set<String> roles = new HashSet<>();
    if (allowed.isMissingNode() || allowed.isNull()) {
      parse.add("users");
      if (!interaction) {
        parse.addAll(List.of("roles", "everyone"));
      }
    } else {
      allowed.path("parse").forEach(type -> parse.add(type.asText()));
      allowed.path("users").forEach(id -> users.add(id.asText()));
      allowed.path("roles").forEach(id -> roles.add(id.asText()));
    }
    List<String> notified = new ArrayList<>();
    Matcher everyone = EVERYONE.matcher(content);
    while (everyone.find()) {
      if (everyone.group(1).length() % 2 == 0 && parse.contains("everyone")) {
        notified.add("@" + everyone.group(2));
      }
    }
    Matcher mention = USER_OR_ROLE.matcher(content);
    while (mention.find()) {
      if (mention.group(1).length() % 2 != 0) {
        continue; // escaped
      }
      boolean role = !mention.group(2).isEmpty();
      String id = mention.group(3);
      boolean allowedHere =
          role
              ? parse.contains("roles") || roles.contains(id)
              : parse.contains("users") || users.contains(id);
      if (allowedHere) {
        notified.add("<@" + (role ? "&" : "") + id + ">");
      }
    }
    return notified;
  }

  /**
   * Characters counted as UTF-16 units, as JavaScript counts them: an emoji is two, stricter than
   * counting code points, so what fits here fits however Discord counts.
   */
  private static int length(JsonNode text) {
    return text.asText("").length();
  }
}
