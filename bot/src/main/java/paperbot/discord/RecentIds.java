package paperbot.discord;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last ids seen, at most a given number: tells a repeat from a first delivery. */
final class RecentIds {
  private final Map<Long, Boolean> seen;

  RecentIds(int capacity) {
    this.seen =
        new LinkedHashMap<>(256, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True when the id is new (and remembers it); false when it was seen among the recent ones. */
  synchronized boolean add(long id) {
    return seen.putIfAbsent(id, Boolean.TRUE) == null;
  }
}
