package paperbot.recommender.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one transaction, committing before it returns, and retries when the database reports a conflict
 * that a retry resolves (two first writes racing to create the same row, a serialization failure, a lock timeout).
 * On SQLite the commit is synced to disk (WAL, synchronous=FULL) before this returns.
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

  <T> T run(Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false); // on SQLite: BEGIN IMMEDIATE, waiting up to the busy timeout for the lock
        try {
          T result = work.apply(connection);
          // Leaving manual-commit mode commits (JDBC). Not commit(): sqlite-jdbc's commit() at once begins the next
          // IMMEDIATE transaction, which would wait for the write lock again only to give it back on close.
          connection.setAutoCommit(true);
          return result;
        } catch (SQLException e) {
          rollbackQuietly(connection, e);
          if (!SqlDialect.isRetryable(e)) {
            throw e;
          }
          last = e;
        } catch (RuntimeException e) {
          rollbackQuietly(connection, e);
          throw e;
        }
      } catch (SQLException e) {
        throw new StoreException("database operation failed", e);
      }
    }
    throw new StoreException("database stayed busy after " + ATTEMPTS + " attempts", last);
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      cause.addSuppressed(e); // the pool discards a broken connection; the original failure is what matters
    }
  }
}
