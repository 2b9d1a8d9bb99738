package paperbot.recommender.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A local HTTP server on loopback serving scripted answers per path, in order, and recording
 * requested URIs.
 */
final class FixtureServer implements AutoCloseable {
  record Answer(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
  final List<URI> requests = Collections.synchronizedList(new ArrayList<>());

  FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI());
          Deque<Answer> answers =
              script.getOrDefault(
                  exchange.getRequestURI().getPath(), new ConcurrentLinkedDeque<>());
          Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
          if (answer == null) {
            answer = new Answer(404, "not found", Map.of());
          }
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** Answers for a path, used in order; the last one repeats. */
  void script(String path, Answer... answers) {
    script.put(path, new ConcurrentLinkedDeque<>(List.of(answers)));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
