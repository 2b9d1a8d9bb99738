package paperbot.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, per member, the last query and page shown, so "more" means the next page. Bounded
 * (least recently used members are forgotten) because it only saves typing, it is not state worth
 * keeping.
 */
final class PagingMemory {
  private static final int MAX_MEMBERS = 10_000;

  private record Shown(String queryKey, String query, int page) {}

  private final Map<String, Shown> byMember =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
          return size() > MAX_MEMBERS;
        }
      };

  /** The query text to use: the given one, or the member's last query when "more" came alone. */
  synchronized String resolveQuery(String member, PapersQuery asked) {
    Shown last = byMember.get(member);
    if (asked.query().isEmpty() && asked.page() == PapersQuery.NEXT && last != null) {
      return last.query();
    }
    return asked.query();
  }

  /**
   * The page to show: explicit pages as asked, "more" as the one after the last shown for the same
   * query.
   */
  synchronized int resolvePage(String member, PapersQuery asked, String query) {
    if (asked.page() != PapersQuery.NEXT) {
      return asked.page();
    }
    Shown last = byMember.get(member);
    String key = new PapersQuery(query, 1).key();
    return last != null && last.queryKey().equals(key) ? last.page() + 1 : 2;
  }

  synchronized void remember(String member, String query, int page) {
    byMember.put(member, new Shown(new PapersQuery(query, page).key(), query, page));
  }
}
