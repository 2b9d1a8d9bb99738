package paperbot.recommender.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** arXiv's daily listing feed: the day's announced papers, one RSS feed per category. */
public final class ArxivListingSource {
  public static final String DEFAULT_URL = "https://rss.arxiv.org/rss/";

  private final PoliteHttp http;
  private final String baseUrl;

  public ArxivListingSource(PoliteHttp http, String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  /**
   * Today's listing of every category (papers cross-listed in several appear once per feed; the
   * merge joins them).
   */
  public Fetched fetch(List<String> categories) throws InterruptedException {
    List<paperbot.recommender.corpus.Paper> papers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int rejected = 0;
    for (String category : categories) {
      Fetched one = ArxivListingParser.parse(http.get(URI.create(baseUrl + category)));
      papers.addAll(one.papers());
      rejected += one.rejected();
      problems.addAll(one.problems());
    }
    return new Fetched(papers, rejected, problems);
  }
}
