package paperbot.recommender.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * The arXiv API (Atom): newest papers in the configured categories or for a query, page by page,
 * politely paced.
 */
public final class ArxivSource {
  public static final String DEFAULT_URL = "http://export.arxiv.org/api/query";
  public static final List<String> DEFAULT_CATEGORIES =
      List.of("cs.LG", "cs.AI", "cs.RO", "cs.CL", "cs.CV");
  static final int PAGE_SIZE = 100;

  private final PoliteHttp http;
  private final String baseUrl;

  public ArxivSource(PoliteHttp http, String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  /**
   * @param query an arXiv search query (e.g. {@code all:diffusion}); empty for the categories
   * @param max how many entries at most
   * @param progress told the number of entries read so far, after each page
   */
  public Fetched fetch(List<String> categories, String query, int max, IntConsumer progress)
      throws InterruptedException {
    String search =
        !query.isBlank()
            ? query
            : categories.stream().map(c -> "cat:" + c).collect(Collectors.joining(" OR "));
    List<paperbot.recommender.corpus.Paper> papers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int rejected = 0;
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
      ArxivAtomParser.Page parsed = ArxivAtomParser.parse(http.get(page));
      papers.addAll(parsed.fetched().papers());
      rejected += parsed.fetched().rejected();
      problems.addAll(parsed.fetched().problems());
      progress.accept(papers.size() + rejected);
      boolean lastPage =
          parsed.entries() < size
              || parsed.totalResults() >= 0 && start + size >= parsed.totalResults();
      if (parsed.broken() || lastPage) {
        break;
      }
    }
    return new Fetched(papers, rejected, problems);
  }
}
