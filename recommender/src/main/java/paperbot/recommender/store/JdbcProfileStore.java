package paperbot.recommender.store;

import static paperbot.recommender.store.Sql.prepare;
import static paperbot.recommender.store.Sql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;

/**
 * Profiles in SQL (SQLite, PostgreSQL or H2, same statements). Each mutation first locks the
 * member's row ({@code SELECT ... FOR UPDATE}; on SQLite the transaction holds the database's write
 * lock from BEGIN), so one member's concurrent commands run one after another and no update is
 * lost.
 */
public final class JdbcProfileStore implements ProfileStore {
  /**
   * Learned term weights stay within this bound, so feedback nudges a profile without drowning its
   * topics.
   */
  static final double LEARNED_LIMIT = 2.0;

  /**
   * Learned terms kept per member, heaviest first: a like teaches up to 100, so this holds a taste
   * of many likes, and 10,000 members stay at a few million small rows.
   */
  static final int LEARNED_TERMS_KEPT = 500;

  private final Transactions transactions;
  private final Clock clock;

  public JdbcProfileStore(DataSource dataSource, Clock clock) {
    this.transactions = new Transactions(dataSource);
    this.clock = clock;
  }

  @Override
  public InterestProfile load(MemberKey member) {
    return transactions.read(c -> {
      Optional<Long> id = findMember(c, member, false);
      if (id.isEmpty()) {
        return InterestProfile.empty();
      }
      long m = id.get();
      Map<String, Double> topics = new LinkedHashMap<>();
      query(
          c,
          "SELECT topic, weight FROM member_topic WHERE member_id = ? ORDER BY added_at, topic",
          m,
          rs -> topics.put(rs.getString(1), rs.getDouble(2)));
      Map<String, Double> learned = new HashMap<>();
      query(
          c,
          "SELECT term, weight FROM member_learned_term WHERE member_id = ?",
          m,
          rs -> learned.put(rs.getString(1), rs.getDouble(2)));
      Set<String> disliked = new HashSet<>();
      List<String> saved = new ArrayList<>();
      List<String> liked = new ArrayList<>();
      query(
          c,
          "SELECT paper_id, kind FROM member_feedback WHERE member_id = ? ORDER BY at DESC, paper_id",
          m,
          rs -> {
            if (Feedback.LIKE.name().equals(rs.getString(2))) {
              liked.add(rs.getString(1));
            } else if (Feedback.DISLIKE.name().equals(rs.getString(2))) {
              disliked.add(rs.getString(1));
            } else if (Feedback.SAVE.name().equals(rs.getString(2))) {
              saved.add(rs.getString(1));
            }
          });
      return new InterestProfile(
          topics,
          strings(c, "SELECT term FROM member_mute WHERE member_id = ? ORDER BY term", m),
          learned,
          strings(c, "SELECT author FROM member_follow WHERE member_id = ? ORDER BY author", m),
          new HashSet<>(strings(c, "SELECT paper_id FROM member_seen WHERE member_id = ?", m)),
          disliked,
          saved,
          liked);
    });
  }

  @Override
  public boolean addTopic(MemberKey member, String topic, double weight) {
    return inMember(
        member,
        (c, m) -> {
          if (update(
                  c,
                  "UPDATE member_topic SET weight = ? WHERE member_id = ? AND topic = ?",
                  weight,
                  m,
                  topic)
              > 0) {
            return false;
          }
          update(
              c,
              "INSERT INTO member_topic (member_id, topic, weight, added_at) VALUES (?, ?, ?, ?)",
              m,
              topic,
              weight,
              now());
          return true;
        });
  }

  @Override
  public boolean removeTopic(MemberKey member, String topic) {
    return inMember(
        member,
        (c, m) ->
            update(c, "DELETE FROM member_topic WHERE member_id = ? AND topic = ?", m, topic) > 0);
  }

  @Override
  public int clearTopics(MemberKey member) {
    return inMember(member, (c, m) -> update(c, "DELETE FROM member_topic WHERE member_id = ?", m));
  }

