package paperbot.recommender.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Runs work in one transaction, committing before it returns, and retries when the database reports
 * a conflict that a retry resolves (two first writes racing to create the same row, a serialization
 * failure, a lock timeout). On SQLite the commit is synced to disk (WAL, synchronous=FULL) before
 * this returns.
 */
final class Transactions {
  private static final int ATTEMPTS = 5;

  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private volatile SqlDialect dialect;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The database behind the pool, read from the first connection and remembered. */
  SqlDialect dialect() {
    SqlDialect known = dialect;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = SqlDialect.of(connection);
      } catch (SQLException e) {
        throw new StoreException("database unreachable", e);
      }
      dialect = known;
    }
    return known;
  }

  /**
   * Work that writes (or reads, then writes): on SQLite it holds the write lock from BEGIN to its
   * synced commit.
   */
  <T> T run(Work<T> work) {
    return run(work, false, true);
  }

  /**
   * An insert whose key may be taken already: true when it inserted its row, false when a unique
   * key refused it. For a claim the refusal is the answer, so it is not retried as two first writes
   * racing to create one row are.
   */
  boolean insertOnce(Work<Integer> insert) {
    try {
      return run(insert, false, false) > 0;
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && SqlDialect.isUniqueViolation(sql)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Work that only reads: one consistent snapshot. On SQLite the transaction is DEFERRED, so in WAL
   * mode it reads beside a writer instead of queueing behind its lock and fsync.
   */
  <T> T read(Work<T> work) {
    return run(work, true, true);
  }

  private <T> T run(Work<T> work, boolean readOnly, boolean retryDuplicates) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        SQLiteConnection sqlite =
            readOnly && connection.isWrapperFor(SQLiteConnection.class)
                ? connection.unwrap(SQLiteConnection.class)
                : null;
        if (sqlite != null) {
          sqlite.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        }
        try {
          return attempt(connection, work);
        } catch (SQLException e) {
          if (!SqlDialect.isRetryable(e) || (!retryDuplicates && SqlDialect.isUniqueViolation(e))) {
            throw e;
          }
          last = e;
        } finally {
          if (sqlite != null) { // the pooled connection goes back as it came: IMMEDIATE
            sqlite.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
          }
        }
      } catch (SQLException e) {
        throw new StoreException("database operation failed", e);
      }
    }
    throw new StoreException("database stayed busy after " + ATTEMPTS + " attempts", last);
  }

  /** One try: begin, work, commit; rolled back on any failure, which is thrown. */
  private static <T> T attempt(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(
        false); // on SQLite: BEGIN (IMMEDIATE for writers), waiting up to the busy timeout
    try {
      T result = work.apply(connection);
      // Leaving manual-commit mode commits (JDBC). Not commit(): sqlite-jdbc's commit() at once
      // begins the next
      // IMMEDIATE transaction, which would wait for the write lock again only to give it back on
      // close.
      connection.setAutoCommit(true);
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      cause.addSuppressed(
          e); // the pool discards a broken connection; the original failure is what matters
    }
  }
}
