package paperbot.chat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox of each running platform; platforms register theirs as they start, and take it back
 * with the reason when the platform stops for good while paperbot goes on elsewhere.
 */
public final class Outboxes {
  private final Map<Platform, ChatOutbox> byPlatform = new EnumMap<>(Platform.class);
  private final Map<Platform, String> stopped = new EnumMap<>(Platform.class);

  public synchronized void register(Platform platform, ChatOutbox outbox) {
    byPlatform.put(platform, outbox);
    stopped.remove(platform);
  }

  /**
   * The platform stopped for good in this process (Discord refused the bot): nothing is posted
   * there until paperbot is restarted, and digests say why they were not sent.
   *
   * @param why what happened, as one line (no secrets)
   */
  public synchronized void stop(Platform platform, String why) {
    byPlatform.remove(platform);
    stopped.put(platform, why);
  }

  /** The platform's outbox, or null when that platform is not running in this process. */
  public synchronized ChatOutbox get(Platform platform) {
    return byPlatform.get(platform);
  }

  /** Why the platform stopped, when it ran in this process and stopped for good. */
  public synchronized Optional<String> whyStopped(Platform platform) {
    return Optional.ofNullable(stopped.get(platform));
  }
}
