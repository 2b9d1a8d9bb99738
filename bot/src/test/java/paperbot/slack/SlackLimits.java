package paperbot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Slack's documented limits on a message, checked as Slack would: by the fake Web API and by the
 * renderer tests. From docs.slack.dev/reference/block-kit (blocks: 50 per message; section text 1
 * to 3,000 characters, at most 10 fields of 2,000; context at most 10 elements; actions at most 25
 * elements; header text 150; block_id 255; button text 75, action_id 255, value 2,000) and the
 * chat.postMessage reference (text truncated past 40,000 characters; under 4,000 recommended).
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
    for (int i = 0; i < blocks.size(); i++) {
      JsonObject block = blocks.get(i).getAsJsonObject();
      String at = "blocks[" + i + "]";
      if (longer(block, "block_id", 255)) {
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
          for (int e = 0; e < elements.size(); e++) {
            JsonObject element = elements.get(e).getAsJsonObject();
            String where = at + ".elements[" + e + "]";
            if (text(element.getAsJsonObject("text")).length() > 75) {
              return where + ".text";
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

  private static String text(JsonObject textObject) {
    return textObject == null || !textObject.has("text")
        ? ""
        : textObject.get("text").getAsString();
  }

  private static boolean longer(JsonObject object, String field, int max) {
    return object.has(field) && object.get(field).getAsString().length() > max;
  }
}
