package paperbot.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Packs a button's action, owner and value into Discord's {@code custom_id} (at most 100
 * characters). Values too long to fit (a long query) are kept in a bounded in-memory table and
 * referenced by a short key; after a restart such buttons answer that they expired.
 */
final class ButtonIds {
  static final int MAX_ID = 100;
  private static final int MAX_KEPT = 20_000;
  private static final String SEPARATOR = ":";
  private static final String KEPT = "#";

  /** A decoded button: what it does, whose request made it, and its payload. */
  record Decoded(String actionId, String owner, String value) {}

  private final AtomicLong next = new AtomicLong();
  private final Map<String, String> kept =
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_KEPT;
        }
      };

  String encode(String actionId, String owner, String value) {
    String id = actionId + SEPARATOR + owner + SEPARATOR + value;
    if (id.length() <= MAX_ID && !value.startsWith(KEPT)) {
      return id;
    }
    String key = KEPT + Long.toString(next.incrementAndGet(), 36);
    synchronized (kept) {
      kept.put(key, value);
    }
    return actionId + SEPARATOR + owner + SEPARATOR + key;
  }

  Optional<Decoded> decode(String customId) {
    String[] parts = customId.split(SEPARATOR, 3);
    if (parts.length < 3) {
      return Optional.empty();
    }
    String value = parts[2];
    if (value.startsWith(KEPT)) {
      synchronized (kept) {
        value = kept.get(value);
      }
      if (value == null) {
        return Optional.empty();
      }
    }
    return Optional.of(new Decoded(parts[0], parts[1], value));
  }
}
