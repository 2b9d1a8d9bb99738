package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;

/**
 * A database whose profiles hold entries that differ only by accents ("café" and "cafe"), stored
 * before typed text compared without them, opens (migration 10) with each such pair one entry in
 * the spelling first stored, and nothing else changed: on SQLite, H2 and PostgreSQL.
 */
final class FoldedProfileTextTest {
  private static final MemberKey ANA = new MemberKey("SLACK", "T1", "ana");
  private static final MemberKey BEN = new MemberKey("SLACK", "T1", "ben");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#dialects")
  void entriesThatDifferOnlyByAccentsBecomeOne(String name, SqlDialect dialect) {
    String url = TestDatabases.url(dialect, dir);
    String user = TestDatabases.user(dialect);
    Clock clock = JdbcProfileStoreTest.ticking();
    Subscription digest = seedAsBefore(url, user, dialect, clock);

    try (Database db = Database.open(url, user, user)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), clock);
      InterestProfile ana = store.load(ANA);
      // One entry in the earliest's place, with the higher weight, spelled with its accents; the
      // rest as they were.
      assertThat(ana.topics())
          .containsExactly(
              Map.entry("café culture", 2.0),
              Map.entry("world models", 1.0),
              Map.entry("naïve bayes", 1.5));
      assertThat(ana.mutes()).containsExactlyInAnyOrder("régression", "survey");
      assertThat(ana.follows()).containsExactlyInAnyOrder("Jörg Müller", "Sergey Levine");
      assertThat(ana.liked()).containsExactly("p1");
      assertThat(ana.learned()).containsOnlyKeys("diffus");
      // Another member's entries are theirs: the same text there is not merged with ana's.
      assertThat(store.load(BEN).topics())
          .containsExactly(Map.entry("cafe culture", 1.0), Map.entry("façade", 1.0));
      assertThat(new JdbcDigestStore(db.dataSource(), clock).all())
          .singleElement()
          .satisfies(s -> {
            assertThat(s.id()).isEqualTo(digest.id());
            assertThat(s.topics()).containsExactly("café culture", "offline rl");
            assertThat(s.at()).isEqualTo(digest.at());
          });
      // One row left of each: removing the kept spelling leaves none behind.
      assertThat(store.removeTopic(ANA, "café culture")).isTrue();
      assertThat(store.load(ANA).topics()).containsOnlyKeys("world models", "naïve bayes");
    }
  }

  /** Profiles as the bot stored them while it compared text with its accents. */
  private static Subscription seedAsBefore(
      String url, String user, SqlDialect dialect, Clock clock) {
    Flyway old =
        Flyway.configure()
            .dataSource(url, user, user)
            .locations("classpath:db/migration", dialect.vendorMigrations())
            .javaMigrations(new VisibleProfileText(), new ListedProfileText())
            .target("9")
            .load();
    old.migrate();
    DataSource data = old.getConfiguration().getDataSource();
    JdbcProfileStore store = new JdbcProfileStore(data, clock);
    store.addTopic(ANA, "café culture", 1);
    store.addTopic(ANA, "world models", 1);
    store.addTopic(ANA, "cafe culture", 2);
    store.addTopic(ANA, "naive bayes", 1);
    store.addTopic(ANA, "naïve bayes", 1.5);
    store.mute(ANA, "régression");
    store.mute(ANA, "regression");
    store.mute(ANA, "survey");
    store.follow(ANA, "Jörg Müller");
    store.follow(ANA, "Jorg Muller");
    store.follow(ANA, "JORG MULLER");
    store.follow(ANA, "Sergey Levine");
    store.recordFeedback(ANA, "p1", Feedback.LIKE, Map.of("diffus", 0.3));
    store.addTopic(BEN, "cafe culture", 1);
    store.addTopic(BEN, "façade", 1);
    return new JdbcDigestStore(data, clock)
        .save(
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
                List.of("cafe culture", "offline rl", "café culture"),
                5,
                null));
  }
}
