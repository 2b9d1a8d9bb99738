package paperbot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Bolt over the JDK's HTTP server at {@code /slack/events}: parse the request the way Bolt's
 * servlet adapter does, run the app (which verifies the signature), write back its response. One
 * catch at the boundary.
 */
public final class SlackHttpServer implements AutoCloseable {
  public static final String PATH = "/slack/events";
  private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);

  /** Slack payloads are small; anything bigger is not from Slack. */
  private static final int MAX_BODY = 1 << 20;

  /**
   * Slack's rule: refuse a request whose timestamp is more than five minutes from local time, in
   * either direction, or a captured request could be replayed later. Bolt checks only the past.
   */
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private static final Response UNAUTHORIZED =
      Response.builder()
          .statusCode(401)
          .contentType("application/json")
          .body("{\"error\":\"invalid request\"}")
          .build();

  /** Slack's certificate check: a form with {@code ssl_check=1}. */
  private static final Pattern SSL_CHECK = Pattern.compile("(?:^|&)ssl_check=1(?:&|$)");

  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";

  private final HttpServer server;
  private final App app;
  private final Clock clock;
  private final SlackRequestParser parser;
  private final SlackSignature.Generator signer;
  private final ExecutorService handlers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-http-", 0).factory());

  private SlackHttpServer(HttpServer server, App app, Clock clock) {
    this.server = server;
    this.app = app;
    this.clock = clock;
    this.parser = new SlackRequestParser(app.config());
    this.signer = new SlackSignature.Generator(app.config().getSigningSecret());
  }

  /**
   * Starts listening; port 0 picks a free port (see {@link #port()}). Each request gets its own
   * virtual thread: a handler mostly waits (for the command's reply, up to the inline budget), and
   * it must never wait for a thread that the commands themselves are using, or a burst of requests
   * starves its own work and misses Slack's 3 seconds.
   */
  public static SlackHttpServer start(App app, String host, int port, Clock clock)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
    SlackHttpServer slack = new SlackHttpServer(server, app, clock);
    server.createContext(PATH, slack::handle);
    server.setExecutor(slack.handlers);
    server.start();
    return slack;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain", "POST only");
        return;
      }
      String body = readBody(exchange.getRequestBody());
      if (body == null) {
        send(exchange, 413, "text/plain", "payload too large");
        return;
      }
      Response response = run(exchange, body);
      response
          .getHeaders()
          .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
      String content = response.getBody() == null ? "" : response.getBody();
      send(exchange, response.getStatusCode(), response.getContentType(), content);
    } catch (RuntimeException e) {
      log.error("slack request failed path={}", exchange.getRequestURI().getPath(), e);
      send(exchange, 500, "text/plain", "internal error");
    }
  }

  private Response run(HttpExchange exchange, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
    // Slack's check that the URL serves a valid certificate asks nothing and is answered 200,
    // signed or not, as Bolt's own SSLCheck answers it before verifying requests.
    if (SSL_CHECK.matcher(body).find()) {
      return Response.builder().statusCode(200).body("").build();
    }
    // Then a request is authenticated before anything reads it: an unsigned body, however
    // malformed, is refused alike (401) and never reaches the parser, which logs what it cannot
    // read.
    if (outsideWindow(headers)) {
      log.info("slack request refused: timestamp more than 5 minutes from local time");
      return UNAUTHORIZED;
    }
    if (!signed(headers, body)) {
      log.info("slack request refused: missing or bad signature");
      return UNAUTHORIZED;
    }
    Optional<String> rateLimited = SlackEventsRateLimit.workspace(body);
    if (rateLimited.isPresent()) {
      // Slack's notice that it holds back this workspace's events this hour (more than 30,000):
      // acknowledged like any event, as Slack disables the subscriptions of an app that does not
      // answer 200, and told to whoever runs paperbot.
      log.warn(
          "slack is rate limiting this app's events team={}: more than 30,000 events in an hour;"
              + " events are dropped until the hour is over",
          rateLimited.get());
      return Response.builder().statusCode(200).body("").build();
    }
    Request<?> request;
    try {
      request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(exchange.getRequestURI().getPath())
                  .queryString(QueryStringParser.toMap(exchange.getRequestURI().getRawQuery()))
                  .headers(new RequestHeaders(headers))
                  .requestBody(body)
                  .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                  .build());
    } catch (RuntimeException malformed) {
      return Response.builder()
          .statusCode(400)
          .contentType("text/plain")
          .body("malformed request")
          .build();
    }
    if (request == null) {
      return Response.builder()
          .statusCode(400)
          .contentType("text/plain")
          .body("unknown request")
          .build();
    }
    String expected = expectedContentType(request.getRequestType());
    String given = headers.getOrDefault("content-type", List.of("")).get(0);
    if (!given.toLowerCase(java.util.Locale.ROOT).startsWith(expected)) {
      log.info(
          "slack request refused: type={} content_type={}",
          request.getRequestType(),
          given.isEmpty() ? "none" : given);
      return Response.builder()
          .statusCode(415)
          .contentType("text/plain")
          .body("expected " + expected)
          .build();
    }
    try {
      // An event paperbot has no use for is acknowledged by the app itself (SlackAdapter).
      return app.run(request);
    } catch (Exception e) {
      log.error("slack app failed type={}", request.getRequestType(), e);
      return Response.builder()
          .statusCode(500)
          .contentType("text/plain")
          .body("internal error")
          .build();
    }
  }

  /**
   * Slack sends events (and their URL verification) as JSON, and slash commands and interactive
   * payloads form-encoded; anything else did not come from Slack.
   */
  static String expectedContentType(RequestType type) {
    return type == RequestType.Event || type == RequestType.UrlVerification ? JSON : FORM;
  }

  /** The v0 signature Slack computes over the timestamp and the body, with the signing secret. */
  private boolean signed(Map<String, List<String>> headers, String body) {
    String timestamp = first(headers, "x-slack-request-timestamp");
    String signature = first(headers, "x-slack-signature");
    return timestamp != null
        && signature != null
        && MessageDigest.isEqual(
            signer.generate(timestamp, body).getBytes(StandardCharsets.UTF_8),
            signature.getBytes(StandardCharsets.UTF_8));
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A timestamp more than five minutes from now, either way; a missing one fails the signature. */
  private boolean outsideWindow(Map<String, List<String>> headers) {
    List<String> values = headers.get("x-slack-request-timestamp");
    if (values == null || values.isEmpty()) {
      return false;
    }
    long stamped;
    try {
      stamped = Long.parseLong(values.get(0).strip());
    } catch (NumberFormatException e) {
      return true;
    }
    return Math.abs(clock.instant().getEpochSecond() - stamped) > MAX_SKEW.toSeconds();
  }

  private static String readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    // Refuses new connections at once and waits up to 2 s for the exchanges in flight (an ack
    // waits at most the inline budget), so no acknowledgement is cut off.
    server.stop(2);
    handlers.shutdownNow();
  }
}
