package paperbot.recommender.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** arXiv's daily listing feed: the day's announced papers, one RSS feed per category. */
public final class ArxivListingSource implements PaperSource {
  public static final String NAME = "listing";
  public static final String DEFAULT_URL = "https://rss.arxiv.org/rss/";

  private final PoliteHttp http;
  private final String baseUrl;
  private final List<String> categories;

  public ArxivListingSource(PoliteHttp http, String baseUrl, List<String> categories) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.categories = List.copyOf(categories);
  }

  /** The public feeds (or a mirror at {@code baseUrl}), paced like the arXiv API. */
  public static ArxivListingSource paced(String baseUrl, List<String> categories) {
    return new ArxivListingSource(
        new PoliteHttp(ArxivSource.PACING, Duration.ofSeconds(3)), baseUrl, categories);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "arXiv's daily listing feeds (RSS) of the configured categories";
  }

  @Override
  public String defaultCron() {
    // arXiv announces around 20:00 US Eastern Sunday to Thursday, i.e. about 01:00 UTC the next
    // day.
    return "0 30 1 ? * MON-FRI";
  }

  /**
   * Today's listing of every category. A paper cross-listed in several feeds appears once per feed;
   * the corpus update folds them into one. A feed that fails after others came is counted as a
   * broken page and the others are kept.
   */
  @Override
  public Fetched fetch(SourceRequest request) throws InterruptedException {
    Fetched fetched = Fetched.empty();
    for (String category : categories) {
      try {
        fetched =
            fetched.and(
                ArxivListingParser.parse(
                    http.get(URI.create(baseUrl + category), request.deadline())));
      } catch (SourceException e) {
        if (fetched.papers().isEmpty() && fetched.rejected() == 0) {
          throw e;
        }
        return fetched.and(Fetched.brokenPage("arxiv listing " + category + ": " + e.getMessage()));
      }
      request.progress().accept(fetched.papers().size() + fetched.rejected());
    }
    return fetched;
  }
}
