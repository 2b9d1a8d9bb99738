package paperbot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A local Slack Web API on loopback: answers {@code auth.test}, {@code chat.postMessage}, {@code
 * conversations.open}, {@code conversations.info} and {@code conversations.history} like Slack (or
 * with scripted failures), accepts response_url posts, and records every request by path for
 * assertions. Posted messages are kept with their metadata, so history shows them. Several bot
 * processes can share one fake, each under its own node prefix ({@link #apiUrl(String)}), so the
 * fake knows which process posted.
 */
public final class FakeSlackWebApi implements AutoCloseable {
  public static final String BOT_TOKEN = "xoxb-0000000000-0000000000000-fakefakefakefakefakefake";
  private static final Pattern NODE = Pattern.compile("^/([a-z0-9]+)(/api/.*)$");
  private static final Pattern METADATA_KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]*)\"");

  /** A message Slack took: who posted it, where, and the key in its metadata (null without). */
  public record Posted(String node, String channel, String text, String key) {}

  /**
   * A file shared through files.completeUploadExternal, with the bytes posted to its upload URL.
   */
  public record Shared(
      String channel, String filename, String title, String comment, String text) {}

  private final Map<String, String> uploadNames = new ConcurrentHashMap<>();
  private final Map<String, Integer> uploadLengths = new ConcurrentHashMap<>();
  private final Map<String, String> uploaded = new ConcurrentHashMap<>();
  private final List<Shared> shared = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> unfurled = new CopyOnWriteArrayList<>();

  private final MockWebServer server = new MockWebServer();
  private final Map<String, BlockingQueue<RecordedRequest>> byPath = new ConcurrentHashMap<>();
  private final Queue<MockResponse> scriptedPosts = new ConcurrentLinkedQueue<>();
  private final List<Posted> posted = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> responses = new ConcurrentHashMap<>();

  /** Members whose full name users.info gives (others have none set). */
  static final Map<String, String> REAL_NAMES = Map.of("UHAORAN", "Haoran He");

  /** How many messages one response_url takes. */
  static final int RESPONSE_USES = 5;

  private volatile CompletableFuture<Posted> holdNext;
  private final CountDownLatch released = new CountDownLatch(1);
  private final Queue<MockResponse> scriptedUsersInfo = new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch usersInfoHeld;

  public FakeSlackWebApi() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String path = request.getUrl().encodedPath();
            String node = "";
            Matcher prefixed = NODE.matcher(path);
            if (prefixed.matches()) {
              node = prefixed.group(1);
              path = prefixed.group(2);
            }
            if (path.startsWith("/link")) {
              return new MockResponse.Builder().webSocketUpgrade(new SocketMode()).build();
            }
            byPath.computeIfAbsent(path, k -> new LinkedBlockingQueue<>()).add(request);
            Map<String, String> form = form(request);
            String missing = missingScope(path);
            if (missing != null) {
              refused.add(path.substring("/api/".length()) + " missing_scope " + missing);
              return json(
                  "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\""
                      + missing
                      + "\",\"provided\":\""
                      + String.join(",", GRANTED)
                      + "\"}");
            }
            return switch (path) {
              case "/api/auth.test" ->
                  json(
                      "{\"ok\":true,\"url\":\"https://paperbot-test.slack.com/\",\"team\":\"Test\","
                          + "\"user\":\"paperbot\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
              case "/api/users.info" -> {
                CountDownLatch held = usersInfoHeld;
                if (held != null) {
                  held.await(60, TimeUnit.SECONDS);
                }
                MockResponse scripted = scriptedUsersInfo.poll();
                if (scripted != null) {
                  yield scripted;
                }
                boolean admin = "UADMIN".equals(form.get("user"));
                String name = REAL_NAMES.get(form.getOrDefault("user", ""));
                yield json(
                    "{\"ok\":true,\"user\":{\"id\":\""
                        + (admin ? "UADMIN" : "U")
                        + "\",\"is_admin\":"
                        + admin
                        + ",\"is_owner\":false"
                        + (name == null
                            ? ""
                            : ",\"real_name\":\""
                                + name
                                + "\",\"profile\":{\"real_name\":\""
                                + name
                                + "\",\"display_name\":\"\"}")
                        + "}}");
              }
              case "/api/chat.postMessage" -> post(node, form);
              case "/api/conversations.open" ->
                  json("{\"ok\":true,\"channel\":{\"id\":\"D" + form.get("users") + "\"}}");
              case "/api/conversations.history" -> history(form.get("channel"));
              case "/api/conversations.info" -> conversationInfo(form.getOrDefault("channel", ""));
              case "/api/files.getUploadURLExternal" -> uploadUrl(form);
              case "/api/chat.unfurl" -> unfurl(form);
              case "/api/files.completeUploadExternal" -> completeUpload(form);
              case "/api/apps.connections.open" -> connectionsOpen(request);
              default ->
                  path.startsWith("/upload/")
                      ? receiveUpload(path.substring("/upload/".length()), request)
                      : path.startsWith("/respond/")
                          ? respond(path, request)
                          : new MockResponse.Builder()
                              .code(404)
                              .body("{\"ok\":false,\"error\":\"unknown_method\"}")
                              .build();
            };
          }
        });
    server.start();
  }

  /**
   * The bot scopes an admin grants by installing the shipped manifest ({@code
   * config/slack-app-manifest.yml}): the bot token has these and no others.
   */
  static final Set<String> GRANTED = manifestScopes();

  /**
   * The bot scopes each Web API method paperbot calls needs, any one of them, as Slack's method
   * reference lists them; a token without one gets {@code missing_scope}.
   */
  private static final Map<String, List<String>> NEEDED =
      Map.of(
          "/api/users.info", List.of("users:read"),
          "/api/chat.postMessage", List.of("chat:write"),
          "/api/conversations.open",
              List.of("im:write", "mpim:write", "channels:manage", "groups:write"),
          "/api/conversations.history",
              List.of("channels:history", "groups:history", "im:history", "mpim:history"),
          "/api/files.getUploadURLExternal", List.of("files:write"),
          "/api/files.completeUploadExternal", List.of("files:write"),
          "/api/chat.unfurl", List.of("links:write"),
          "/api/conversations.info",
              List.of("channels:read", "groups:read", "im:read", "mpim:read"));

  /** The scope a call to this method lacks, or null when the token may call it. */
  private static String missingScope(String path) {
    List<String> needed = NEEDED.getOrDefault(path, List.of());
    return needed.isEmpty() || needed.stream().anyMatch(GRANTED::contains) ? null : needed.get(0);
  }

  private static Set<String> manifestScopes() {
    try {
      String manifest =
          Files.readString(
              Path.of("..", "config", "slack-app-manifest.yml"), StandardCharsets.UTF_8);
      Matcher bot = Pattern.compile("(?m)^    bot:\\n((?:      .*\\n)+)").matcher(manifest);
      Set<String> scopes = new java.util.LinkedHashSet<>();
      if (bot.find()) {
        Matcher scope = Pattern.compile("(?m)^      - (\\S+)$").matcher(bot.group(1));
        while (scope.find()) {
          scopes.add(scope.group(1));
        }
      }
      return Set.copyOf(scopes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private MockResponse post(String node, Map<String, String> form) throws InterruptedException {
    MockResponse scripted = scriptedPosts.poll();
    if (scripted != null) {
      return scripted;
    }
    String refusal = refusing.get(form.getOrDefault("channel", ""));
    if (refusal != null) {
      return json("{\"ok\":false,\"error\":\"" + refusal + "\"}");
    }
    String text = form.getOrDefault("text", "");
    String blocks = form.getOrDefault("blocks", "");
    if (text.isBlank() && (blocks.isBlank() || blocks.equals("[]"))) {
      refused.add("chat.postMessage no_text");
      return json("{\"ok\":false,\"error\":\"no_text\"}");
    }
    String invalid = SlackLimits.invalidMessage(form.get("text"), form.get("blocks"));
    if (invalid != null) {
      refused.add("chat.postMessage " + invalid);
      return json("{\"ok\":false,\"error\":\"invalid_blocks\"}");
    }
    notified.addAll(
        SlackLimits.notified(
            text,
            blocks.isBlank() ? null : JsonParser.parseString(blocks).getAsJsonArray(),
            "true".equals(form.get("link_names")) || "full".equals(form.get("parse"))));
    String metadata = form.getOrDefault("metadata", "");
    Matcher key = METADATA_KEY.matcher(metadata);
    String channel = form.getOrDefault("channel", "");
    // A user id as channel posts to the member's direct messages, which history knows as D<user>.
    Posted message =
        new Posted(
            node,
            channel.startsWith("U") ? "D" + channel : channel,
            form.getOrDefault("text", ""),
            key.find() ? key.group(1) : null);
    posted.add(message);
    CompletableFuture<Posted> hold = holdNext;
    if (hold != null) {
      holdNext = null;
      hold.complete(message);
      released.await(
          120, TimeUnit.SECONDS); // Slack has the message; its answer never reaches the poster
    }
    return json("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000.000100\"}");
  }

  /**
   * A response_url takes at most {@link #RESPONSE_USES} messages (Slack: "up to 5 times within 30
   * minutes"), each within Slack's message limits, with text or blocks to show, and a {@code
   * response_type} (when given) of {@code ephemeral} (Slack's default) or {@code in_channel}.
   */
  private MockResponse respond(String path, RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    String invalid;
    try {
      JsonObject message = JsonParser.parseString(body).getAsJsonObject();
      invalid = SlackLimits.invalidPayload(message);
      String type =
          message.has("response_type") ? message.get("response_type").getAsString() : "ephemeral";
      boolean text = message.has("text") && !message.get("text").getAsString().isBlank();
      boolean blocks = message.has("blocks") && !message.getAsJsonArray("blocks").isEmpty();
      if (invalid == null && !type.equals("ephemeral") && !type.equals("in_channel")) {
        invalid = "response_type";
      } else if (invalid == null && !text && !blocks) {
        invalid = "no_text"; // Slack's error for a message with nothing to show
      }
    } catch (RuntimeException notJson) {
      invalid = "body";
    }
    if (invalid != null) {
      refused.add("response_url " + invalid);
      return new MockResponse.Builder().code(400).body("invalid_blocks").build();
    }
    if (responses.merge(path, 1, Integer::sum) > RESPONSE_USES) {
      refused.add("response_url used");
      return new MockResponse.Builder().code(404).body("used_url").build();
    }
    JsonObject message = JsonParser.parseString(body).getAsJsonObject();
    notified.addAll(
        SlackLimits.notified(
            message.has("text") ? message.get("text").getAsString() : "",
            message.has("blocks") ? message.getAsJsonArray("blocks") : null,
            message.has("link_names") && message.get("link_names").getAsBoolean()
                || message.has("parse") && "full".equals(message.get("parse").getAsString())));
    return new MockResponse.Builder().code(200).body("ok").build();
  }

  /** Messages Slack refused for breaking its limits, each as "where what". */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  private final List<String> notified = new CopyOnWriteArrayList<>();

  /**
   * The channel-wide or group mentions ({@code <!channel>}, {@code <!here>}, ...) in the messages
   * Slack took so far, read as {@link SlackLimits#notified} does: each would have notified many.
   */
  public List<String> notified() {
    return List.copyOf(notified);
  }

  /** As Slack: filename and a positive length are required; the URL takes the bytes once. */
  private MockResponse uploadUrl(Map<String, String> form) {
    String filename = form.get("filename");
    int length;
    try {
      length = Integer.parseInt(form.getOrDefault("length", ""));
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (filename == null || filename.isBlank() || length <= 0) {
      return json("{\"ok\":false,\"error\":\"invalid_arguments\"}");
    }
    String id = "F" + (uploadNames.size() + 1);
    uploadNames.put(id, filename);
    uploadLengths.put(id, length);
    return json(
        "{\"ok\":true,\"upload_url\":\""
            + server.url("/upload/" + id)
            + "\",\"file_id\":\""
            + id
            + "\"}");
  }

  private MockResponse receiveUpload(String id, RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    if (!uploadNames.containsKey(id) || uploaded.containsKey(id)) {
      return new MockResponse.Builder().code(404).body("").build();
    }
    if (body.getBytes(StandardCharsets.UTF_8).length != uploadLengths.get(id)) {
      // Slack rejects an upload whose size differs from the length it was promised.
      return new MockResponse.Builder().code(400).body("length mismatch").build();
    }
    uploaded.put(id, body);
    return new MockResponse.Builder().code(200).body("OK - " + body.length()).build();
  }

  /** files.completeUploadExternal: {@code files} is a JSON array of {id, title}. */
  private MockResponse completeUpload(Map<String, String> form) {
    Matcher file =
        Pattern.compile("\\{\"id\":\"(F\\d+)\"(?:,\"title\":\"([^\"]*)\")?\\}")
            .matcher(form.getOrDefault("files", ""));
    if (!file.find() || !uploaded.containsKey(file.group(1))) {
      return json("{\"ok\":false,\"error\":\"file_not_found\"}");
    }
    String id = file.group(1);
    shared.add(
        new Shared(
            form.getOrDefault("channel_id", ""),
            uploadNames.get(id),
            file.group(2),
            form.getOrDefault("initial_comment", ""),
            uploaded.get(id)));
    return json("{\"ok\":true,\"files\":[{\"id\":\"" + id + "\"}]}");
  }

  /** As Slack: channel and ts (or unfurl_id and source) say which message; unfurls is JSON. */
  private MockResponse unfurl(Map<String, String> form) {
    boolean message = form.containsKey("channel") && form.containsKey("ts");
    boolean composer = form.containsKey("unfurl_id") && form.containsKey("source");
    String unfurls = form.getOrDefault("unfurls", "");
    if (!message && !composer || !unfurls.startsWith("{")) {
      return json("{\"ok\":false,\"error\":\"invalid_arguments\"}");
    }
    // Each unfurl's blocks are a message's blocks, within the same limits.
    JsonObject byUrl = JsonParser.parseString(unfurls).getAsJsonObject();
    for (String url : byUrl.keySet()) {
      JsonObject unfurl = byUrl.getAsJsonObject(url);
      String invalid =
          unfurl.has("blocks") ? SlackLimits.invalidBlocks(unfurl.getAsJsonArray("blocks")) : null;
      if (invalid != null) {
        refused.add("chat.unfurl " + invalid);
        return json("{\"ok\":false,\"error\":\"invalid_unfurls\"}");
      }
    }
    unfurled.add(Map.copyOf(form));
    return json("{\"ok\":true}");
  }

  /** The chat.unfurl calls so far: their form fields (channel, ts, unfurls JSON). */
  public List<Map<String, String>> unfurled() {
    return List.copyOf(unfurled);
  }

  /** Files shared so far, in order. */
  public List<Shared> shared() {
    return List.copyOf(shared);
  }

  private MockResponse history(String channel) {
    StringBuilder messages = new StringBuilder();
    for (Posted message : posted) {
      if (message.channel().equals(channel)) {
        messages
            .append(messages.isEmpty() ? "" : ",")
            .append("{\"type\":\"message\",\"ts\":\"1700000000.000100\"");
        if (message.key() != null) {
          messages
              .append(",\"metadata\":{\"event_type\":\"")
              .append(SlackOutbox.EVENT_TYPE)
              .append("\",\"event_payload\":{\"key\":\"")
              .append(message.key())
              .append("\"}}");
        }
        messages.append('}');
      }
    }
    return json("{\"ok\":true,\"messages\":[" + messages + "],\"has_more\":false}");
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new HashMap<>();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** The Web API base URL to give the Slack client. */
  public String apiUrl() {
    return server.url("/api/").toString();
  }

  /** The Web API base URL for one of several processes (lower-case letters and digits). */
  public String apiUrl(String node) {
    return server.url("/" + node + "/api/").toString();
  }

  /** A response_url that this fake accepts and records under its path. */
  public String responseUrl(String name) {
    return server.url("/respond/" + name).toString();
  }

  /** The next {@code chat.postMessage} answers 429 with this Retry-After (seconds). */
  void rateLimitNextPost(int retryAfterSeconds) {
    scriptedPosts.add(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", String.valueOf(retryAfterSeconds))
            .body("{\"ok\":false,\"error\":\"ratelimited\"}")
            .build());
  }

  /** The next {@code users.info} answers 429 with this Retry-After (seconds), as Slack does. */
  void rateLimitNextUsersInfo(int retryAfterSeconds) {
    scriptedUsersInfo.add(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", String.valueOf(retryAfterSeconds))
            .body("{\"ok\":false,\"error\":\"ratelimited\"}")
            .build());
  }

  /** {@code users.info} answers only after {@link #releaseUsersInfo} (or close): Slack is slow. */
  void holdUsersInfo() {
    usersInfoHeld = new CountDownLatch(1);
  }

  void releaseUsersInfo() {
    CountDownLatch held = usersInfoHeld;
    usersInfoHeld = null;
    if (held != null) {
      held.countDown();
    }
  }

  // ---------------------------------------------------------------- refusals

  /**
   * chat.postMessage errors Slack documents for a destination it will not post to, each answered as
   * Slack answers it: HTTP 200 with {@code "ok": false}.
   */
  public static final Set<String> DOCUMENTED_REFUSALS =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "restricted_action",
          "restricted_action_read_only_channel",
          "cannot_dm_bot",
          "user_not_found",
          "messages_tab_disabled",
          "account_inactive",
          "token_revoked",
          "invalid_auth",
          "missing_scope");

  /** chat.postMessage errors Slack documents for its own trouble: HTTP 200, {@code ok} false. */
  public static final Set<String> DOCUMENTED_TROUBLE =
      Set.of("fatal_error", "internal_error", "service_unavailable", "request_timeout");

  private final Map<String, String> refusing = new ConcurrentHashMap<>();

  /**
   * From now on every chat.postMessage to this channel (or member id) is refused with this
   * documented error, as Slack refuses it, until {@link #admit}: paperbot was removed from the
   * channel, the channel was archived.
   */
  public void refusePostsTo(String channel, String error) {
    if (!DOCUMENTED_REFUSALS.contains(error)) {
      throw new IllegalArgumentException("not a refusal Slack documents: " + error);
    }
    refusing.put(channel, error);
  }

  /** Posts to the channel are taken again (paperbot was invited back). */
  public void admit(String channel) {
    refusing.remove(channel);
  }

  /**
   * conversations.info as Slack answers the bot about a channel, consistent with what a post there
   * gets: a channel refused as {@code channel_not_found} (deleted, or private without paperbot) is
   * not found; one refused as {@code is_archived} is archived; any other is a public channel
   * paperbot is in ({@code chat:write.public} lets it post in the others too).
   */
  private MockResponse conversationInfo(String channel) {
    String refusal = refusing.get(channel);
    if (channel.isBlank() || "channel_not_found".equals(refusal)) {
      return json("{\"ok\":false,\"error\":\"channel_not_found\"}");
    }
    return json(
        "{\"ok\":true,\"channel\":{\"id\":\""
            + channel
            + "\",\"name\":\"papers\",\"is_channel\":true,\"is_group\":false,\"is_im\":false,"
            + "\"is_mpim\":false,\"is_private\":false,\"is_archived\":"
            + "is_archived".equals(refusal)
            + ",\"is_general\":false,\"is_member\":true}}");
  }

  /** The next chat.postMessage answers one of Slack's documented errors for its own trouble. */
  public void troubleOnNextPost(String error) {
    if (!DOCUMENTED_TROUBLE.contains(error)) {
      throw new IllegalArgumentException("not an error Slack documents for its trouble: " + error);
    }
    scriptedPosts.add(json("{\"ok\":false,\"error\":\"" + error + "\"}"));
  }

  /** The next {@code chat.postMessage} fails with this server error. */
  void failNextPost(int status) {
    scriptedPosts.add(new MockResponse.Builder().code(status).body("upstream trouble").build());
  }

  /**
   * The next {@code chat.postMessage} is posted, but its answer is held back until {@link #close}:
   * the poster waits as if Slack were slow. Completes with the message when it arrives.
   */
  public CompletableFuture<Posted> holdNextPost() {
    CompletableFuture<Posted> hold = new CompletableFuture<>();
    holdNext = hold;
    return hold;
  }

  /** Every message posted so far, in order. */
  public List<Posted> posted() {
    return List.copyOf(posted);
  }

  /**
   * Waits (up to 60 s, generous for a busy machine) for the next request to the path; null if none
   * came.
   */
  RecordedRequest next(String path) throws InterruptedException {
    return byPath
        .computeIfAbsent(path, k -> new LinkedBlockingQueue<>())
        .poll(60, TimeUnit.SECONDS);
  }

  int count(String path) {
    return byPath.getOrDefault(path, new LinkedBlockingQueue<>()).size();
  }

  @Override
  public void close() {
    released.countDown();
    releaseUsersInfo();
    for (WebSocket socket : sockets) {
      socket.close(1000, "fake slack closing");
    }
    server.close();
  }

  // ---------------------------------------------------------------- Socket Mode

  /** The app-level token Socket Mode connects with. */
  public static final String APP_TOKEN = "xapp-1-A1-0000000000000-fakefakefakefakefakefake";

  /** Slack expects every envelope acknowledged within 3 s, or it sends it again. */
  public static final java.time.Duration ACK_DEADLINE = java.time.Duration.ofSeconds(3);

  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
  private final BlockingQueue<WebSocket> hellos = new LinkedBlockingQueue<>();
  private final Map<String, BlockingQueue<Acked>> acks = new ConcurrentHashMap<>();
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger envelopes =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile WebSocket current;

  /**
   * An acknowledgement: its payload (may be empty), whether it came within the 3 s, and how long
   * after the envelope it came (for the report of a failed assertion, never asserted itself).
   */
  public record Acked(String envelopeId, String payload, boolean inTime, long afterMillis) {}

  /**
   * {@code apps.connections.open}: only an app-level token may open a connection; the answer is a
   * single-use websocket URL.
   */
  private MockResponse connectionsOpen(RecordedRequest request) {
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.equals("Bearer " + APP_TOKEN)) {
      return json("{\"ok\":false,\"error\":\"invalid_auth\"}");
    }
    return json(
        "{\"ok\":true,\"url\":\"ws://127.0.0.1:"
            + server.getPort()
            + "/link/?ticket=t"
            + sockets.size()
            + "&app_id=A1\"}");
  }

  /** Waits for the bot to hold a Socket Mode connection that has been sent {@code hello}. */
  public void awaitConnection() throws InterruptedException {
    WebSocket socket = hellos.poll(60, TimeUnit.SECONDS);
    if (socket == null) {
      throw new IllegalStateException("the bot never opened a Socket Mode connection");
    }
    current = socket;
  }

  /** Sends an envelope on the current connection; returns its id. */
  public String sendEnvelope(String type, String payloadJson, boolean acceptsResponsePayload) {
    return sendEnvelope(
        "env-" + envelopes.incrementAndGet(), type, payloadJson, acceptsResponsePayload, 0);
  }

  /**
   * Sends an envelope again, as Slack does when it thinks one was not acknowledged: the same
   * envelope id and payload, with the attempt's number.
   */
  public String sendEnvelope(
      String id,
      String type,
      String payloadJson,
      boolean acceptsResponsePayload,
      int retryAttempt) {
    sentAt.put(id, System.nanoTime());
    current.send(
        "{\"envelope_id\":\""
            + id
            + "\",\"payload\":"
            + payloadJson
            + ",\"type\":\""
            + type
            + "\",\"accepts_response_payload\":"
            + acceptsResponsePayload
            + ",\"retry_attempt\":"
            + retryAttempt
            + ",\"retry_reason\":\""
            + (retryAttempt == 0 ? "" : "timeout")
            + "\"}");
    return id;
  }

  /** The acknowledgement of an envelope, waiting up to 60 s; null if none came. */
  public Acked ack(String envelopeId) throws InterruptedException {
    return acks.computeIfAbsent(envelopeId, k -> new LinkedBlockingQueue<>())
        .poll(60, TimeUnit.SECONDS);
  }

  /**
   * Asks the bot to reconnect, as Slack does every few hours ("refresh_requested"); the bot should
   * open a new connection and may close the old one.
   */
  public void disconnect() {
    disconnect("refresh_requested");
  }

  /**
   * A {@code disconnect} message with Slack's reason: {@code warning} (the connection will be
   * refreshed soon), {@code refresh_requested} (reconnect now) or {@code link_disabled} (Socket
   * Mode was turned off for the app).
   */
  public void disconnect(String reason) {
    current.send(
        "{\"type\":\"disconnect\",\"reason\":\""
            + reason
            + "\",\"debug_info\":{\"host\":\"applink-fake\"}}");
  }

  /** Closes the current connection from Slack's side, without a disconnect message first. */
  public void drop() {
    current.close(1001, "going away");
  }

  /** Times {@code apps.connections.open} was called. */
  public int connectionsOpened() {
    BlockingQueue<RecordedRequest> opened = byPath.get("/api/apps.connections.open");
    return opened == null ? 0 : opened.size();
  }

  /** One Socket Mode connection: hello on open, acknowledgements recorded by envelope id. */
  private final class SocketMode extends WebSocketListener {
    private static final Pattern ENVELOPE = Pattern.compile("\"envelope_id\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public void onOpen(WebSocket socket, Response response) {
      sockets.add(socket);
      socket.send(
          "{\"type\":\"hello\",\"num_connections\":"
              + sockets.size()
              + ",\"debug_info\":{\"host\":\"applink-fake\",\"approximate_connection_time\":18060},"
              + "\"connection_info\":{\"app_id\":\"A1\"}}");
      hellos.add(socket);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      Matcher id = ENVELOPE.matcher(text);
      if (!id.find()) {
        return;
      }
      Long sent = sentAt.get(id.group(1));
      long after = sent == null ? -1 : System.nanoTime() - sent;
      boolean inTime = sent != null && after <= ACK_DEADLINE.toNanos();
      acks.computeIfAbsent(id.group(1), k -> new LinkedBlockingQueue<>())
          .add(new Acked(id.group(1), text, inTime, after / 1_000_000));
    }
  }
}
