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
import paperbot.recommender.ingest.Fsync;
import paperbot.recommender.store.Database;

/**
 * Backs up and restores a data directory: the index (the files of its last commit) and the embedded
 * database (a consistent copy that SQLite writes itself, {@code VACUUM INTO}). Both run with the
 * bot stopped: they take the data directory's lock and the index's write lock, so a running
 * paperbot makes them stop with a clear message instead of copying a moving target, while a tool
 * that only reads and holds the index for a moment is waited for, as every writer waits for it. A
 * PostgreSQL database is backed up with its own tools (pg_dump); then only the index is copied
 * here. A backup that an older paperbot made of its H2 database is restored as that H2 file, which
 * the next start imports.
 *
 * <p>Both survive a kill or a power loss at any point. Every file copied is synced, and so are the
 * directories they are named in. A backup appears under its name in one rename, complete (see
 * {@link WholeDirectory}); a restore leaves its note in the data directory until all it wrote is on
 * disk.
 */
public final class DataBackup {
  static final String MANIFEST = "paperbot-backup.txt";

  /** The database copy in a backup made since the embedded default is SQLite. */
  static final String DATABASE_FILE = "paperbot-db.sqlite";

  /** The database copy in a backup made by an older paperbot on H2. */
  static final String H2_DATABASE_ZIP = "paperbot-db.zip";

  private static final String H2_DB_NAME = "paperbot";

  /**
   * Written into the data directory before a restore replaces anything, and removed when it is
   * done. A restore cut short (a kill, a full disk) leaves part of the backup and part of the data
   * before it: a deleted database that the next start would silently re-create empty, or an index
   * with some of its files. No paperbot opens such a directory; running the restore again finishes
   * it.
   */
  static final String RESTORE_UNFINISHED = "restore-unfinished.txt";

  private final BotConfig config;
  private final Clock clock;

  public DataBackup(BotConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Writes a backup into {@code target}, which must be new or empty; returns a one-line summary
   * (after a line on the leftover of a killed backup, when one was removed). The backup is written
   * beside the target and renamed to it only when complete and synced: a kill or a power loss
   * leaves no target, never one that looks complete.
   */
  @SuppressWarnings("try") // the lock is only held: no running bot may write while the copy is made
  public String backup(Path target) throws IOException {
    requireNoUnfinishedRestore(config.dataDir());
    Path index = config.dataDir().resolve("index");
    if (!Files.isDirectory(index)) {
      throw new IllegalStateException(
          "nothing to back up: " + config.dataDir() + " has no index yet");
    }
    try (WriterProcessLock writer = writerLock(config.dataDir());
        FSDirectory directory = FSDirectory.open(index);
        Lock lock = writeLock(directory, index)) {
      lock.ensureValid(); // held for the whole copy: no paperbot can start writing meanwhile
      SegmentInfos commit;
      try {
        commit = SegmentInfos.readLatestCommit(directory);
      } catch (IndexNotFoundException e) {
        throw new IllegalStateException(
            "nothing to back up: " + config.dataDir() + " has no index yet", e);
      }
      try (WholeDirectory backup = WholeDirectory.start(target)) {
        Path copy = Files.createDirectory(backup.dir().resolve("index"));
        for (String file : commit.files(true)) {
          Files.copy(index.resolve(file), copy.resolve(file));
          Fsync.file(copy.resolve(file));
        }
        Fsync.directory(copy);
        String database = backupDatabase(backup.dir());
        // Last, once everything else is synced: a backup without it is not one (restore refuses).
        Path manifest = backup.dir().resolve(MANIFEST);
        Files.writeString(
            manifest,
            "paperbot backup\ncreated "
                + clock.instant()
                + "\nindex commit "
                + commit.getGeneration()
                + "\ndatabase "
                + database
                + "\n");
        Fsync.file(manifest);
        backup.finish();
        return backup.leftoverNote()
            + "backed up the index ("
            + commit.files(true).size()
            + " files) and "
            + database
            + " to "
            + target;
      }
    }
  }

  /** Replaces the data directory's index and embedded database with a backup's. */
  @SuppressWarnings(
      "try") // the lock is only held: no running bot may write while the files are replaced
  public String restore(Path source) throws IOException {
    requireFinishedBackup(source);
    Path index = Files.createDirectories(config.dataDir().resolve("index"));
    try (WriterProcessLock writer = writerLock(config.dataDir());
        FSDirectory directory = FSDirectory.open(index);
        Lock lock = writeLock(directory, index)) {
      lock.ensureValid(); // held for the whole restore: no paperbot can start meanwhile
      Path unfinished = config.dataDir().resolve(RESTORE_UNFINISHED);
      Files.writeString(unfinished, source.toAbsolutePath().normalize() + "\n");
      Fsync.file(unfinished);
      Fsync.directory(config.dataDir());
      try (Stream<Path> files = Files.list(index)) {
        for (Path file :
            files
                .filter(f -> !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME))
                .toList()) {
          Files.delete(file);
        }
      }
      try (Stream<Path> files = Files.list(source.resolve("index"))) {
        for (Path file : files.toList()) {
          Path copy = index.resolve(file.getFileName());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
          Fsync.file(copy);
        }
      }
      Fsync.directory(index);
      boolean database = restoreDatabase(source);
      // Only once all of it is on disk: a power loss before this leaves the note, not a data
      // directory that looks restored and holds empty files.
      Files.delete(unfinished);
      Fsync.directory(config.dataDir());
      return "restored the index" + (database ? " and the database" : "") + " from " + source;
    }
  }

