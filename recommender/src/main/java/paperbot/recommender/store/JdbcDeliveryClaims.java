package paperbot.recommender.store;

import static paperbot.recommender.store.Sql.update;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Deliveries to be handled once however often they arrive (an event its sender retries), claimed in
 * the database that every process of an install shares: the first claim of a key inserts its row,
 * and every later claim, from this process or another, finds the primary key taken and is told no.
 * The database decides, so two processes claiming at the same instant cannot both win. Claims are
 * kept only as long as a sender may repeat itself ({@link #forgetOlderThan}).
 */
public final class JdbcDeliveryClaims {
  /** The longest source name and delivery id the table takes. */
  public static final int MAX_SOURCE_LENGTH = 32;

  public static final int MAX_ID_LENGTH = 255;

  private final Transactions transactions;
  private final Clock clock;

  public JdbcDeliveryClaims(DataSource dataSource, Clock clock) {
    this.transactions = new Transactions(dataSource);
    this.clock = clock;
  }

  /**
   * Claims one delivery, stamped with the clock's now.
   *
   * @param source who delivers (a platform), so two senders' ids never meet
   * @param deliveryId the sender's id for the delivery, the same on every repeat
   * @return true when this call claimed it; false when it had been claimed before
   * @throws IllegalArgumentException for a source or id longer than the table takes
   */
  public boolean claim(String source, String deliveryId) {
    if (source.length() > MAX_SOURCE_LENGTH || deliveryId.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a delivery id of " + deliveryId.length() + " characters is longer than a claim takes");
    }
    Timestamp now = Timestamp.from(clock.instant());
    return transactions.insertOnce(c ->
        update(
            c,
            "INSERT INTO delivery_claim (source, delivery_id, claimed_at) VALUES (?, ?, ?)",
            source,
            deliveryId,
            now));
  }

  /** Forgets the claims made more than {@code age} before the clock's now; returns how many. */
  public int forgetOlderThan(Duration age) {
    Timestamp cutoff = Timestamp.from(clock.instant().minus(age));
    return transactions.run(
        c -> update(c, "DELETE FROM delivery_claim WHERE claimed_at < ?", cutoff));
  }
}
