package paperbot.recommender.store;

/** A database operation failed; the change it carried was rolled back and nothing was acknowledged. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
