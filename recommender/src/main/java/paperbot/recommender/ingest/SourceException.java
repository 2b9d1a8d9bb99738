package paperbot.recommender.ingest;

/** A paper source could not be read (after retries); nothing from the failed request was kept. */
public final class SourceException extends RuntimeException {
  public SourceException(String message) {
    super(message);
  }
}
