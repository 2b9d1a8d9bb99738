package paperbot.recommender.ingest;

import java.net.URI;
import java.time.LocalDate;

/** Hugging Face daily papers (JSON), which carry upvotes: the trending signal. */
public final class HfDailySource {
  public static final String DEFAULT_URL = "https://huggingface.co/api/daily_papers";

  private final PoliteHttp http;
  private final String baseUrl;

  public HfDailySource(PoliteHttp http, String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  /** The day's papers, or the latest when {@code day} is null. */
  public Fetched fetch(LocalDate day) throws InterruptedException {
    return HfDailyParser.parse(http.get(URI.create(baseUrl + (day == null ? "" : "?date=" + day))));
  }
}
