package paperbot.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.DeliveryLedger;
import paperbot.chat.Platform;
import paperbot.recommender.store.JdbcDeliveryClaims;
import paperbot.recommender.store.StoreException;

/**
 * The running bot's delivery ledger: each delivery is claimed in the database, so a restarted
 * process, or another process of a cluster, knows it was taken; the ids this process has seen are
 * remembered in front of the database, so a repeat that comes back here costs no database call.
 * Claims are kept for {@link #KEEP}, far longer than a platform repeats itself (Slack retries
 * within about an hour), and the older ones are deleted at most once per {@link #PRUNE_EVERY}.
 */
public final class StoredDeliveryLedger implements DeliveryLedger {
  private static final Logger log = LoggerFactory.getLogger(StoredDeliveryLedger.class);

  /** How long a claim is kept. */
  static final Duration KEEP = Duration.ofDays(1);

  /** How often this process deletes the claims older than {@link #KEEP}. */
  static final Duration PRUNE_EVERY = Duration.ofHours(1);

  /** Ids remembered in this process; far more than arrive in the hour a platform repeats one. */
  private static final int REMEMBERED = 10_000;

  private final JdbcDeliveryClaims claims;
  private final Clock clock;
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private Instant nextPrune = Instant.MIN;

  public StoredDeliveryLedger(JdbcDeliveryClaims claims, Clock clock) {
    this.claims = claims;
    this.clock = clock;
  }

  @Override
  public boolean firstDelivery(Platform platform, String deliveryId) {
    String key = platform.name() + ' ' + deliveryId;
    synchronized (seen) {
      if (seen.containsKey(key)) {
        return false;
      }
    }
    boolean first;
    try {
      first = claims.claim(platform.name(), deliveryId);
    } catch (StoreException | IllegalArgumentException e) {
      // Without the database this process's own memory answers: a repeat that reaches another
      // process may then be handled twice there, but no delivery is dropped for want of a claim.
      log.warn("delivery claim failed platform={} error={}", platform, e.toString());
      synchronized (seen) {
        return seen.put(key, Boolean.TRUE) == null;
      }
    }
    synchronized (seen) {
      seen.put(key, Boolean.TRUE);
    }
    forgetOldClaimsIfDue();
    return first;
  }

  private void forgetOldClaimsIfDue() {
    Instant now = clock.instant();
    synchronized (this) {
      if (now.isBefore(nextPrune)) {
        return;
      }
      nextPrune = now.plus(PRUNE_EVERY);
    }
    try {
      int forgotten = claims.forgetOlderThan(KEEP);
      log.debug("delivery claims forgotten count={}", forgotten);
    } catch (StoreException e) {
      log.warn("forgetting old delivery claims failed error={}", e.toString());
    }
  }
}
