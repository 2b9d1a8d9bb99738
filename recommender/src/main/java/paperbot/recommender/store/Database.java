package paperbot.recommender.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The SQL database behind profiles (and, later, digests): a connection pool over H2 in file mode by default, or
 * PostgreSQL when a JDBC URL says so, migrated to the newest schema in {@code db/migration} when opened.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /** The zero-set-up default: an H2 file database inside the data directory. */
  public static String defaultUrl(Path dataDir) {
    // A generous lock timeout: members' concurrent commands queue on their profile row instead of failing.
    // async: H2's default file channel is closed for every thread when one thread is interrupted mid-read (Quartz
    // interrupts its threads at shutdown, and a cancelled request may be interrupted); the database then fails
    // with ClosedChannelException until restarted. The asynchronous channel is not closed by interrupts.
    // WRITE_DELAY=0: H2 otherwise writes commits to the file up to half a second later, so a killed process loses
    // changes it had already acknowledged (found by CrashConsistencyTest).
    return "jdbc:h2:async:" + dataDir.toAbsolutePath().resolve("paperbot") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
  }

  /** Opens a pool on the URL and applies any pending migrations. Credentials may be null for H2. */
  public static Database open(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("paperbot-db");
    config.setMaximumPoolSize(8);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      // Shared migrations, plus per-database ones (the Quartz tables differ between H2 and PostgreSQL).
      String vendor = jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
      Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
