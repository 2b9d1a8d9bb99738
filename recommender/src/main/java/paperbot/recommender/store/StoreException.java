package paperbot.recommender.store;

/**
 * A database operation failed; the change it carried was rolled back and nothing was acknowledged.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
