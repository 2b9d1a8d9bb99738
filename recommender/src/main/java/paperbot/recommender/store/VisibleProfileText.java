package paperbot.recommender.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.profile.VisibleText;
import paperbot.recommender.store.MemberTextRows.Row;

/**
 * Migration 8: the topics, muted terms and followed authors of profiles, and the topics of digests,
 * as they look ({@link VisibleText}). Typed text has been read so on its way in since the
 * thirty-third session; what was stored before may hold a zero-width space or a full-width letter,
 * which made a second "diffusion policy" that looked like the first, could not be removed by typing
 * it, and matched no paper. Topics and muted terms are also lower case, as typed ones are; authors
 * keep their case, as follows are stored as typed.
 *
 * <p>Rows of one member that become equal are merged into the earliest (its place in the list),
 * with the highest weight of them. A text that is all invisible stays as it was: it has nothing to
 * become. Nothing else changes. In SQL's own transaction on every database (SQLite, H2,
 * PostgreSQL), so a kill leaves it undone and the next start runs it again.
 */
final class VisibleProfileText extends MemberTextMigration {
  private static final Logger log = LoggerFactory.getLogger(VisibleProfileText.class);

  VisibleProfileText() {
    super("8", "visible profile text");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    int topics = rows(c, "member_topic", "topic", MemberTextRows::lowerCase, true);
    int mutes = rows(c, "member_mute", "term", MemberTextRows::lowerCase, false);
    int follows = rows(c, "member_follow", "author", VisibleText::of, false);
    int digests = digestTopics(c);
    if (topics + mutes + follows + digests > 0) {
      log.info(
          "stored profile text read as it looks topics={} mutes={} follows={} digests={}",
          topics,
          mutes,
          follows,
          digests);
    }
  }

  /**
   * Each member's texts in the column, cleaned, and those that become equal merged; the rows
   * changed or merged away.
   */
  private static int rows(
      Connection c, String table, String column, UnaryOperator<String> clean, boolean weighted)
      throws SQLException {
    Map<Long, List<Row>> changing =
        MemberTextRows.changing(
            c,
            table,
            column,
            weighted,
            text -> {
              String cleaned = clean.apply(text);
              return !cleaned.isEmpty() && !cleaned.equals(text);
            });
    int changed = 0;
    for (Map.Entry<Long, List<Row>> member : changing.entrySet()) {
      changed +=
          MemberTextRows.merge(
              c,
              table,
              column,
              weighted,
              member.getKey(),
              member.getValue(),
              text -> {
                String cleaned = clean.apply(text);
                return cleaned.isEmpty() ? text : cleaned;
              },
              (cleaned, same) -> cleaned);
    }
    return changed;
  }

  /** Each digest's topics ('|' between them) as they look, a topic that becomes another's once. */
  private static int digestTopics(Connection c) throws SQLException {
    return MemberTextRows.rewriteDigestTopics(
        c,
        stored -> {
          LinkedHashSet<String> topics = new LinkedHashSet<>();
          for (String topic : Arrays.asList(stored.split("\\|", -1))) {
            String cleaned = MemberTextRows.lowerCase(topic);
            topics.add(cleaned.isEmpty() ? topic : cleaned);
          }
          return String.join("|", topics);
        });
  }
}
