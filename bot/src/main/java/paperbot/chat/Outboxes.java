package paperbot.chat;

import java.util.EnumMap;
import java.util.Map;

/** The outbox of each running platform; platforms register theirs as they start. */
public final class Outboxes {
  private final Map<Platform, ChatOutbox> byPlatform = new EnumMap<>(Platform.class);

  public synchronized void register(Platform platform, ChatOutbox outbox) {
    byPlatform.put(platform, outbox);
  }

  /** The platform's outbox, or null when that platform is not running in this process. */
  public synchronized ChatOutbox get(Platform platform) {
    return byPlatform.get(platform);
  }
}
