package paperbot.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arXiv API on loopback, for {@code id_list} lookups: each well-formed id gets an Atom entry
 * (as arXiv answers: versioned id, dates, title, summary, authors, categories); a malformed id gets
 * arXiv's error entry with status 400. It records the queries it was asked.
 */
public final class FakeArxiv implements AutoCloseable {
  private static final Pattern ID_LIST = Pattern.compile("(?:^|&)id_list=([^&]*)");
  private static final Pattern ARXIV_ID = Pattern.compile("\\d{4}\\.\\d{4,5}");

  private final HttpServer server;
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private volatile boolean unavailable;
  private volatile CountDownLatch held;

  public FakeArxiv() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/query",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          queries.add(query == null ? "" : query);
          CountDownLatch hold = held;
          if (hold != null) {
            try {
              hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          if (unavailable) {
            // As arXiv when it is overloaded: 503 with a Retry-After longer than a member waits.
            exchange.getResponseHeaders().set("Retry-After", "30");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
          Matcher ids = ID_LIST.matcher(query == null ? "" : query);
          StringBuilder entries = new StringBuilder();
          int status = 200;
          if (ids.find()) {
            for (String id : URLDecoder.decode(ids.group(1), StandardCharsets.UTF_8).split(",")) {
              if (!ARXIV_ID.matcher(id).matches()) {
                status = 400;
                entries.setLength(0);
                entries.append(
                    "<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_"
                        + id
                        + "</id><title>Error</title><summary>incorrect id format for "
                        + id
                        + "</summary></entry>");
                break;
              }
              entries.append(entry(id));
            }
          }
          byte[] body =
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
                      + " xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">"
                      + "<title>arXiv Query</title><opensearch:totalResults>"
                      + (status == 200 ? entries.toString().split("<entry>").length - 1 : 1)
                      + "</opensearch:totalResults>"
                      + entries
                      + "</feed>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /**
   * For a static field of a test class (the bot's settings need its URL before the test starts).
   */
  public static FakeArxiv startQuietly() {
    try {
      return new FakeArxiv();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The title the fake gives a paper: what a test searches for. */
  public static String title(String id) {
    return "Quokka hopping policies number " + id.replace('.', ' ');
  }

  private static String entry(String id) {
    return "<entry><id>http://arxiv.org/abs/"
        + id
        + "v2</id><updated>2026-11-20T18:00:00Z</updated><published>2026-11-02T18:00:00Z</published>"
        + "<title>"
        + title(id)
        + "</title><summary>We teach a quokka robot to hop with diffusion policies.</summary>"
        + "<author><name>Zoë Ørsted</name></author><author><name>Ana Li</name></author>"
        + "<arxiv:primary_category xmlns:arxiv=\"http://arxiv.org/schemas/atom\" term=\"cs.RO\"/>"
        + "<category term=\"cs.RO\" scheme=\"http://arxiv.org/schemas/atom\"/>"
        + "<category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/></entry>";
  }

  /** Settings that point the bot's arXiv source here. */
  public Map<String, String> env() {
    return Map.of(
        "PAPERBOT_ARXIV_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/query");
  }

  /** From now on every request is answered 503 (Retry-After 30 s), or answered again. */
  public void unavailable(boolean down) {
    unavailable = down;
  }

  /** Requests are answered only after {@link #release} (or close): arXiv is slow. */
  public void hold() {
    held = new CountDownLatch(1);
  }

  public void release() {
    CountDownLatch hold = held;
    held = null;
    if (hold != null) {
      hold.countDown();
    }
  }

  public List<String> queries() {
    return List.copyOf(queries);
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
