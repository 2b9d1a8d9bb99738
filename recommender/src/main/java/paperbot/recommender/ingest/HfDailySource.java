package paperbot.recommender.ingest;

import java.net.URI;
import java.time.Duration;

/** Hugging Face daily papers (JSON), which carry upvotes: the trending signal. */
public final class HfDailySource implements PaperSource {
  public static final String NAME = "hf";
  public static final String DEFAULT_URL = "https://huggingface.co/api/daily_papers";

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

  /** The day's papers, or the latest when the request names no day. */
  @Override
  public Fetched fetch(SourceRequest request) throws InterruptedException {
    URI uri = URI.create(baseUrl + (request.day() == null ? "" : "?date=" + request.day()));
    String body;
    try {
      body = http.get(uri, request.deadline());
    } catch (SourceException e) {
      String said = e.body().isBlank() ? null : HfDailyParser.error(e.body());
      throw said == null
          ? e
          : new SourceException("Hugging Face refused the request: " + said, e.status(), e.body());
    }
    return HfDailyParser.parse(body);
  }
}
