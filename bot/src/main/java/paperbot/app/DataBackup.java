package paperbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.h2.tools.Restore;
import paperbot.recommender.store.Database;

/**
 * Backs up and restores a data directory: the index (the files of its last commit) and the embedded database (H2's
 * own consistent backup). Both run with the bot stopped: they take the index's write lock, so a running paperbot
 * makes them stop with a clear message instead of copying a moving target. A PostgreSQL database is backed up with
 * its own tools (pg_dump); then only the index is copied here.
 */
public final class DataBackup {
  static final String MANIFEST = "paperbot-backup.txt";
  static final String DATABASE_ZIP = "paperbot-db.zip";
  private static final String DB_NAME = "paperbot";

  private final BotConfig config;
  private final Clock clock;

  public DataBackup(BotConfig config, Clock clock) {
    this.clock = clock;
    this.config = config;
  }

  /** Writes a backup into {@code target}, which must be new or empty; returns a one-line summary. */
  @SuppressWarnings("try") // the lock is only held: no running bot may write while the copy is made
  public String backup(Path target) throws IOException {
    requireEmpty(target);
    Path index = config.dataDir().resolve("index");
    if (!Files.isDirectory(index)) {
      throw new IllegalStateException("nothing to back up: " + config.dataDir() + " has no index yet");
    }
    try (FSDirectory directory = FSDirectory.open(index); Lock lock = writeLock(directory)) {
      SegmentInfos commit;
      try {
        commit = SegmentInfos.readLatestCommit(directory);
      } catch (IndexNotFoundException e) {
        throw new IllegalStateException("nothing to back up: " + config.dataDir() + " has no index yet", e);
      }
      Path copy = Files.createDirectories(target.resolve("index"));
      for (String file : commit.files(true)) {
        Files.copy(index.resolve(file), copy.resolve(file));
      }
      String database = backupDatabase(target);
      Files.writeString(target.resolve(MANIFEST), "paperbot backup\ncreated " + clock.instant() + "\nindex commit "
          + commit.getGeneration() + "\ndatabase " + database + "\n");
      return "backed up the index (" + commit.files(true).size() + " files) and " + database + " to " + target;
    }
  }

  /** Replaces the data directory's index and embedded database with a backup's. */
  @SuppressWarnings("try") // the lock is only held: no running bot may write while the files are replaced
  public String restore(Path source) throws IOException {
    if (!Files.isRegularFile(source.resolve(MANIFEST))) {
      throw new IllegalArgumentException(source + " is not a paperbot backup (no " + MANIFEST + ")");
    }
    Path index = Files.createDirectories(config.dataDir().resolve("index"));
    try (FSDirectory directory = FSDirectory.open(index); Lock lock = writeLock(directory)) {
      try (Stream<Path> files = Files.list(index)) {
        for (Path file : files.filter(f -> !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)).toList()) {
          Files.delete(file);
        }
      }
      try (Stream<Path> files = Files.list(source.resolve("index"))) {
        for (Path file : files.toList()) {
          Files.copy(file, index.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      boolean database = Files.isRegularFile(source.resolve(DATABASE_ZIP));
      if (database) {
        try (Stream<Path> files = Files.list(config.dataDir())) {
          for (Path file : files.filter(f -> f.getFileName().toString().startsWith(DB_NAME + ".")).toList()) {
            Files.delete(file);
          }
        }
        Restore.execute(source.resolve(DATABASE_ZIP).toString(), config.dataDir().toString(), DB_NAME);
      }
      return "restored the index" + (database ? " and the database" : "") + " from " + source;
    }
  }

  /** H2 writes a consistent zip itself; PostgreSQL is left to pg_dump. */
  private String backupDatabase(Path target) {
    if (!config.database().url().isEmpty()) {
      return "no database (it is " + config.database().url().replaceAll("(?i)(password=)[^&;]*", "$1***")
          + ": back it up with its own tools, e.g. pg_dump)";
    }
    try (Database database = Database.open(Database.defaultUrl(config.dataDir()), null, null);
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("BACKUP TO '" + target.resolve(DATABASE_ZIP).toAbsolutePath().toString().replace("'", "''")
          + "'");
      return "the database";
    } catch (SQLException e) {
      throw new IllegalStateException("the database backup failed: " + e.getMessage(), e);
    }
  }

  private static Lock writeLock(FSDirectory directory) throws IOException {
    try {
      return directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
    } catch (LockObtainFailedException e) {
      throw new IllegalStateException("the data directory is in use by a running paperbot; stop it first", e);
    }
  }

  private static void requireEmpty(Path target) throws IOException {
    if (Files.isDirectory(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(target + " is not empty; back up into a new directory");
        }
      }
    }
    Files.createDirectories(target);
  }
}
