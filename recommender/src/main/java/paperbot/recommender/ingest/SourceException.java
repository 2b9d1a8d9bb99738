package paperbot.recommender.ingest;

/**
 * A paper source could not be read (after retries); nothing from the failed request was kept. When
 * the service answered with an error status, the status and its body are kept, so the source can
 * show the service's own message (arXiv sends its errors as an Atom entry).
 */
public class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  public SourceException(String message) {
    this(message, -1, "");
  }

  public SourceException(String message, int status, String body) {
    super(message);
    this.status = status;
    this.body = body == null ? "" : body;
  }

  /** The HTTP status the service answered, or -1 when it did not answer one. */
  public int status() {
    return status;
  }

  /** The body of the error answer, empty when there was none. */
  public String body() {
    return body;
  }

  /** The time allowed for the whole ingest ran out: trying again later may help. */
  public static final class TimedOut extends SourceException {
    private static final long serialVersionUID = 1L;

    /** How every such message says it, so a summary line can be recognised as one. */
    public static final String WORDING = "gave no usable answer within the";

    public TimedOut(String message) {
      super(message);
    }
  }
}
