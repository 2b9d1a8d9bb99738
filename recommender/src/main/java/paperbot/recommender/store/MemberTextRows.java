package paperbot.recommender.store;

import static paperbot.recommender.store.Sql.prepare;
import static paperbot.recommender.store.Sql.update;

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
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import paperbot.recommender.profile.VisibleText;

/**
 * The rows of a member-text table (topics, muted terms, followed authors) as the profile-text
 * migrations read them: each member's rows in list order, for the members who have a row to change,
 * and rows that become one merged. Shared by {@link VisibleProfileText} (migration 8), {@link
 * ListedProfileText} (migration 9) and {@link FoldedProfileText} (migration 10).
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

  /**
   * One member's rows made one per key: the earliest row of each key keeps its place, with the
   * highest weight of them and the text {@code text} gives it (from the key and the key's rows, in
   * list order); the others are deleted. A key of one row whose text stays is left alone.
   *
   * @return the rows updated or deleted
   */
  static int merge(
      Connection c,
      String table,
      String column,
      boolean weighted,
      long member,
      List<Row> rows,
      UnaryOperator<String> key,
      BiFunction<String, List<Row>, String> text)
      throws SQLException {
    Map<String, List<Row>> byKey = new LinkedHashMap<>();
    for (Row row : rows) {
      byKey.computeIfAbsent(key.apply(row.text()), k -> new ArrayList<>()).add(row);
    }
    int changed = 0;
    String where = " WHERE member_id = ? AND " + column + " = ?";
    for (Map.Entry<String, List<Row>> same : byKey.entrySet()) {
      Row kept = same.getValue().get(0);
      String keptText = text.apply(same.getKey(), same.getValue());
      if (same.getValue().size() == 1 && kept.text().equals(keptText)) {
        continue;
      }
      // The others first: the kept row's new text may be one of theirs.
      for (Row other : same.getValue().subList(1, same.getValue().size())) {
        changed += update(c, "DELETE FROM " + table + where, member, other.text());
      }
      double weight = same.getValue().stream().mapToDouble(Row::weight).max().orElse(0);
      changed +=
          weighted
              ? update(
                  c,
                  "UPDATE " + table + " SET " + column + " = ?, weight = ?" + where,
                  keptText,
                  weight,
                  member,
                  kept.text())
              : update(
                  c,
                  "UPDATE " + table + " SET " + column + " = ?" + where,
                  keptText,
                  member,
                  kept.text());
    }
    return changed;
  }

  /**
   * Each digest subscription's topics ('|' between them) as {@code rewrite} makes them, written
   * where that changes them; the number of digests changed.
   */
  static int rewriteDigestTopics(Connection c, UnaryOperator<String> rewrite) throws SQLException {
    Map<Long, String> changed = new LinkedHashMap<>();
    try (PreparedStatement select = prepare(c, "SELECT id, topics FROM digest_subscription");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        String stored = rs.getString(2);
        String rewritten = rewrite.apply(stored);
        if (!rewritten.equals(stored)) {
          changed.put(rs.getLong(1), rewritten);
        }
      }
    }
    for (Map.Entry<Long, String> digest : changed.entrySet()) {
      update(
          c,
          "UPDATE digest_subscription SET topics = ? WHERE id = ?",
          digest.getValue(),
          digest.getKey());
    }
    return changed.size();
  }
}
