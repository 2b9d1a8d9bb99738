package paperbot.recommender.ingest;

/** A paper source could not be read (after retries); nothing from the failed request was kept. */
public final class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }
}