  @Override
  public boolean mute(MemberKey member, String term) {
    return inMember(member, (c, m) -> insertIfAbsent(c, "member_mute", "term", m, term));
  }

  @Override
  public boolean unmute(MemberKey member, String term) {
    return inMember(
        member,
        (c, m) ->
            update(c, "DELETE FROM member_mute WHERE member_id = ? AND term = ?", m, term) > 0);
  }

  @Override
  public boolean follow(MemberKey member, String author) {
    return inMember(member, (c, m) -> insertIfAbsent(c, "member_follow", "author", m, author));
  }

  @Override
  public boolean unfollow(MemberKey member, String author) {
    return inMember(
        member,
        (c, m) ->
            update(c, "DELETE FROM member_follow WHERE member_id = ? AND author = ?", m, author)
                > 0);
  }

  @Override
  public Optional<Feedback> recordFeedback(
      MemberKey member, String paperId, Feedback feedback, Map<String, Double> termDeltas) {
    return inMember(
        member,
        (c, m) -> {
          String before = feedback == Feedback.SAVE ? saved(c, m, paperId) : verdict(c, m, paperId);
          if (feedback.name().equals(before)) {
            // A repeat: the paper already counts once in the model, and its time stays.
            return Optional.of(feedback);
          }
          if (before != null) {
            // A like replaces an earlier dislike of the same paper and the other way round.
            update(
                c,
                "DELETE FROM member_feedback WHERE member_id = ? AND paper_id = ? AND kind = ?",
                m,
                paperId,
                before);
          }
          update(
              c,
              "INSERT INTO member_feedback (member_id, paper_id, kind, at) VALUES (?, ?, ?, ?)",
              m,
              paperId,
              feedback.name(),
              now());
          // The paper's words count once in the model: a change of mind also undoes the earlier
          // verdict (its deltas, negated).
          double times = before == null ? 1 : 2;
          if (feedback != Feedback.SAVE && !termDeltas.isEmpty()) {
            for (Map.Entry<String, Double> delta : termDeltas.entrySet()) {
              addLearned(c, m, delta.getKey(), times * delta.getValue());
            }
            // The model keeps its heaviest terms: a member's rows stay bounded however many likes.
            update(
                c,
                "DELETE FROM member_learned_term WHERE member_id = ? AND term NOT IN ("
                    + "SELECT term FROM member_learned_term WHERE member_id = ? "
                    + "ORDER BY ABS(weight) DESC, term LIMIT ?)",
                m,
                m,
                LEARNED_TERMS_KEPT);
          }
          return Optional.ofNullable(before).map(Feedback::valueOf);
        });
  }

  @Override
  public boolean unsave(MemberKey member, String paperId) {
    return inKnownMember(
        member,
        false,
        (c, m) ->
            update(
                    c,
                    "DELETE FROM member_feedback WHERE member_id = ? AND paper_id = ? AND kind = ?",
                    m,
                    paperId,
                    Feedback.SAVE.name())
                > 0);
  }

  @Override
  public Optional<Feedback> clearVerdict(
      MemberKey member, String paperId, Map<String, Double> likeTerms) {
    return inKnownMember(
        member,
        Optional.empty(),
        (c, m) -> {
          String before = verdict(c, m, paperId);
          if (before == null) {
            return Optional.empty();
          }
          update(
              c,
              "DELETE FROM member_feedback WHERE member_id = ? AND paper_id = ? AND kind = ?",
              m,
              paperId,
              before);
          double sign = Feedback.LIKE.name().equals(before) ? -1 : 1;
          for (Map.Entry<String, Double> term : likeTerms.entrySet()) {
            takeBackLearned(c, m, term.getKey(), sign * term.getValue());
          }
          return Optional.of(Feedback.valueOf(before));
        });
  }

  @Override
  public void markSeen(MemberKey member, Collection<String> paperIds) {
    if (paperIds.isEmpty()) {
      return;
    }
    inMember(
        member,
        (c, m) -> {
          for (String paperId : paperIds) {
            if (update(
                    c,
                    "UPDATE member_seen SET at = ? WHERE member_id = ? AND paper_id = ?",
                    now(),
                    m,
                    paperId)
                == 0) {
              update(
                  c,
                  "INSERT INTO member_seen (member_id, paper_id, at) VALUES (?, ?, ?)",
                  m,
                  paperId,
                  now());
            }
          }
          return null;
        });
  }

