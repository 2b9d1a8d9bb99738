package paperbot.recommender.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.profile.FoldedText;
import paperbot.recommender.store.MemberTextRows.Row;

/**
 * Migration 10: topics, muted terms and followed authors of one member that differ only by accents
 * become one, and so do a digest's topics (authors compare without case too, as {@code /follow}
 * compares them: "Müller" and "muller" are one). Since the thirty-sixth session typed text compares
 * so ({@link FoldedText}: "cafe" is "café", "Muller" is "Müller"), as search always did; what was
 * stored before may hold both, which the commands would now show and remove as one entry while
 * ranking counted it twice.
 *
 * <p>The earliest row of each keeps its spelling and its place in the list, with the highest weight
 * of them; the others go. No text is rewritten: the member's spelling stays. In SQL's own
 * transaction on every database (SQLite, H2, PostgreSQL), so a kill leaves it undone and the next
 * start runs it again.
 */
final class FoldedProfileText extends MemberTextMigration {
  private static final Logger log = LoggerFactory.getLogger(FoldedProfileText.class);

  FoldedProfileText() {
    super("10", "folded profile text");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    int topics = merge(c, "member_topic", "topic", true);
    int mutes = merge(c, "member_mute", "term", false);
    int follows = merge(c, "member_follow", "author", false);
    int digests = digestTopics(c);
    if (topics + mutes + follows + digests > 0) {
      log.info(
          "stored profile text that differs only by accents merged topics={} mutes={} follows={}"
              + " digests={}",
          topics,
          mutes,
          follows,
          digests);
    }
  }

  /**
   * The rows of each member with a text that folds (only such a member can have two that become
   * one) made one per folded text; the rows changed or merged away.
   */
  private static int merge(Connection c, String table, String column, boolean weighted)
      throws SQLException {
    Map<Long, List<Row>> folding =
        MemberTextRows.changing(
            c,
            table,
            column,
            weighted,
            text -> !FoldedText.of(text).equals(text.toLowerCase(Locale.ROOT)));
    int changed = 0;
    for (Map.Entry<Long, List<Row>> member : folding.entrySet()) {
      changed +=
          MemberTextRows.merge(
              c,
              table,
              column,
              weighted,
              member.getKey(),
              member.getValue(),
              FoldedText::of,
              (folded, same) -> accented(same));
    }
    return changed;
  }

  /**
   * The spelling with the most accents of rows that fold to one text ("café" of "cafe" and "café"),
   * the earliest of those: what the member once took care to type.
   */
  private static String accented(List<Row> same) {
    Row most = same.get(0);
    for (Row row : same) {
      if (accents(row.text()) > accents(most.text())) {
        most = row;
      }
    }
    return most.text();
  }

  /** The characters that fold to others. */
  private static int accents(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      String c = text.substring(i, i + 1);
      count += FoldedText.of(c).equals(c.toLowerCase(Locale.ROOT)) ? 0 : 1;
    }
    return count;
  }

  /** Each digest's topics ('|' between them), a topic that folds to another's once. */
  private static int digestTopics(Connection c) throws SQLException {
    return MemberTextRows.rewriteDigestTopics(
        c,
        stored -> {
          Map<String, String> topics = new LinkedHashMap<>();
          for (String topic : Arrays.asList(stored.split("\\|", -1))) {
            // In the first one's place, spelled as the one with the most accents.
            topics.merge(
                FoldedText.of(topic),
                topic,
                (one, other) -> accents(other) > accents(one) ? other : one);
          }
          return String.join("|", topics.values());
        });
  }
}
