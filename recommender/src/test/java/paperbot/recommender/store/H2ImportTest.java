package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;

/** An H2 data directory of an older paperbot opens as SQLite with everything in it, once. */
final class H2ImportTest {
  private static final MemberKey ANA = new MemberKey("SLACK", "T1", "ana");
  private static final MemberKey BEN = new MemberKey("SLACK", "T1", "ben");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;

  @Test
  void anOldH2DatabaseIsImportedOnceAndPutAside() {
    Subscription subscription;
    try (Database h2 = TestDatabases.h2(data)) {
      JdbcProfileStore profiles = new JdbcProfileStore(h2.dataSource(), CLOCK);
      profiles.addTopic(ANA, "offline rl", 2);
      profiles.mute(ANA, "voice cloning");
      profiles.recordFeedback(ANA, "p1", Feedback.SAVE, Map.of());
      profiles.recordFeedback(ANA, "p2", Feedback.LIKE, Map.of("diffus", 0.4));
      profiles.addTopic(BEN, "world models", 1);
      JdbcDigestStore digests = new JdbcDigestStore(h2.dataSource(), CLOCK);
      subscription =
          digests.save(
              new Subscription(
                  0,
                  "SLACK",
                  "T1",
                  "C1",
                  Subscription.Kind.CHANNEL,
                  "ana",
                  LocalTime.of(9, 0),
                  ZoneId.of("Europe/Berlin"),
                  Subscription.WEEKDAYS,
                  List.of("offline rl"),
                  5,
                  null));
      assertThat(digests.claimRun(subscription.id(), LocalDate.of(2026, 11, 23), CLOCK.instant()))
          .isTrue();
      digests.recordSent(
          subscription, LocalDate.of(2026, 11, 23), List.of("p7"), "POSTED", CLOCK.instant());
      new JdbcPaperArchive(h2.dataSource(), CLOCK)
          .put(List.of(JdbcPaperArchiveTest.paper("p7", "Seven")));
    }
    InterestProfile ana;
    try (Database imported = Database.openDefault(data)) {
      assertThat(imported.dialect()).isEqualTo(SqlDialect.SQLITE);
      JdbcProfileStore profiles = new JdbcProfileStore(imported.dataSource(), CLOCK);
      ana = profiles.load(ANA);
      assertThat(ana.topics()).containsExactly(Map.entry("offline rl", 2.0));
      assertThat(ana.mutes()).containsExactly("voice cloning");
      assertThat(ana.saved()).containsExactly("p1");
      assertThat(ana.learned()).containsEntry("diffus", 0.4);
      assertThat(profiles.load(BEN).topics()).containsOnlyKeys("world models");
      JdbcDigestStore digests = new JdbcDigestStore(imported.dataSource(), CLOCK);
      assertThat(digests.all())
          .singleElement()
          .satisfies(s -> {
            assertThat(s.id()).isEqualTo(subscription.id());
            assertThat(s.topics()).isEqualTo(subscription.topics());
            assertThat(s.lastRunAt()).isEqualTo(CLOCK.instant());
          });
      assertThat(digests.sent(subscription)).containsExactly("p7");
      assertThat(digests.claimRun(subscription.id(), LocalDate.of(2026, 11, 23), CLOCK.instant()))
          .as("the day's run came along")
          .isFalse();
      assertThat(new JdbcPaperArchive(imported.dataSource(), CLOCK).count()).isEqualTo(1);
      // New rows continue after the imported ids instead of colliding with them.
      Subscription next =
          digests.save(
              new Subscription(
                  0,
                  "SLACK",
                  "T1",
                  "C2",
                  Subscription.Kind.CHANNEL,
                  "ana",
                  LocalTime.of(9, 0),
                  ZoneId.of("UTC"),
                  Subscription.WEEKDAYS,
                  List.of(),
                  5,
                  null));
      assertThat(next.id()).isGreaterThan(subscription.id());
      profiles.addTopic(ANA, "after the import", 1);
    }
    assertThat(data.resolve(H2Import.H2_FILE)).doesNotExist();
    assertThat(data.resolve(H2Import.H2_FILE + H2Import.IMPORTED_SUFFIX)).exists();
    try (Database again = Database.openDefault(data)) {
      assertThat(new JdbcProfileStore(again.dataSource(), CLOCK).load(ANA).topics())
          .as("a second start does not import again")
          .containsOnlyKeys("offline rl", "after the import");
    }
  }

  @Test
  void aKillBetweenTheTwoRenamesOnlyPutsTheH2FileAside() throws Exception {
    try (Database sqlite = Database.openDefault(data)) {
      new JdbcProfileStore(sqlite.dataSource(), CLOCK).addTopic(ANA, "imported before", 1);
    }
    try (Database h2 = TestDatabases.h2(data)) {
      new JdbcProfileStore(h2.dataSource(), CLOCK).addTopic(ANA, "only in h2", 1);
    }
    try (Database reopened = Database.openDefault(data)) {
      assertThat(new JdbcProfileStore(reopened.dataSource(), CLOCK).load(ANA).topics())
          .containsOnlyKeys("imported before");
    }
    assertThat(Files.exists(data.resolve(H2Import.H2_FILE))).isFalse();
  }
}
