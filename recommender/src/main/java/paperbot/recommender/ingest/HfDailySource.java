package paperbot.recommender.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import paperbot.recommender.corpus.Paper;

/** Hugging Face daily papers (JSON), which carry upvotes: the trending signal. */
public final class HfDailySource implements PaperSource {
  public static final String NAME = "hf";
  public static final String DEFAULT_URL = "https://huggingface.co/api/daily_papers";

  /** Papers asked for a page: the most the API sends. */
  static final int PAGE_SIZE = 100;

  /** Pages read for one day at most (the busiest days list about a hundred papers). */
  static final int MAX_PAGES = 5;

  private final PoliteHttp http;
  private final String baseUrl;

  public HfDailySource(PoliteHttp http, String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  /** The public API (or a mirror at {@code baseUrl}), at most a request a second. */
  public static HfDailySource paced(String baseUrl) {
    return new HfDailySource(new PoliteHttp(Duration.ofSeconds(1), Duration.ofSeconds(2)), baseUrl);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Hugging Face daily papers, with upvotes (--date for a day, else the latest)";
  }

  @Override
  public String defaultCron() {
    // Hourly: upvotes change through the day.
    return "0 7 * * * ?";
  }

  /**
   * The day's papers, or the latest when the request names no day. The API sends at most {@link
   * #PAGE_SIZE} a page ({@code limit}, 1 to 100; 50 when not asked), so a busy day is read page by
   * page ({@code p}, from 0).
   */
  @Override
  public Fetched fetch(SourceRequest request) throws InterruptedException {
    Fetched fetched = Fetched.empty();
    Set<String> seen = new HashSet<>();
    // The latest papers are one page: further pages would walk back through earlier days.
    int pages = request.day() == null ? 1 : MAX_PAGES;
    for (int page = 0; page < pages; page++) {
      URI uri =
          URI.create(
              baseUrl
                  + "?p="
                  + page
                  + "&limit="
                  + PAGE_SIZE
                  + (request.day() == null ? "" : "&date=" + request.day()));
      Fetched parsed;
      try {
        parsed = HfDailyParser.parse(http.get(uri, request.deadline()));
      } catch (SourceException e) {
        String said = e.body().isBlank() ? null : HfDailyParser.error(e.body());
        SourceException told =
            said == null
                ? e
                : new SourceException(
                    "Hugging Face refused the request: " + said, e.status(), e.body());
        if (page == 0) {
          throw told;
        }
        return fetched.and(Fetched.brokenPage("hf page " + page + ": " + told.getMessage()));
      }
      int records = parsed.papers().size() + parsed.rejected();
      List<Paper> fresh = parsed.papers().stream().filter(paper -> seen.add(paper.id())).toList();
      fetched =
          fetched.and(
              new Fetched(fresh, parsed.rejected(), parsed.brokenPages(), parsed.problems()));
      request.progress().accept(fetched.papers().size() + fetched.rejected());
      // A short page is the last; a page of nothing new means the server ignored the page number.
      if (records < PAGE_SIZE || parsed.brokenPages() > 0 || fresh.isEmpty()) {
        break;
      }
    }
    return fetched;
  }
}
