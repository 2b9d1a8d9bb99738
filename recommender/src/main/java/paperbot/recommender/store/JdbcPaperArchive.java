package paperbot.recommender.store;

import static paperbot.recommender.store.Sql.prepare;
import static paperbot.recommender.store.Sql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperArchive;
import paperbot.recommender.index.PaperDocuments;

/** The papers in the {@code paper} table as the index's JSON, on SQLite, PostgreSQL or H2. */
public final class JdbcPaperArchive implements PaperArchive {
  /** Statements sent per round trip while writing many papers. */
  private static final int WRITE_BATCH = 500;

  private final Transactions transactions;
  private final Clock clock;

  public JdbcPaperArchive(DataSource dataSource, Clock clock) {
    this.transactions = new Transactions(dataSource);
    this.clock = clock;
  }

  @Override
  public void put(Collection<Paper> papers) {
    if (!papers.isEmpty()) {
      transactions.run(c -> write(c, papers));
    }
  }

  @Override
  public void replace(String oldId, Paper paper) {
    transactions.run(c -> {
      update(c, "DELETE FROM paper WHERE id = ?", oldId);
      return write(c, List.of(paper));
    });
  }

  @Override
  public void replaceAll(Collection<Paper> papers, String sourceFingerprint) {
    transactions.run(c -> {
      update(c, "DELETE FROM paper");
      recordSources(c, sourceFingerprint);
      return write(c, papers);
    });
  }

  @Override
  public void complete(String sourceFingerprint) {
    transactions.run(c -> recordSources(c, sourceFingerprint));
  }

  private static Void recordSources(Connection c, String sourceFingerprint) throws SQLException {
    update(c, "DELETE FROM paper_sources");
    update(c, "INSERT INTO paper_sources (id, fingerprint) VALUES (1, ?)", sourceFingerprint);
    return null;
  }

  @Override
  public Optional<String> sourceFingerprint() {
    return transactions.read(c -> {
      try (PreparedStatement st = prepare(c, "SELECT fingerprint FROM paper_sources WHERE id = 1");
          ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
      }
    });
  }

  @Override
  public long count() {
    return transactions.read(c -> {
      try (PreparedStatement st = prepare(c, "SELECT COUNT(*) FROM paper");
          ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public void forEachBatch(int size, Consumer<List<Paper>> batch) {
    String after = "";
    while (true) {
      String from = after;
      // Keyset pages (id > last id): each page is one short read, however large the table.
      List<Paper> page =
          transactions.read(c -> {
            List<Paper> papers = new ArrayList<>();
            try (PreparedStatement st =
                    prepare(
                        c, "SELECT json FROM paper WHERE id > ? ORDER BY id LIMIT ?", from, size);
                ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                papers.add(PaperDocuments.fromJson(rs.getString(1)));
              }
            }
            return papers;
          });
      if (page.isEmpty()) {
        return;
      }
      batch.accept(page);
      after = page.get(page.size() - 1).id();
    }
  }

  @Override
  public Changes changedSince(Cursor after, int limit) {
    return transactions.read(c -> {
      List<Paper> papers = new ArrayList<>();
      Cursor next = after;
      Timestamp at = Timestamp.from(after.at());
      // Keyset order (write time, id): a page boundary inside one write (thousands of papers share
      // its time)
      // neither repeats nor skips a paper.
      try (PreparedStatement st =
              prepare(
                  c,
                  "SELECT json, updated_at, id FROM paper WHERE updated_at > ? "
                      + "OR (updated_at = ? AND id > ?) ORDER BY updated_at, id LIMIT ?",
                  at,
                  at,
                  after.id(),
                  limit);
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          papers.add(PaperDocuments.fromJson(rs.getString(1)));
          next = new Cursor(rs.getTimestamp(2).toInstant(), rs.getString(3));
        }
      }
      return new Changes(papers, next);
    });
  }

  @Override
  public Optional<Cursor> latest() {
    return transactions.read(c -> {
      try (PreparedStatement st =
              prepare(
                  c,
                  "SELECT updated_at, id FROM paper ORDER BY updated_at DESC, id DESC "
                      + "LIMIT 1");
          ResultSet rs = st.executeQuery()) {
        return rs.next()
            ? Optional.of(new Cursor(rs.getTimestamp(1).toInstant(), rs.getString(2)))
            : Optional.<Cursor>empty();
      }
    });
  }

  /**
   * Delete-then-insert by id (portable across SQLite, PostgreSQL and H2, unlike their upsert
   * dialects).
   */
  private Void write(Connection c, Collection<Paper> papers) throws SQLException {
    Map<String, Paper> byId = new LinkedHashMap<>();
    papers.forEach(
        paper -> byId.put(paper.id(), paper)); // the last version of a paper listed twice wins
    Timestamp now = Timestamp.from(clock.instant());
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM paper WHERE id = ?");
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO paper (id, json, updated_at) VALUES (?, ?, ?)")) {
      int pending = 0;
      for (Paper paper : byId.values()) {
        delete.setString(1, paper.id());
        delete.addBatch();
        insert.setString(1, paper.id());
        insert.setString(2, PaperDocuments.toJson(paper));
        insert.setTimestamp(3, now);
        insert.addBatch();
        if (++pending == WRITE_BATCH) {
          delete.executeBatch();
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        delete.executeBatch();
        insert.executeBatch();
      }
    }
    return null;
  }
}
