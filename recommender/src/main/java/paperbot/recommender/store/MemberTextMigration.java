package paperbot.recommender.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration of stored profile text, written in Java because it reads the text as the commands do.
 * Each runs in SQL's own transaction on every database (SQLite, H2, PostgreSQL), so a kill leaves
 * it undone and the next start runs it again.
 */
abstract class MemberTextMigration implements JavaMigration {
  private final MigrationVersion version;
  private final String description;

  MemberTextMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    return null; // Java: Flyway has no text to sum
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }
}
