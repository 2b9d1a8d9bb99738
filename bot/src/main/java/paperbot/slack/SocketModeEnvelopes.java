package paperbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.util.json.GsonFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Socket Mode envelope through the Bolt app on a thread of its own and acknowledges its
 * {@code envelope_id}, whatever the app made of it.
 *
 * <p>Bolt's own listener does neither. The Socket Mode client hands it the envelopes one after
 * another on a single thread, and a command waits there for its answer up to the inline budget, so
 * a second command waited for the first and was acknowledged after Slack's 3 s (Slack then tells
 * the member the command failed). And it acknowledges only what a handler answered 200, so an event
 * paperbot does not handle, or a payload it refuses, was never acknowledged and Slack sent it again
 * and again. Slack wants every envelope acknowledged; one that is not served is acknowledged empty
 * and logged.
 */
final class SocketModeEnvelopes implements WebSocketMessageListener {
  private static final Logger log = LoggerFactory.getLogger(SocketModeEnvelopes.class);

  private final App app;
  private final SocketModeClient client;
  private final ExecutorService envelopes;
  private final SocketModeRequestParser parser;
  private final Gson gson;

  /**
   * @param envelopes runs each envelope; a thread per envelope, as the HTTP server has a thread per
   *     request, so no envelope waits for another
   */
  SocketModeEnvelopes(App app, SocketModeClient client, ExecutorService envelopes) {
    this.app = app;
    this.client = client;
    this.envelopes = envelopes;
    this.parser = new SocketModeRequestParser(app.config());
    this.gson = GsonFactory.createSnakeCase(app.slack().getConfig());
  }

  @Override
  public void handle(String message) {
    SocketModeRequest request = parser.parse(message);
    if (request == null) {
      return; // hello and the like: nothing to acknowledge
    }
    try {
      envelopes.execute(() -> run(request));
    } catch (RejectedExecutionException stopping) {
      // Unacknowledged, Slack sends it again to the next connection.
      log.info("slack envelope left to a later connection: stopping");
    }
  }

  private void run(SocketModeRequest request) {
    String id = request.getEnvelope().getEnvelopeId();
    Response response;
    try {
      response = app.run(request.getBoltRequest());
    } catch (Exception e) {
      log.error("slack envelope failed type={}", request.getEnvelope().getType(), e);
      acknowledge(gson.toJson(new AckResponse(id)));
      return;
    }
    if (response.getStatusCode() != 200) {
      log.info(
          "slack envelope not served type={} status={}",
          request.getEnvelope().getType(),
          response.getStatusCode());
      acknowledge(gson.toJson(new AckResponse(id)));
      return;
    }
    acknowledge(ack(id, response));
  }

  /** The acknowledgement, carrying the handler's answer when there is one (as Bolt's does). */
  private String ack(String id, Response response) {
    if (response.getBody() == null || response.getBody().isEmpty()) {
      return gson.toJson(new AckResponse(id));
    }
    JsonObject ack = new JsonObject();
    ack.addProperty("envelope_id", id);
    String type = response.getContentType() == null ? "" : response.getContentType();
    if (type.startsWith("application/json")) {
      ack.add("payload", gson.fromJson(response.getBody(), JsonElement.class));
    } else {
      JsonObject payload = new JsonObject();
      payload.addProperty("text", response.getBody());
      ack.add("payload", payload);
    }
    return gson.toJson(ack);
  }

  /** One connection, written by one envelope thread at a time. */
  private void acknowledge(String ack) {
    try {
      synchronized (client) {
        client.sendSocketModeResponse(ack);
      }
    } catch (RuntimeException e) {
      // The connection went away: Slack sends the envelope again to the next one.
      log.warn("slack envelope ack failed error={}", e.toString());
    }
  }
}
