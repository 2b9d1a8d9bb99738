package paperbot.slack;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local Slack Web API on loopback: answers {@code auth.test} and {@code chat.postMessage} like Slack (or with
 * scripted failures), accepts response_url posts, and records every request by path for assertions.
 */
final class FakeSlackWebApi implements AutoCloseable {
  static final String BOT_TOKEN = "xoxb-0000000000-0000000000000-fakefakefakefakefakefake";

  private final MockWebServer server = new MockWebServer();
  private final Map<String, BlockingQueue<RecordedRequest>> byPath = new ConcurrentHashMap<>();
  private final Queue<MockResponse> scriptedPosts = new ConcurrentLinkedQueue<>();

  FakeSlackWebApi() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        byPath.computeIfAbsent(path, k -> new LinkedBlockingQueue<>()).add(request);
        return switch (path) {
          case "/api/auth.test" -> json("{\"ok\":true,\"url\":\"https://paperbot-test.slack.com/\",\"team\":\"Test\","
              + "\"user\":\"paperbot\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}");
          case "/api/users.info" -> {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            boolean admin = body.contains("user=UADMIN");
            yield json("{\"ok\":true,\"user\":{\"id\":\"" + (admin ? "UADMIN" : "U") + "\",\"is_admin\":" + admin
                + ",\"is_owner\":false}}");
          }
          case "/api/chat.postMessage" -> {
            MockResponse scripted = scriptedPosts.poll();
            yield scripted != null ? scripted : json("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}");
          }
          default -> path.startsWith("/respond/") ? new MockResponse.Builder().code(200).body("ok").build()
              : new MockResponse.Builder().code(404).body("{\"ok\":false,\"error\":\"unknown_method\"}").build();
        };
      }
    });
    server.start();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** The Web API base URL to give the Slack client. */
  String apiUrl() {
    return server.url("/api/").toString();
  }

  /** A response_url that this fake accepts and records under its path. */
  String responseUrl(String name) {
    return server.url("/respond/" + name).toString();
  }

  /** The next {@code chat.postMessage} answers 429 with this Retry-After (seconds). */
  void rateLimitNextPost(int retryAfterSeconds) {
    scriptedPosts.add(new MockResponse.Builder().code(429).addHeader("Retry-After", String.valueOf(retryAfterSeconds))
        .body("{\"ok\":false,\"error\":\"ratelimited\"}").build());
  }

  /** The next {@code chat.postMessage} fails with this server error. */
  void failNextPost(int status) {
    scriptedPosts.add(new MockResponse.Builder().code(status).body("upstream trouble").build());
  }

  /** Waits (up to 10 s) for the next request to the path; null if none came. */
  RecordedRequest next(String path) throws InterruptedException {
    return byPath.computeIfAbsent(path, k -> new LinkedBlockingQueue<>()).poll(10, TimeUnit.SECONDS);
  }

  int count(String path) {
    return byPath.getOrDefault(path, new LinkedBlockingQueue<>()).size();
  }

  @Override
  public void close() {
    server.close();
  }
}
