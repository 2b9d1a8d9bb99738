package paperbot.chat;

/**
 * Tells a platform's first delivery of something from its repeats. Slack sends an event again, with
 * the same event id, when it thinks the first delivery failed; handling it twice would answer twice
 * (a second link unfurl) or count twice (a share). The answer holds across restarts and across the
 * processes that share one database.
 */
public interface DeliveryLedger {
  /**
   * True the first time anywhere; false for a delivery already taken, by this process or another.
   *
   * @param deliveryId the platform's id for the delivery, the same on every repeat
   */
  boolean firstDelivery(Platform platform, String deliveryId);
}
