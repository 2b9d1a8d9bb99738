package paperbot.recommender.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs work in one transaction, committing before it returns, and retries when the database reports a conflict
 * that a retry resolves (two first writes racing to create the same row, a serialization failure, a lock timeout).
 */
final class Transactions {
  /** Unique violation, serialization failure, deadlock, H2 lock timeout. */
  private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00");
  private static final int ATTEMPTS = 5;

  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T run(Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          T result = work.apply(connection);
          connection.commit();
          return result;
        } catch (SQLException e) {
          connection.rollback();
          if (!RETRYABLE.contains(e.getSQLState())) {
            throw e;
          }
          last = e;
        } catch (RuntimeException e) {
          connection.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw new StoreException("database operation failed", e);
      }
    }
    throw new StoreException("database stayed busy after " + ATTEMPTS + " attempts", last);
  }
}
