package paperbot.recommender.store;

import static paperbot.recommender.store.Sql.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.profile.VisibleText;
import paperbot.recommender.store.MemberTextRows.Row;

/**
 * Migration 9: a topic, muted term or followed author stored with a comma or semicolon in it
 * becomes one row per item. Before {@code /topics add}, {@code /follow} and {@code /topics mute}
 * read such text as a list, they stored it whole ("offline rl, world models" as one topic, "Sergey
 * Levine, Chelsea Finn" as one author); since then the same text typed to remove it is read as a
 * list of items the member does not have, so the row could not be removed, and a followed "author"
 * of two names matched no paper. Now each item is a row, as if typed today, and typing the text
 * again removes them all.
 *
 * <p>Items are trimmed, runs of spaces made one, and read as migration 8 reads text ({@link
 * VisibleText}, topics and terms in lower case). An item that becomes a row the member has already
 * is merged into the earlier one, which keeps its place with the higher weight; a topic's items
 * keep its weight and the time it was added. A text with no item (separators only) stays. Digest
 * topics were always read as a list. In SQL's own transaction on every database, so a kill leaves
 * it undone and the next start runs it again.
 */
final class ListedProfileText extends MemberTextMigration {
  private static final Logger log = LoggerFactory.getLogger(ListedProfileText.class);

  /** What separates the items of a typed list. */
  private static final Pattern SEPARATOR = Pattern.compile("[,;]");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  ListedProfileText() {
    super("9", "listed profile text");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    int topics = split(c, "member_topic", "topic", MemberTextRows::lowerCase, true);
    int mutes = split(c, "member_mute", "term", MemberTextRows::lowerCase, false);
    int follows = split(c, "member_follow", "author", VisibleText::of, false);
    if (topics + mutes + follows > 0) {
      log.info(
          "stored profile lists read as one row per item topics={} mutes={} follows={}",
          topics,
          mutes,
          follows);
    }
  }

  /** The items of a typed list, each as it is read now; empty when the text has none. */
  static List<String> items(String text, UnaryOperator<String> read) {
    List<String> items = new ArrayList<>();
    for (String part : SEPARATOR.split(text, -1)) {
      String item = read.apply(SPACES.matcher(part.strip()).replaceAll(" "));
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    return items;
  }

  /** Rewrites the members who have a row with a list in it; returns the rows written. */
  private static int split(
      Connection c, String table, String column, UnaryOperator<String> read, boolean weighted)
      throws SQLException {
    Map<Long, List<Row>> listing =
        MemberTextRows.changing(
            c,
            table,
            column,
            weighted,
            text -> SEPARATOR.matcher(text).find() && !items(text, read).isEmpty());
    int written = 0;
    for (Map.Entry<Long, List<Row>> member : listing.entrySet()) {
      written += rewrite(c, table, column, read, weighted, member.getKey(), member.getValue());
    }
    return written;
  }

  /** One member's rows replaced by their items, in order, each once with its highest weight. */
  private static int rewrite(
      Connection c,
      String table,
      String column,
      UnaryOperator<String> read,
      boolean weighted,
      long member,
      List<Row> rows)
      throws SQLException {
    Map<String, Row> items = new LinkedHashMap<>();
    for (Row row : rows) {
      List<String> texts = SEPARATOR.matcher(row.text()).find() ? items(row.text(), read) : null;
      for (String text : texts == null || texts.isEmpty() ? List.of(row.text()) : texts) {
        items.merge(
            text,
            new Row(text, row.weight(), row.added()),
            (earlier, later) ->
                new Row(text, Math.max(earlier.weight(), later.weight()), earlier.added()));
      }
    }
    update(c, "DELETE FROM " + table + " WHERE member_id = ?", member);
    int written = 0;
    for (Row item : items.values()) {
      written +=
          weighted
              ? update(
                  c,
                  "INSERT INTO "
                      + table
                      + " (member_id, "
                      + column
                      + ", weight, added_at) VALUES (?, ?, ?, ?)",
                  member,
                  item.text(),
                  item.weight(),
                  item.added())
              : update(
                  c,
                  "INSERT INTO " + table + " (member_id, " + column + ") VALUES (?, ?)",
                  member,
                  item.text());
    }
    return written;
  }
}
