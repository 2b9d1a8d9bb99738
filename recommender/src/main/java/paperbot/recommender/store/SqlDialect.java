package paperbot.recommender.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The few places where the supported databases (SQLite, PostgreSQL, H2) need different SQL or error
 * handling.
 */
public enum SqlDialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql"),
  H2("h2");

  /** Unique violation, serialization failure, deadlock, H2 lock timeout. */
  private static final Set<String> RETRYABLE_STATES = Set.of("23505", "40001", "40P01", "HYT00");

  private final String vendorFolder;

  SqlDialect(String vendorFolder) {
    this.vendorFolder = vendorFolder;
  }

  /**
   * The dialect a JDBC URL names; anything that is neither SQLite nor PostgreSQL is taken for H2.
   */
  public static SqlDialect ofUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
  }

  static SqlDialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    if ("SQLite".equalsIgnoreCase(product)) {
      return SQLITE;
    }
    return "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : H2;
  }

  /**
   * The Flyway location of this database's own migrations (the Quartz tables, identity columns).
   */
  String vendorMigrations() {
    return "classpath:db/vendor/" + vendorFolder;
  }

  /**
   * What a statement appends to lock the row it reads until commit. SQLite has no row locks: its
   * transactions take the whole database's write lock at BEGIN (IMMEDIATE), so the read is already
   * serialized.
   */
  String forUpdate() {
    return this == SQLITE ? "" : " FOR UPDATE";
  }

  /**
   * A second insert of the same key: SQLite reports it by result code, the others by SQLSTATE
   * 23505.
   */
  static boolean isUniqueViolation(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
          || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
    }
    return "23505".equals(e.getSQLState());
  }

  /** A conflict that running the whole transaction again resolves. */
  static boolean isRetryable(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      // BUSY only after the busy timeout ran out; a constraint race cannot happen with IMMEDIATE
      // transactions,
      // but retrying it is harmless and keeps the behaviour the same as on the other databases.
      return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY || isUniqueViolation(e);
    }
    return RETRYABLE_STATES.contains(e.getSQLState());
  }
}