  /**
   * Refuses a data directory that a restore cut short left half replaced, naming the restore to run
   * again.
   */
  public static void requireNoUnfinishedRestore(Path dataDir) {
    Path unfinished = dataDir.resolve(RESTORE_UNFINISHED);
    if (!Files.isRegularFile(unfinished)) {
      return;
    }
    String source;
    try {
      source = Files.readString(unfinished).strip();
    } catch (IOException e) {
      source = "";
    }
    if (source.isEmpty()) { // cut short while the marker itself was written
      source = "DIR (the backup you were restoring)";
    }
    throw new IllegalStateException(
        "a restore from "
            + source
            + " was cut short, so "
            + dataDir
            + " holds part of that backup and part of the data before it; finish it with:"
            + " paperbot restore "
            + source);
  }

  /**
   * SQLite writes a consistent, compacted copy itself (but does not sync it, as its documentation
   * of VACUUM INTO says: synced here); PostgreSQL is left to pg_dump.
   */
  private String backupDatabase(Path target) throws IOException {
    if (!config.database().url().isEmpty()) {
      return "no database (it is "
          + config.database().url().replaceAll("(?i)(password=)[^&;]*", "$1***")
          + ": back it up with its own tools, e.g. pg_dump)";
    }
    try (Database database = Database.openDefault(config.dataDir());
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "VACUUM INTO '"
              + target.resolve(DATABASE_FILE).toAbsolutePath().toString().replace("'", "''")
              + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("the database backup failed: " + e.getMessage(), e);
    }
    Fsync.file(target.resolve(DATABASE_FILE));
    return "the database";
  }

  /**
   * Replaces the embedded database with the backup's: a SQLite copy goes in place of the file (its
   * old log files removed, so none is replayed onto the copy); an older H2 backup is unpacked as
   * the H2 file the next start imports.
   */
  private boolean restoreDatabase(Path source) throws IOException {
    Path sqlite = source.resolve(DATABASE_FILE);
    Path h2 = source.resolve(H2_DATABASE_ZIP);
    if (!Files.isRegularFile(sqlite) && !Files.isRegularFile(h2)) {
      return false;
    }
    try (Stream<Path> files = Files.list(config.dataDir())) {
      for (Path file : files.filter(f -> isDatabaseFile(f.getFileName().toString())).toList()) {
        Files.delete(file);
      }
    }
    if (Files.isRegularFile(sqlite)) {
      Path partial = config.dataDir().resolve(Database.FILE_NAME + ".restoring");
      Files.copy(sqlite, partial, StandardCopyOption.REPLACE_EXISTING);
      Fsync.file(partial);
      Files.move(
          partial, config.dataDir().resolve(Database.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    } else {
      Restore.execute(h2.toString(), config.dataDir().toString(), H2_DB_NAME);
      Fsync.file(config.dataDir().resolve(H2_DB_NAME + ".mv.db"));
    }
    Fsync.directory(config.dataDir());
    return true;
  }

  /**
   * The embedded database's files: SQLite's with its log and shared memory, and an H2 file of an
   * older install.
   */
  private static boolean isDatabaseFile(String name) {
    return name.startsWith(Database.FILE_NAME)
        || name.startsWith(H2_DB_NAME + ".mv.db")
        || name.startsWith(H2_DB_NAME + ".trace.db");
  }

  /**
   * The data directory's writer lock, first: a bot that starts meanwhile is refused at once instead
   * of waiting for the index as it would for a search (and then opening a database being replaced).
   */
  private static WriterProcessLock writerLock(Path dataDir) {
    try {
      return WriterProcessLock.obtain(dataDir);
    } catch (WriterProcessLock.Held e) {
      throw new IllegalStateException(
          "the data directory is in use by a running paperbot; stop it first", e);
    }
  }

  /**
   * The index's write lock, taken as every writer takes the index's writer: a reading tool that
   * holds it to bring the index up to date is waited for, as the bot and {@code ingest} wait for
   * it; a paperbot too old to take the data directory's lock is refused at once.
   */
  private Lock writeLock(FSDirectory directory, Path index) throws IOException {
    return ReadingToolLock.awaitIndexWriter(
        config.dataDir(),
        index,
        new ReadingToolLock.IndexWriterAttempt<>() {
          @Override
          public Lock tryTake() throws IOException {
            try {
              return directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
            } catch (LockObtainFailedException e) {
              return null;
            }
          }

          @Override
          public Lock take() throws IOException {
            try {
              return directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
            } catch (LockObtainFailedException e) {
              throw new IllegalStateException(
                  "the data directory is in use by a running paperbot; stop it first", e);
            }
          }
        });
  }

  /**
   * A backup is complete when its manifest is there: it is written last. A directory without one is
   * not restored; one that a backup cut short left says so.
   */
  private static void requireFinishedBackup(Path source) {
    if (Files.isRegularFile(source.resolve(MANIFEST))) {
      return;
    }
    if (Files.isRegularFile(source.resolve(WholeDirectory.LOCK_FILE))) {
      throw new IllegalArgumentException(
          source
              + " is an unfinished backup: the backup that wrote it was cut short (it has no "
              + MANIFEST
              + "); restore a finished one");
    }
    throw new IllegalArgumentException(source + " is not a paperbot backup (no " + MANIFEST + ")");
  }
}
