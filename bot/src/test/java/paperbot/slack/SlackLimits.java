package paperbot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's documented limits on a message, checked as Slack would: by the fake Web API and by the
 * renderer tests. From docs.slack.dev/reference/block-kit (blocks: 50 per message; section text 1
 * to 3,000 characters, at most 10 fields of 2,000; context at most 10 elements; actions at most 25
 * elements; header text 150; block_id 255; button text 75, action_id 255, value 2,000) and the
 * chat.postMessage reference (text truncated past 40,000 characters; under 4,000 recommended, which
 * this fake holds to). Button text is plain_text of 1 to 75; block_ids are unique in a message and
 * action_ids in a block.
 */
final class SlackLimits {
  static final int MAX_TEXT = 4000;

  private SlackLimits() {}

  /** The first limit a message breaks, as the path of the offending field, or null. */
  static String invalidMessage(String text, String blocksJson) {
    if (text != null && text.length() > MAX_TEXT) {
      return "text";
    }
    if (blocksJson == null || blocksJson.isBlank()) {
      return null;
    }
    return invalidBlocks(JsonParser.parseString(blocksJson).getAsJsonArray());
  }

  /** The first limit a message payload (a response_url post, a command's ack) breaks, or null. */
  static String invalidPayload(JsonObject message) {
    String text = message.has("text") ? message.get("text").getAsString() : null;
    JsonElement blocks = message.get("blocks");
    return blocks == null || !blocks.isJsonArray()
        ? invalidMessage(text, null)
        : text != null && text.length() > MAX_TEXT
            ? "text"
            : invalidBlocks(blocks.getAsJsonArray());
  }

  static String invalidBlocks(JsonArray blocks) {
    if (blocks.size() > 50) {
      return "blocks";
    }
    Set<String> blockIds = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonObject block = blocks.get(i).getAsJsonObject();
      String at = "blocks[" + i + "]";
      if (longer(block, "block_id", 255)) {
        return at + ".block_id";
      }
      // "block_id should be unique for each message"
      if (block.has("block_id") && !blockIds.add(block.get("block_id").getAsString())) {
        return at + ".block_id";
      }
      String type = block.get("type").getAsString();
      switch (type) {
        case "section" -> {
          JsonObject text = block.getAsJsonObject("text");
          JsonArray fields = block.getAsJsonArray("fields");
          if (text == null && fields == null) {
            return at + ".text";
          }
          if (text != null && (text(text).isEmpty() || text(text).length() > 3000)) {
            return at + ".text";
          }
          if (fields != null && fields.size() > 10) {
            return at + ".fields";
          }
          for (int f = 0; fields != null && f < fields.size(); f++) {
            if (text(fields.get(f).getAsJsonObject()).length() > 2000) {
              return at + ".fields[" + f + "]";
            }
          }
        }
        case "context" -> {
          if (block.getAsJsonArray("elements").size() > 10) {
            return at + ".elements";
          }
        }
        case "header" -> {
          if (text(block.getAsJsonObject("text")).length() > 150) {
            return at + ".text";
          }
        }
        case "actions" -> {
          JsonArray elements = block.getAsJsonArray("elements");
          if (elements.isEmpty() || elements.size() > 25) {
            return at + ".elements";
          }
          Set<String> actionIds = new HashSet<>();
          for (int e = 0; e < elements.size(); e++) {
            JsonObject element = elements.get(e).getAsJsonObject();
            String where = at + ".elements[" + e + "]";
            JsonObject label = element.getAsJsonObject("text");
            // A button's text is plain_text of 1 to 75 characters.
            if (label == null
                || !"plain_text".equals(label.get("type").getAsString())
                || text(label).isEmpty()
                || text(label).length() > 75) {
              return where + ".text";
            }
            // "action_id ... should be unique among all other action_ids in the containing block"
            if (element.has("action_id")
                && !actionIds.add(element.get("action_id").getAsString())) {
              return where + ".action_id";
            }
            if (longer(element, "action_id", 255)) {
              return where + ".action_id";
            }
            if (longer(element, "value", 2000)) {
              return where + ".value";
            }
          }
        }
        default -> {}
      }
    }
    return null;
  }

  private static final Pattern SPECIAL =
      Pattern.compile("<!(channel|here|everyone|subteam\\^[^>|]+)[^>]*>");
  private static final Pattern BARE = Pattern.compile("(?<![\\w@])@(channel|here|everyone)\\b");

  /**
   * The mentions of many a message would notify, as Slack reads them (docs.slack.dev, "Formatting
   * text"): {@code <!channel>}, {@code <!here>}, {@code <!everyone>} and {@code <!subteam^ID>} in
   * its text or its blocks' mrkdwn, and, where it asks Slack to find names ({@code link_names} or
   * {@code parse=full}), a bare {@code @channel}, {@code @here} or {@code @everyone} too.
   */
  static List<String> notified(String text, JsonArray blocks, boolean linkNames) {
    List<String> texts = new ArrayList<>();
    texts.add(text == null ? "" : text);
    for (int i = 0; blocks != null && i < blocks.size(); i++) {
      JsonObject block = blocks.get(i).getAsJsonObject();
      if (block.has("text") && block.get("text").isJsonObject()) {
        texts.add(text(block.getAsJsonObject("text")));
      }
      for (String list : List.of("fields", "elements")) {
        if (block.has(list) && block.get(list).isJsonArray()) {
          for (JsonElement part : block.getAsJsonArray(list)) {
            if (part.isJsonObject() && "mrkdwn".equals(type(part.getAsJsonObject()))) {
              texts.add(text(part.getAsJsonObject()));
            }
          }
        }
      }
    }
    List<String> notified = new ArrayList<>();
    for (String each : texts) {
      Matcher special = SPECIAL.matcher(each);
      while (special.find()) {
        notified.add(special.group());
      }
      Matcher bare = BARE.matcher(each);
      while (linkNames && bare.find()) {
        notified.add(bare.group());
      }
    }
    return notified;
  }

  private static String type(JsonObject object) {
    return object.has("type") ? object.get("type").getAsString() : "";
  }

  private static String text(JsonObject textObject) {
    return textObject == null || !textObject.has("text")
        ? ""
        : textObject.get("text").getAsString();
  }

  private static boolean longer(JsonObject object, String field, int max) {
    return object.has(field) && object.get(field).getAsString().length() > max;
  }
}
