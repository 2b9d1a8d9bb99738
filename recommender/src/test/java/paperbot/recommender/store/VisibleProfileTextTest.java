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
 * A database whose profiles were stored before typed text was read as it looks (migration 7) opens
 * with its topics, mutes, follows and digest topics as they look, duplicates merged, and nothing
 * else changed: on SQLite, H2 and PostgreSQL.
 */
final class VisibleProfileTextTest {
  private static final MemberKey ANA = new MemberKey("SLACK", "T1", "ana");
  private static final MemberKey BEN = new MemberKey("SLACK", "T1", "ben");
  private static final String ZERO_WIDTH = "\u200b";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#dialects")
  void storedTextIsReadAsItLooksAndDuplicatesMerge(String name, SqlDialect dialect) {
    String url = TestDatabases.url(dialect, dir);
    String user = TestDatabases.user(dialect);
    Clock clock = JdbcProfileStoreTest.ticking();
    Subscription digest = seedAsBefore(url, user, dialect, clock);

    try (Database db = Database.open(url, user, user)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), clock);
      InterestProfile ana = store.load(ANA);
      // Merged into the earliest (its place in the list) with the higher weight; the topic of
      // invisible characters alone has nothing to become and stays.
      assertThat(ana.topics())
          .containsExactly(
              Map.entry("diffusion policy", 2.0),
              Map.entry("world models", 1.0),
              Map.entry("offline rl", 1.5),
              Map.entry("\u2060", 1.0));
      assertThat(ana.mutes()).containsExactly("voice cloning");
      assertThat(ana.follows()).containsExactlyInAnyOrder("Chelsea Finn", "Sergey Levine");
      // Everything else as it was.
      assertThat(ana.liked()).containsExactly("p1");
      assertThat(ana.saved()).containsExactly("p2");
      assertThat(ana.seen()).contains("p3");
      assertThat(ana.learned()).containsOnlyKeys("diffus");
      assertThat(store.load(BEN).topics()).containsExactly(Map.entry("diffusion policy", 1.0));
      assertThat(new JdbcDigestStore(db.dataSource(), clock).all())
          .singleElement()
          .satisfies(s -> {
            assertThat(s.id()).isEqualTo(digest.id());
            assertThat(s.topics()).containsExactly("offline rl", "world models");
            assertThat(s.at()).isEqualTo(digest.at());
            assertThat(s.zone()).isEqualTo(digest.zone());
          });
      // The removal the member types now finds the topic.
      assertThat(store.removeTopic(ANA, "diffusion policy")).isTrue();
    }
  }

  /**
   * Profiles as the bot stored them before it read typed text as it looks: the text as typed, a
   * zero-width space, a full-width letter or a no-break space in it.
   */
  private static Subscription seedAsBefore(
      String url, String user, SqlDialect dialect, Clock clock) {
    Flyway old =
        Flyway.configure()
            .dataSource(url, user, user)
            .locations("classpath:db/migration", dialect.vendorMigrations())
            .target("7")
            .load();
    old.migrate();
    DataSource data = old.getConfiguration().getDataSource();
    JdbcProfileStore store = new JdbcProfileStore(data, clock);
    store.addTopic(ANA, "diffusion" + ZERO_WIDTH + " policy", 2);
    store.addTopic(ANA, "world models", 1);
    // The same topic typed again later, without the invisible character: it looked the same.
    store.addTopic(ANA, "diffusion policy", 1);
    store.addTopic(ANA, "\uff4f\uff46\uff46\uff4c\uff49\uff4e\uff45 rl", 1.5); // full-width
    store.addTopic(ANA, "\u2060", 1);
    store.mute(ANA, "voice" + ZERO_WIDTH + " cloning");
    store.mute(ANA, "voice cloning");
    store.follow(ANA, "Sergey\u00a0Levine");
    store.follow(ANA, "Sergey Levine");
    store.follow(ANA, "\ufeffChelsea Finn");
    store.recordFeedback(ANA, "p1", Feedback.LIKE, Map.of("diffus", 0.3));
    store.recordFeedback(ANA, "p2", Feedback.SAVE, Map.of());
    store.markSeen(ANA, List.of("p3"));
    store.addTopic(BEN, ZERO_WIDTH + "diffusion policy", 1);
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
                List.of("offline" + ZERO_WIDTH + " rl", "offline rl", "World Models"),
                5,
                null));
  }
}
