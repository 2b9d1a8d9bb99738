package paperbot.recommender.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.ingest.Fsync;

/**
 * Moves an H2 database that an older paperbot left in the data directory ({@code paperbot.mv.db})
 * into the SQLite default, once: members and their profiles, subscriptions, sent-logs, runs and
 * papers. Quartz's tables are not copied: the running bot re-creates every digest's trigger from
 * its subscription at start.
 *
 * <p>Safe against a kill at any point. The copy goes into a separate file, which becomes {@code
 * paperbot.db} by an atomic rename only when complete; the H2 file is renamed to {@code
 * paperbot.mv.db.imported} after that. A kill before the first rename leaves the H2 file in place
 * and the import runs again; a kill between the renames leaves both, and the next start only
 * finishes the second rename (it never imports into an existing SQLite file).
 */
final class H2Import {
  private static final Logger log = LoggerFactory.getLogger(H2Import.class);
  static final String H2_FILE = "paperbot.mv.db";
  static final String IMPORTED_SUFFIX = ".imported";
  private static final String PARTIAL_SUFFIX = ".import";

  /** Tables in an order that satisfies the foreign keys; identity ids are copied as they are. */
  private static final List<String> TABLES =
      List.of(
          "member",
          "member_topic",
          "member_mute",
          "member_learned_term",
          "member_feedback",
          "member_seen",
          "member_follow",
          "member_digest_mention",
          "digest_subscription",
          "digest_sent",
          "digest_run",
          "paper",
          "paper_sources");

  private static final int BATCH = 1_000;

  private H2Import() {}

  static void runIfNeeded(Path dataDir) {
    Path h2 = dataDir.resolve(H2_FILE);
    if (!Files.isRegularFile(h2)) {
      return;
    }
    Path sqlite = dataDir.resolve(Database.FILE_NAME);
    try {
      if (Files.exists(sqlite)) {
        // A kill between the two renames: the copy is complete, only the H2 file was not yet put
        // aside.
        retire(h2);
        return;
      }
      long started = System.nanoTime();
      Path partial = dataDir.resolve(Database.FILE_NAME + PARTIAL_SUFFIX);
      deleteWithSidecars(partial);
      long rows = copy(dataDir, partial);
      Files.move(partial, sqlite, StandardCopyOption.ATOMIC_MOVE);
      Fsync.directory(dataDir);
      retire(h2);
      log.info(
          "imported the H2 database into SQLite rows={} took_ms={} old_file={}",
          rows,
          (System.nanoTime() - started) / 1_000_000,
          h2.getFileName() + IMPORTED_SUFFIX);
    } catch (IOException e) {
      throw new UncheckedIOException("could not import the H2 database " + h2, e);
    }
  }

  /** Copies every table in one transaction; closing the pool checkpoints the WAL into the file. */
  private static long copy(Path dataDir, Path target) throws IOException {
    long rows = 0;
    try (Database from = Database.open(Database.h2Url(dataDir), null, null);
        Database to = Database.open("jdbc:sqlite:" + target.toAbsolutePath(), null, null);
        Connection in = from.dataSource().getConnection();
        Connection out = to.dataSource().getConnection()) {
      out.setAutoCommit(false);
      for (String table : TABLES) {
        rows += copyTable(in, out, table);
      }
      out.setAutoCommit(true); // commits, synced
    } catch (SQLException e) {
      throw new IllegalStateException("could not import the H2 database: " + e.getMessage(), e);
    }
    if (Files.exists(Path.of(target + "-wal"))) {
      throw new IOException(
          "the imported database was not checkpointed: " + target + "-wal remains");
    }
    return rows;
  }

  private static long copyTable(Connection in, Connection out, String table) throws SQLException {
    long rows = 0;
    try (PreparedStatement select = in.prepareStatement("SELECT * FROM " + table);
        ResultSet rs = select.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      StringBuilder names = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        names
            .append(i > 1 ? ", " : "")
            .append(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
        marks.append(i > 1 ? ", ?" : "?");
      }
      try (PreparedStatement insert =
          out.prepareStatement(
              "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            insert.setObject(i, rs.getObject(i));
          }
          insert.addBatch();
          if (++rows % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    }
    return rows;
  }

  /** Puts the H2 file aside under a name no paperbot opens, so the import never runs twice. */
  private static void retire(Path h2) throws IOException {
    Path aside = h2.resolveSibling(h2.getFileName() + IMPORTED_SUFFIX);
    Files.move(h2, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Fsync.directory(h2.getParent());
  }

  private static void deleteWithSidecars(Path file) throws IOException {
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
  }
}
