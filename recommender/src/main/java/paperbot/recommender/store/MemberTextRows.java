package paperbot.recommender.store;

import static paperbot.recommender.store.Sql.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import paperbot.recommender.profile.VisibleText;

/**
 * The rows of a member-text table (topics, muted terms, followed authors) as the profile-text
 * migrations read them: each member's rows in list order, for the members who have a row to change.
 * Shared by {@link VisibleProfileText} (migration 8) and {@link ListedProfileText} (migration 9).
 */
final class MemberTextRows {
  private MemberTextRows() {}

  /** A stored row: its text, and where the table has them its weight and when it was added. */
  record Row(String text, double weight, Timestamp added) {}

  /** A topic or muted term as {@code TopicText} reads one typed now. */
  static String lowerCase(String text) {
    return VisibleText.of(text).toLowerCase(Locale.ROOT);
  }

  /**
   * Each member's rows of the column, in list order (when added, where the table says), for the
   * members with a row whose text {@code changes}; the others are not kept in memory.
   */
  static Map<Long, List<Row>> changing(
      Connection c, String table, String column, boolean weighted, Predicate<String> changes)
      throws SQLException {
    Map<Long, List<Row>> changing = new LinkedHashMap<>();
    String order = weighted ? "member_id, added_at, " + column : "member_id, " + column;
    try (PreparedStatement select =
            prepare(
                c,
                "SELECT member_id, "
                    + column
                    + (weighted ? ", weight, added_at" : "")
                    + " FROM "
                    + table
                    + " ORDER BY "
                    + order);
        ResultSet rs = select.executeQuery()) {
      long member = -1;
      List<Row> rows = new ArrayList<>();
      boolean changed = false;
      while (rs.next()) {
        if (rs.getLong(1) != member) {
          if (changed) {
            changing.put(member, rows);
          }
          member = rs.getLong(1);
          rows = new ArrayList<>();
          changed = false;
        }
        Row row =
            weighted
                ? new Row(rs.getString(2), rs.getDouble(3), rs.getTimestamp(4))
                : new Row(rs.getString(2), 0, null);
        rows.add(row);
        changed |= changes.test(row.text());
      }
      if (changed) {
        changing.put(member, rows);
      }
    }
    return changing;
  }
}
