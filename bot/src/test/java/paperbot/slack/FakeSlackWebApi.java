package paperbot.slack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
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

/**
 * A local Slack Web API on loopback: answers {@code auth.test}, {@code chat.postMessage}, {@code
 * conversations.open} and {@code conversations.history} like Slack (or with scripted failures),
 * accepts response_url posts, and records every request by path for assertions. Posted messages are
 * kept with their metadata, so history shows them. Several bot processes can share one fake, each
 * under its own node prefix ({@link #apiUrl(String)}), so the fake knows which process posted.
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
  private volatile CompletableFuture<Posted> holdNext;
  private final CountDownLatch released = new CountDownLatch(1);

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
            byPath.computeIfAbsent(path, k -> new LinkedBlockingQueue<>()).add(request);
            Map<String, String> form = form(request);
            return switch (path) {
              case "/api/auth.test" ->
                  json(
                      "{\"ok\":true,\"url\":\"https://paperbot-test.slack.com/\",\"team\":\"Test\","
                          + "\"user\":\"paperbot\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
              case "/api/users.info" -> {
                boolean admin = "UADMIN".equals(form.get("user"));
                yield json(
                    "{\"ok\":true,\"user\":{\"id\":\""
                        + (admin ? "UADMIN" : "U")
                        + "\",\"is_admin\":"
                        + admin
                        + ",\"is_owner\":false}}");
              }
              case "/api/chat.postMessage" -> post(node, form);
              case "/api/conversations.open" ->
                  json("{\"ok\":true,\"channel\":{\"id\":\"D" + form.get("users") + "\"}}");
              case "/api/conversations.history" -> history(form.get("channel"));
              case "/api/files.getUploadURLExternal" -> uploadUrl(form);
              case "/api/chat.unfurl" -> unfurl(form);
              case "/api/files.completeUploadExternal" -> completeUpload(form);
              default ->
                  path.startsWith("/upload/")
                      ? receiveUpload(path.substring("/upload/".length()), request)
                      : path.startsWith("/respond/")
                          ? new MockResponse.Builder().code(200).body("ok").build()
                          : new MockResponse.Builder()
                              .code(404)
                              .body("{\"ok\":false,\"error\":\"unknown_method\"}")
                              .build();
            };
          }
        });
    server.start();
  }

  private MockResponse post(String node, Map<String, String> form) throws InterruptedException {
    MockResponse scripted = scriptedPosts.poll();
    if (scripted != null) {
      return scripted;
    }
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
    server.close();
  }
}
