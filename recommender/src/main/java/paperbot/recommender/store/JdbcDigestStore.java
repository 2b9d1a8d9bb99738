package paperbot.recommender.store;

import static paperbot.recommender.store.Sql.prepare;
import static paperbot.recommender.store.Sql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import paperbot.recommender.digest.DigestStore;
import paperbot.recommender.digest.RefusedRun;
import paperbot.recommender.digest.Subscription;

/**
 * Digest subscriptions, sent-log and run claims in SQL (SQLite, PostgreSQL or H2, same statements).
 */
public final class JdbcDigestStore implements DigestStore {
  private static final String COLUMNS =
      "id, platform, workspace, destination, kind, owner_user, local_time, zone_id, "
          + "days, topics, size, last_run_at";

  private final Transactions transactions;
  private final Clock clock;

  public JdbcDigestStore(DataSource dataSource, Clock clock) {
    this.transactions = new Transactions(dataSource);
    this.clock = clock;
  }

  @Override
  public Subscription save(Subscription s) {
    return transactions.run(c -> {
      Object[] values = {
        s.kind().name(),
        s.owner(),
        s.at().toString(),
        s.zone().getId(),
        days(s.days()),
        String.join("|", s.topics()),
        s.size(),
        s.platform(),
        s.workspace(),
        s.destination()
      };
      int updated =
          update(
              c,
              "UPDATE digest_subscription SET kind = ?, owner_user = ?, local_time = ?, zone_id = ?, "
                  + "days = ?, topics = ?, size = ? WHERE platform = ? AND workspace = ? AND destination = ? AND kind = ?",
              append(values, s.kind().name()));
      if (updated == 0) {
        update(
            c,
            "INSERT INTO digest_subscription (kind, owner_user, local_time, zone_id, days, topics, size, "
                + "platform, workspace, destination, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            append(values, Timestamp.from(clock.instant())));
      }
      return one(
              c,
              "WHERE platform = ? AND workspace = ? AND destination = ? AND kind = ?",
              s.platform(),
              s.workspace(),
              s.destination(),
              s.kind().name())
          .orElseThrow();
    });
  }

  @Override
  public Optional<Subscription> find(long id) {
    return transactions.read(c -> one(c, "WHERE id = ?", id));
  }

  @Override
  public Optional<Subscription> find(
      String platform, String workspace, String destination, Subscription.Kind kind) {
    return transactions.read(c ->
        one(
            c,
            "WHERE platform = ? AND workspace = ? AND destination = ? AND kind = ?",
            platform,
            workspace,
            destination,
            kind.name()));
  }

  @Override
  public List<Subscription> all() {
    return transactions.read(c -> many(c, "ORDER BY id"));
  }

  @Override
  public List<Subscription> inWorkspace(String platform, String workspace) {
    return transactions.read(
        c -> many(c, "WHERE platform = ? AND workspace = ? ORDER BY id", platform, workspace));
  }

  @Override
  public boolean delete(long id) {
    return transactions.run(c -> update(c, "DELETE FROM digest_subscription WHERE id = ?", id) > 0);
  }

  @Override
  public Set<String> sent(Subscription s) {
    return transactions.read(c -> {
      Set<String> ids = new HashSet<>();
      try (PreparedStatement st =
              prepare(
                  c,
                  "SELECT paper_id FROM digest_sent WHERE platform = ? AND workspace = ? "
                      + "AND destination = ?",
                  s.platform(),
                  s.workspace(),
                  s.destination());
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    });
  }

  @Override
  public boolean claimRun(long subscriptionId, LocalDate day, Instant now) {
    try {
      return transactions.run(c ->
          update(
                  c,
                  "INSERT INTO digest_run (subscription_id, run_day, started_at, outcome) "
                      + "VALUES (?, ?, ?, ?)",
                  subscriptionId,
                  day.toString(),
                  Timestamp.from(now),
                  "RUNNING")
              == 1);
    } catch (StoreException e) {
      // The primary key (subscription, day) refused a second claim for the same day.
      if (e.getCause() instanceof SQLException sql && SqlDialect.isUniqueViolation(sql)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean resumeRun(long subscriptionId, LocalDate day, Instant now, Instant startedBefore) {
    // One conditional update: of two processes resuming the same run, the second finds started_at
    // moved on.
    return transactions.run(c ->
        update(
                c,
                "UPDATE digest_run SET started_at = ? WHERE subscription_id = ? AND "
                    + "run_day = ? AND outcome = 'RUNNING' AND started_at < ?",
                Timestamp.from(now),
                subscriptionId,
                day.toString(),
                Timestamp.from(startedBefore))
            == 1);
  }

  @Override
  public void recordSent(
      Subscription s, LocalDate day, Collection<String> paperIds, String outcome, Instant now) {
    transactions.run(c -> {
      for (String paperId : paperIds) {
        try (PreparedStatement st =
                prepare(
                    c,
                    "SELECT 1 FROM digest_sent WHERE platform = ? AND workspace = ? AND "
                        + "destination = ? AND paper_id = ?",
                    s.platform(),
                    s.workspace(),
                    s.destination(),
                    paperId);
            ResultSet rs = st.executeQuery()) {
          if (rs.next()) {
            continue;
          }
        }
        update(
            c,
            "INSERT INTO digest_sent (platform, workspace, destination, paper_id, sent_at) VALUES (?, ?, ?, ?, ?)",
            s.platform(),
            s.workspace(),
            s.destination(),
            paperId,
            Timestamp.from(now));
      }
      // A run posted after a refusal the same day (/digest now once paperbot was invited) is no
      // longer refused.
      update(
          c,
          "UPDATE digest_run SET outcome = ?, refusal_code = NULL, refusal_reason = NULL"
              + " WHERE subscription_id = ? AND run_day = ?",
          outcome,
          s.id(),
          day.toString());
      update(
          c,
          "UPDATE digest_subscription SET last_run_at = ? WHERE id = ?",
          Timestamp.from(now),
          s.id());
      return null;
    });
  }

  @Override
  public void releaseRun(long subscriptionId, LocalDate day) {
    transactions.run(c ->
        update(
            c,
            "DELETE FROM digest_run WHERE subscription_id = ? AND run_day = ?",
            subscriptionId,
            day.toString()));
  }

  /** The widths of the refusal's columns; the platforms' codes and sentences are far shorter. */
  private static final int CODE_WIDTH = 64;

  private static final int REASON_WIDTH = 500;

  @Override
  public void recordRefused(long subscriptionId, LocalDate day, String code, String reason) {
    transactions.run(c ->
        update(
            c,
            "UPDATE digest_run SET outcome = 'REFUSED', refusal_code = ?, refusal_reason = ?"
                + " WHERE subscription_id = ? AND run_day = ?",
            cut(code, CODE_WIDTH),
            cut(reason, REASON_WIDTH),
            subscriptionId,
            day.toString()));
  }

  @Override
  public Optional<RefusedRun> lastRefused(long subscriptionId) {
    // Days are ISO dates, so their text sorts as they do.
    return transactions.read(c -> {
      try (PreparedStatement st =
              prepare(
                  c,
                  "SELECT run_day, outcome, refusal_code, refusal_reason FROM digest_run"
                      + " WHERE subscription_id = ? AND outcome <> 'RUNNING'"
                      + " ORDER BY run_day DESC LIMIT 1",
                  subscriptionId);
          ResultSet rs = st.executeQuery()) {
        if (!rs.next() || !"REFUSED".equals(rs.getString(2))) {
          return Optional.empty();
        }
        return Optional.of(
            new RefusedRun(LocalDate.parse(rs.getString(1)), rs.getString(3), rs.getString(4)));
      }
    });
  }

  // ---- helpers

  private static Optional<Subscription> one(Connection c, String where, Object... params)
      throws SQLException {
    List<Subscription> found = many(c, where, params);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Subscription> many(Connection c, String where, Object... params)
      throws SQLException {
    List<Subscription> found = new ArrayList<>();
    try (PreparedStatement st =
            prepare(c, "SELECT " + COLUMNS + " FROM digest_subscription " + where, params);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        Timestamp last = rs.getTimestamp(12);
        String topics = rs.getString(10);
        found.add(
            new Subscription(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Subscription.Kind.valueOf(rs.getString(5)),
                rs.getString(6),
                LocalTime.parse(rs.getString(7)),
                ZoneId.of(rs.getString(8)),
                parseDays(rs.getString(9)),
                topics.isEmpty() ? List.of() : Arrays.asList(topics.split("\\|")),
                rs.getInt(11),
                last == null ? null : last.toInstant()));
      }
    }
    return found;
  }

  private static String days(Set<DayOfWeek> days) {
    return days.stream()
        .sorted()
        .map(d -> d.name().substring(0, 3))
        .collect(Collectors.joining(","));
  }

  private static Set<DayOfWeek> parseDays(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : text.split(",")) {
      for (DayOfWeek candidate : DayOfWeek.values()) {
        if (candidate.name().startsWith(day)) {
          days.add(candidate);
        }
      }
    }
    return days;
  }

  private static String cut(String text, int width) {
    return text.length() > width ? text.substring(0, width) : text;
  }

  private static Object[] append(Object[] values, Object last) {
    Object[] all = Arrays.copyOf(values, values.length + 1);
    all[values.length] = last;
    return all;
  }
}
