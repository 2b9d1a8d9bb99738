package paperbot.recommender.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arXiv API (Atom): newest papers in the configured categories or for a query, page by page,
 * politely paced. arXiv's own error messages (a bad query, a malformed id) are shown as arXiv wrote
 * them.
 */
public final class ArxivSource implements PaperSource, PaperLookup {
  public static final String NAME = "arxiv";
  public static final String DEFAULT_URL = "http://export.arxiv.org/api/query";
  public static final List<String> DEFAULT_CATEGORIES =
      List.of("cs.LG", "cs.AI", "cs.RO", "cs.CL", "cs.CV");

  /** arXiv asks for one request every three seconds. */
  public static final Duration PACING = Duration.ofSeconds(3);

  static final int PAGE_SIZE = 100;

  /** How often a page that came empty inside the results is asked for again. */
  static final int EMPTY_PAGE_RETRIES = 3;

  private final PoliteHttp http;
  private final String baseUrl;
  private final List<String> categories;

  public ArxivSource(PoliteHttp http, String baseUrl, List<String> categories) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.categories = List.copyOf(categories);
  }

  /** The public API (or a mirror at {@code baseUrl}), paced as arXiv asks. */
  public static ArxivSource paced(String baseUrl, List<String> categories) {
    return new ArxivSource(new PoliteHttp(PACING, Duration.ofSeconds(3)), baseUrl, categories);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "the arXiv API: newest papers in the configured categories, or --query, up to --max";
  }

  @Override
  public String defaultCron() {
    // After the listing feeds (01:30): the API's newest papers fill in what the listing lacks.
    return "0 45 1 ? * MON-FRI";
  }

  @Override
  public Fetched fetch(SourceRequest request) throws InterruptedException {
    String search =
        !request.query().isBlank()
            ? request.query()
            : categories.stream().map(c -> "cat:" + c).collect(Collectors.joining(" OR "));
    int max = Math.max(1, request.max());
    Fetched fetched = Fetched.empty();
    for (int start = 0; start < max; start += PAGE_SIZE) {
      int size = Math.min(PAGE_SIZE, max - start);
      URI page =
          URI.create(
              baseUrl
                  + "?search_query="
                  + URLEncoder.encode(search, StandardCharsets.UTF_8)
                  + "&start="
                  + start
                  + "&max_results="
                  + size
                  + "&sortBy=submittedDate&sortOrder=descending");
      ArxivAtomParser.Page parsed;
      try {
        parsed = ArxivAtomParser.parse(http.get(page, request.deadline()));
        // arXiv's API now and then answers a page inside its results with no entries; asked again,
        // it sends them (the arxiv Python client retries such a page as well).
        for (int again = 0;
            again < EMPTY_PAGE_RETRIES
                && parsed.error() == null
                && unexpectedlyEmpty(parsed, start);
            again++) {
          parsed = ArxivAtomParser.parse(http.get(page, request.deadline()));
        }
      } catch (SourceException e) {
        SourceException told = withArxivMessage(e);
        if (start == 0) {
          throw told;
        }
        // Earlier pages are kept; this one is counted as broken.
        return fetched.and(Fetched.brokenPage("arxiv page at " + start + ": " + told.getMessage()));
      }
      if (parsed.error() != null) {
        String message = "arXiv refused the query: " + parsed.error();
        if (start == 0) {
          throw new SourceException(message);
        }
        return fetched.and(Fetched.brokenPage(message));
      }
      if (unexpectedlyEmpty(parsed, start)) {
        return fetched.and(
            Fetched.brokenPage(
                "arXiv sent no entries at "
                    + start
                    + " of its "
                    + parsed.totalResults()
                    + " results, "
                    + (EMPTY_PAGE_RETRIES + 1)
                    + " times; the papers before it are kept"));
      }
      fetched = fetched.and(parsed.fetched());
      request.progress().accept(fetched.papers().size() + fetched.rejected());
      boolean lastPage =
          parsed.entries() < size
              || parsed.totalResults() >= 0 && start + size >= parsed.totalResults();
      if (parsed.broken() || lastPage) {
        break;
      }
    }
    return fetched;
  }

  /** A page arXiv's total says has entries came without any: its known hiccup, not the end. */
  private static boolean unexpectedlyEmpty(ArxivAtomParser.Page parsed, int start) {
    return parsed.entries() == 0 && !parsed.broken() && parsed.totalResults() > start;
  }

  /** The papers with these ids, in one paced call ({@code id_list}, as arXiv's manual asks). */
  @Override
  public Fetched byIds(List<String> arxivIds, Deadline deadline) throws InterruptedException {
    URI call =
        URI.create(
            baseUrl
                + "?id_list="
                + URLEncoder.encode(String.join(",", arxivIds), StandardCharsets.UTF_8)
                + "&max_results="
                + arxivIds.size());
    try {
      ArxivAtomParser.Page parsed = ArxivAtomParser.parse(http.get(call, deadline));
      if (parsed.error() != null) {
        throw new SourceException("arXiv refused the ids: " + parsed.error());
      }
      return parsed.fetched();
    } catch (SourceException e) {
      throw withArxivMessage(e);
    }
  }

  /** An error answer carrying arXiv's Atom error entry says what arXiv said. */
  private static SourceException withArxivMessage(SourceException e) {
    if (e.body().isBlank()) {
      return e;
    }
    String said = ArxivAtomParser.error(e.body());
    return said == null
        ? e
        : new SourceException("arXiv refused the query: " + said, e.status(), e.body());
  }
}