  @Override
  public boolean setDigestMentions(MemberKey member, boolean mentioned) {
    return inMember(
        member,
        (c, m) -> {
          update(c, "DELETE FROM member_digest_mention WHERE member_id = ?", m);
          if (mentioned) {
            update(c, "INSERT INTO member_digest_mention (member_id) VALUES (?)", m);
          }
          return mentioned;
        });
  }

  @Override
  public List<MemberKey> mentionable(String platform, String workspace) {
    return transactions.read(c -> {
      List<MemberKey> members = new ArrayList<>();
      try (PreparedStatement s =
              prepare(
                  c,
                  "SELECT m.user_id FROM member m JOIN member_digest_mention d "
                      + "ON d.member_id = m.id WHERE m.platform = ? AND m.workspace = ? ORDER BY m.user_id",
                  platform,
                  workspace);
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          members.add(new MemberKey(platform, workspace, rs.getString(1)));
        }
      }
      return members;
    });
  }

  @Override
  public void recordShare(String platform, String workspace, String channel, String paperId) {
    transactions.run(c ->
        update(
            c,
            "INSERT INTO channel_share (platform, workspace, channel, paper_id, shared_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            platform,
            workspace,
            channel,
            paperId,
            now()));
  }

  @Override
  public List<Map.Entry<String, Integer>> mostLiked(
      String platform, String workspace, Instant since, int limit) {
    return transactions.read(c -> {
      List<Map.Entry<String, Integer>> papers = new ArrayList<>();
      try (PreparedStatement s =
              prepare(
                  c,
                  "SELECT paper_id, COUNT(*) AS n FROM ("
                      + "SELECT f.paper_id FROM member_feedback f JOIN member m ON f.member_id = m.id"
                      + " WHERE m.platform = ? AND m.workspace = ? AND f.kind IN (?, ?) AND f.at >= ?"
                      + " UNION ALL SELECT s.paper_id FROM channel_share s"
                      + " WHERE s.platform = ? AND s.workspace = ? AND s.shared_at >= ?"
                      + ") votes GROUP BY paper_id ORDER BY n DESC, paper_id",
                  platform,
                  workspace,
                  Feedback.LIKE.name(),
                  Feedback.SAVE.name(),
                  Timestamp.from(since),
                  platform,
                  workspace,
                  Timestamp.from(since));
          ResultSet rs = s.executeQuery()) {
        while (rs.next() && papers.size() < limit) {
          papers.add(Map.entry(rs.getString(1), rs.getInt(2)));
        }
      }
      return papers;
    });
  }

  // ---- helpers

  private interface MemberWork<T> {
    T apply(Connection connection, long memberId) throws SQLException;
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /**
   * Runs work in one transaction holding the member's row lock (creating the member on first use).
   */
  private <T> T inMember(MemberKey member, MemberWork<T> work) {
    return transactions.run(c -> work.apply(c, findMember(c, member, true).orElseThrow()));
  }

  private Optional<Long> findMember(Connection c, MemberKey member, boolean lockOrCreate)
      throws SQLException {
    String select =
        "SELECT id FROM member WHERE platform = ? AND workspace = ? AND user_id = ?"
            + (lockOrCreate ? transactions.dialect().forUpdate() : "");
    try (PreparedStatement s =
            prepare(c, select, member.platform(), member.workspace(), member.user());
        ResultSet rs = s.executeQuery()) {
      if (rs.next()) {
        return Optional.of(rs.getLong(1));
      }
    }
    if (!lockOrCreate) {
      return Optional.empty();
    }
    // Two first commands of a new member may race here; the loser gets a unique violation and is
    // retried.
    update(
        c,
        "INSERT INTO member (platform, workspace, user_id, created_at) VALUES (?, ?, ?, ?)",
        member.platform(),
        member.workspace(),
        member.user(),
        now());
    return findMember(c, member, true);
  }

  /**
   * Runs work in one transaction holding the member's row lock, or returns {@code absent} when the
   * member has no row: taking something back from a member paperbot never saw stores nothing.
   */
  private <T> T inKnownMember(MemberKey member, T absent, MemberWork<T> work) {
    return transactions.run(c -> {
      if (findMember(c, member, false).isEmpty()) {
        return absent;
      }
      return work.apply(c, findMember(c, member, true).orElseThrow());
    });
  }

  /** {@code SAVE} when the member saved the paper, else null. */
  private static String saved(Connection c, long m, String paperId) throws SQLException {
    try (PreparedStatement s =
            prepare(
                c,
                "SELECT kind FROM member_feedback WHERE member_id = ? AND paper_id = ? AND kind = ?",
                m,
                paperId,
                Feedback.SAVE.name());
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The member's like or dislike of the paper (the kind's name), or null. */
  private static String verdict(Connection c, long m, String paperId) throws SQLException {
    try (PreparedStatement s =
            prepare(
                c,
                "SELECT kind FROM member_feedback WHERE member_id = ? AND paper_id = ?"
                    + " AND kind IN (?, ?)",
                m,
                paperId,
                Feedback.LIKE.name(),
                Feedback.DISLIKE.name());
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The member's learned weight of a term, or null when the model does not keep it. */
  private static Double learnedWeight(Connection c, long m, String term) throws SQLException {
    try (PreparedStatement s =
            prepare(
                c,
                "SELECT weight FROM member_learned_term WHERE member_id = ? AND term = ?",
                m,
                term);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getDouble(1) : null;
    }
  }

  /**
   * Adds to a learned weight within the limit; clamped here, not in SQL (SQLite has no LEAST or
   * GREATEST).
   */
  private void addLearned(Connection c, long m, String term, double delta) throws SQLException {
    Double current = learnedWeight(c, m, term);
    double weight =
        Math.max(-LEARNED_LIMIT, Math.min(LEARNED_LIMIT, (current == null ? 0 : current) + delta));
    if (current == null) {
      update(
          c,
          "INSERT INTO member_learned_term (member_id, term, weight) VALUES (?, ?, ?)",
          m,
          term,
          weight);
    } else {
      update(
          c,
          "UPDATE member_learned_term SET weight = ? WHERE member_id = ? AND term = ?",
          weight,
          m,
          term);
    }
  }

  /**
   * Takes a verdict's weight back from a learned term the model still keeps; a term that ends at
   * nothing is dropped, so a like and its undoing leave the model as it was.
   */
  private static void takeBackLearned(Connection c, long m, String term, double delta)
      throws SQLException {
    Double current = learnedWeight(c, m, term);
    if (current == null) {
      return;
    }
    double weight = Math.max(-LEARNED_LIMIT, Math.min(LEARNED_LIMIT, current + delta));
    if (Math.abs(weight) < 1e-9) {
      update(c, "DELETE FROM member_learned_term WHERE member_id = ? AND term = ?", m, term);
    } else {
      update(
          c,
          "UPDATE member_learned_term SET weight = ? WHERE member_id = ? AND term = ?",
          weight,
          m,
          term);
    }
  }

  private static boolean insertIfAbsent(
      Connection c, String table, String column, long m, String value) throws SQLException {
    try (PreparedStatement s =
            prepare(
                c,
                "SELECT 1 FROM " + table + " WHERE member_id = ? AND " + column + " = ?",
                m,
                value);
        ResultSet rs = s.executeQuery()) {
      if (rs.next()) {
        return false;
      }
    }
    update(c, "INSERT INTO " + table + " (member_id, " + column + ") VALUES (?, ?)", m, value);
    return true;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static void query(Connection c, String sql, long memberId, RowReader reader)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, memberId);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }

  private static List<String> strings(Connection c, String sql, long memberId) throws SQLException {
    List<String> values = new ArrayList<>();
    query(c, sql, memberId, rs -> values.add(rs.getString(1)));
    return values;
  }
}
