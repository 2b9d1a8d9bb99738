package paperbot.recommender.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The SQL database behind profiles, digests and the papers' copy: a connection pool over SQLite in
 * the data directory by default, or the database a JDBC URL names (PostgreSQL for several
 * processes), migrated to the newest schema when opened: the shared migrations in {@code
 * db/migration} plus the database's own in {@code db/vendor}.
 */
public final class Database implements AutoCloseable {
  /** The embedded database's file in the data directory. */
  public static final String FILE_NAME = "paperbot.db";

  /** How long a transaction waits for SQLite's write lock before it fails (and is retried). */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);

  private final HikariDataSource pool;
  private final SqlDialect dialect;

  private Database(HikariDataSource pool, SqlDialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /** The zero-set-up default: a SQLite file inside the data directory. */
  public static String defaultUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve(FILE_NAME);
  }

  /**
   * The H2 file database that paperbot used by default before SQLite; still opened to import an old
   * data directory, and usable as an explicit choice, though H2's MVStore neither syncs a commit to
   * disk nor always reopens at its newest commit after a kill (docs/reliability.md).
   */
  public static String h2Url(Path dataDir) {
    // A generous lock timeout: members' concurrent commands queue on their profile row instead of
    // failing.
    // async: H2's default file channel is closed for every thread when one thread is interrupted
    // mid-read.
    // WRITE_DELAY=0: otherwise H2 hands commits to the file system up to half a second after
    // acknowledging them.
    return "jdbc:h2:async:"
        + dataDir.toAbsolutePath().resolve("paperbot")
        + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
  }

  /**
   * Opens the default database of a data directory, first importing an H2 database that an older
   * paperbot left there ({@link H2Import}).
   */
  public static Database openDefault(Path dataDir) {
    H2Import.runIfNeeded(dataDir);
    return open(defaultUrl(dataDir), null, null);
  }

  /**
   * Opens a pool on the URL and applies any pending migrations. Credentials may be null for
   * embedded databases.
   */
  public static Database open(String jdbcUrl, String user, String password) {
    SqlDialect dialect = SqlDialect.ofUrl(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("paperbot-db");
    config.setMaximumPoolSize(8);
    if (dialect == SqlDialect.SQLITE) {
      configureSqlite(config);
      createParentDirectory(jdbcUrl);
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      flyway(pool, dialect).migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, dialect);
  }

  /**
   * The migrations: the shared SQL ones in {@code db/migration}, the database's own in {@code
   * db/vendor}, and those written in Java, which read stored text as SQL cannot ({@link
   * VisibleProfileText}, version 8; {@link ListedProfileText}, version 9; {@link
   * FoldedProfileText}, version 10).
   */
  static Flyway flyway(DataSource dataSource, SqlDialect dialect) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", dialect.vendorMigrations())
        .javaMigrations(new VisibleProfileText(), new ListedProfileText(), new FoldedProfileText())
        .load();
  }

  /**
   * Every SQLite connection: write-ahead log with a sync of the log at every commit (FULL), so a
   * commit is on stable storage before it is acknowledged and a killed process reopens at its last
   * commit; foreign keys (the cascades in the schema); transactions that take the write lock at
   * BEGIN, so a read-then-write transaction never fails halfway with SQLITE_BUSY_SNAPSHOT; and a
   * busy timeout, so writers queue for the lock instead of failing.
   */
  private static void configureSqlite(HikariConfig config) {
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "FULL");
    config.addDataSourceProperty("foreign_keys", "true");
    config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT.toMillis()));
    config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    // The pool's own wait for a free connection must outlast a writer queueing for the lock.
    config.setConnectionTimeout(BUSY_TIMEOUT.multipliedBy(2).toMillis());
  }

  /**
   * SQLite creates the file but not its directory (H2 created both); a fresh data directory may not
   * exist yet.
   */
  private static void createParentDirectory(String jdbcUrl) {
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
      return; // in memory, or a URI the caller spelled out
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database directory " + parent, e);
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    pool.close();
  }
}
