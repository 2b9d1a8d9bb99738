package paperbot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.util.Optional;

/**
 * Slack's {@code app_rate_limited} callback, which Bolt does not know (it logs the whole payload
 * and answers nothing): a top-level type with no inner event, naming the workspace whose events are
 * held back.
 */
final class SlackEventsRateLimit {
  static final String TYPE = "app_rate_limited";

  private SlackEventsRateLimit() {}

  /** The workspace a rate-limit notice names, or empty when the body is something else. */
  static Optional<String> workspace(String body) {
    if (!body.contains(TYPE)) {
      return Optional.empty(); // not worth parsing: every other request
    }
    try {
      JsonElement json = JsonParser.parseString(body);
      if (!json.isJsonObject()) {
        return Optional.empty();
      }
      var object = json.getAsJsonObject();
      JsonElement type = object.get("type");
      if (type == null || !type.isJsonPrimitive() || !TYPE.equals(type.getAsString())) {
        return Optional.empty();
      }
      JsonElement team = object.get("team_id");
      return Optional.of(team != null && team.isJsonPrimitive() ? team.getAsString() : "");
    } catch (JsonSyntaxException | IllegalStateException notJson) {
      return Optional.empty();
    }
  }
}
