package paperbot.discord;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A scripted Discord on loopback: REST ({@code users/@me}, command registration, interaction
 * callbacks, follow-up webhooks) and a gateway websocket that says HELLO, answers IDENTIFY with
 * READY, acks heartbeats, and lets a test dispatch INTERACTION_CREATE events. Requests are recorded
 * by path.
 */
final class FakeDiscord implements AutoCloseable {
  static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.fake.discord-token-for-tests-only";
  static final String BOT_ID = "100000000000000001";
  static final String APP_ID = "200000000000000002";

  private final MockWebServer server = new MockWebServer();
  private final Map<String, BlockingQueue<RecordedRequest>> requests = new ConcurrentHashMap<>();
  private final BlockingQueue<WebSocket> sockets = new LinkedBlockingQueue<>();
  private final AtomicInteger sequence = new AtomicInteger(1);
  private final BlockingQueue<Integer> messageFailures = new LinkedBlockingQueue<>();

  /** The direct-message channel this fake opens for any member. */
  static final String DM_CHANNEL = "500000000000000005";

  private volatile WebSocket gateway;

  FakeDiscord() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (path.startsWith("/gateway")) {
              return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
            }
            String key =
                request.getMethod()
                    + " "
                    + path.replaceAll(
                            "/interactions/\\d+/[^/]+/callback", "/interactions/*/callback")
                        .replaceAll("/webhooks/\\d+/[^/?]+", "/webhooks/*");
            requests.computeIfAbsent(key, k -> new LinkedBlockingQueue<>()).add(request);
            return switch (key) {
              case "GET /api/v10/users/@me" -> json(200, user(BOT_ID, "paperbot", true));
              case "PUT /api/v10/applications/" + APP_ID + "/commands" -> json(200, "[]");
              case "POST /api/v10/interactions/*/callback" ->
                  new MockResponse.Builder().code(204).build();
              case "POST /api/v10/webhooks/*" -> json(200, message("900000000000000009"));
              case "POST /api/v10/users/@me/channels" ->
                  json(
                      200,
                      "{\"id\":\""
                          + DM_CHANNEL
                          + "\",\"type\":1,"
                          + "\"last_message_id\":null,\"recipients\":["
                          + user("300000000000000003", "ana", false)
                          + "]}");
              case "POST /api/v10/channels/" + DM_CHANNEL + "/messages" -> {
                Integer failure = messageFailures.poll();
                yield failure != null
                    ? json(failure, "{\"message\":\"trouble\",\"code\":0}")
                    : json(200, message("900000000000000010"));
              }
              default -> json(404, "{\"message\":\"Unknown\",\"code\":0}");
            };
          }
        });
    server.start();
  }

  String apiUrl() {
    return server.url("/api/v10/").toString();
  }

  String gatewayUrl() {
    return "ws://127.0.0.1:" + server.getPort() + "/gateway";
  }

  /** The next message posted to a channel fails with this status. */
  void failNextMessage(int status) {
    messageFailures.add(status);
  }

  /** Sends INTERACTION_CREATE on the gateway. */
  void dispatchInteraction(String interactionJson) throws InterruptedException {
    if (gateway == null) {
      gateway = sockets.poll(60, TimeUnit.SECONDS);
    }
    gateway.send(
        "{\"op\":0,\"s\":"
            + sequence.incrementAndGet()
            + ",\"t\":\"INTERACTION_CREATE\",\"d\":"
            + interactionJson
            + "}");
  }

  /**
   * The next request to "METHOD /path" (callback and webhook paths with ids replaced by *), waiting
   * up to 60 s (generous for a busy machine).
   */
  RecordedRequest next(String key) throws InterruptedException {
    return requests
        .computeIfAbsent(key, k -> new LinkedBlockingQueue<>())
        .poll(60, TimeUnit.SECONDS);
  }

  /** The next request to "METHOD /path" if one has come, else null at once. */
  RecordedRequest nextNow(String key) {
    return requests.computeIfAbsent(key, k -> new LinkedBlockingQueue<>()).poll();
  }

  static String user(String id, String name, boolean bot) {
    return "{\"id\":\""
        + id
        + "\",\"username\":\""
        + name
        + "\",\"discriminator\":\"0000\",\"global_name\":null,"
        + "\"avatar\":null,\"bot\":"
        + bot
        + ",\"verified\":true,\"mfa_enabled\":false,\"flags\":0}";
  }

  static String message(String id) {
    return "{\"id\":\""
        + id
        + "\",\"channel_id\":\"400000000000000004\",\"type\":0,\"content\":\"\",\"author\":"
        + user(BOT_ID, "paperbot", true)
        + ",\"timestamp\":\"2026-11-23T09:00:00.000000+00:00\","
        + "\"edited_timestamp\":null,\"tts\":false,\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],"
        + "\"attachments\":[],\"embeds\":[],\"pinned\":false,\"flags\":64,\"components\":[]}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** The gateway script: HELLO on open, READY on IDENTIFY, HEARTBEAT_ACK on heartbeats. */
  private final class Gateway extends WebSocketListener {
    @Override
    public void onOpen(WebSocket socket, Response response) {
      socket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      if (text.contains("\"op\":2")) {
        socket.send(
            "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"v\":10,\"user\":"
                + user(BOT_ID, "paperbot", true)
                + ",\"guilds\":[],\"private_channels\":[],\"session_id\":\"session-1\",\"resume_gateway_url\":\""
                + gatewayUrl()
                + "\",\"application\":{\"id\":\""
                + APP_ID
                + "\",\"flags\":0}}}");
        sockets.add(socket);
      } else if (text.contains("\"op\":1")) {
        socket.send("{\"op\":11}");
      }
    }
  }

  @Override
  public void close() {
    WebSocket socket = gateway;
    if (socket != null) {
      socket.close(1000, "test over");
    }
    server.close();
  }
}
