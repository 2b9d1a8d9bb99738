package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.profile.MemberKey;

/**
 * V1 and V2 moved from the shared folder into the vendor folders (SQLite needs its own): a database
 * migrated with the old layout, where they were shared, still validates and opens with the new one.
 */
final class MigrationLayoutTest {
  @TempDir Path dir;

  @Test
  void aDatabaseMigratedBeforeTheMoveStillValidatesAndOpens() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("old/migration"));
    Path vendor = Files.createDirectories(dir.resolve("old/vendor"));
    copy("db/vendor/h2/V1__member_profiles.sql", shared);
    copy("db/vendor/h2/V2__digests.sql", shared);
    copy("db/migration/V4__digest_mentions.sql", shared);
    copy("db/migration/V5__papers.sql", shared);
    copy("db/vendor/h2/V3__quartz_job_store.sql", vendor);
    Path data = dir.resolve("data");
    try (Database h2 = Database.open(Database.h2Url(data), null, null)) {
      // Wipe what the new layout applied, then migrate as an install from before the move did.
      Flyway.configure().dataSource(h2.dataSource()).cleanDisabled(false).load().clean();
      Flyway.configure()
          .dataSource(h2.dataSource())
          .locations("filesystem:" + shared, "filesystem:" + vendor)
          .load()
          .migrate();
      new JdbcProfileStore(h2.dataSource(), Clock.systemUTC())
          .addTopic(new MemberKey("SLACK", "T", "ana"), "old", 1);
    }
    try (Database reopened = Database.open(Database.h2Url(data), null, null)) {
      assertThat(
              Database.flyway(reopened.dataSource(), SqlDialect.H2)
                  .validateWithResult()
                  .validationSuccessful)
          .as("checksums and descriptions of the applied migrations are unchanged")
          .isTrue();
      assertThat(
              new JdbcProfileStore(reopened.dataSource(), Clock.systemUTC())
                  .load(new MemberKey("SLACK", "T", "ana"))
                  .topics())
          .containsOnlyKeys("old");
    }
  }

  private static void copy(String resource, Path folder) throws IOException {
    try (InputStream in =
        MigrationLayoutTest.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, folder.resolve(Path.of(resource).getFileName()));
    }
  }
}
