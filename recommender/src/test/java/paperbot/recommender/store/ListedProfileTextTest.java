package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;

/**
 * A database whose profiles hold a list stored whole, from before topics, mutes and follows were
 * typed as comma lists, opens (migration 9) with one row per item, duplicates merged, and nothing
 * else changed: on SQLite, H2 and PostgreSQL. Found upgrading a data directory an H2-era paperbot
 * made: "offline rl, world models" could be neither removed nor unfollowed by typing it.
 */
final class ListedProfileTextTest {
  private static final MemberKey ANA = new MemberKey("SLACK", "T1", "ana");
  private static final MemberKey BEN = new MemberKey("SLACK", "T1", "ben");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#dialects")
  void aListStoredWholeBecomesOneRowPerItem(String name, SqlDialect dialect) {
    String url = TestDatabases.url(dialect, dir);
    String user = TestDatabases.user(dialect);
    Clock clock = JdbcProfileStoreTest.ticking();
    seedAsBefore(url, user, dialect, clock);

    try (Database db = Database.open(url, user, user)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), clock);
      InterestProfile ana = store.load(ANA);
      // Each item keeps its list's weight and place; one the member had already is merged into
      // the earlier row with the higher weight; separators alone have no item and stay.
      assertThat(ana.topics())
          .containsExactly(
              Map.entry("diffusion policy", 3.0),
              Map.entry("offline rl", 1.5),
              Map.entry("world models", 1.5),
              Map.entry("video generation", 3.0),
              Map.entry(",", 1.0));
      assertThat(ana.mutes()).containsExactlyInAnyOrder("survey", "benchmark");
      assertThat(ana.follows()).containsExactlyInAnyOrder("Sergey Levine", "Chelsea Finn");
      // Everything else as it was.
      assertThat(ana.liked()).containsExactly("p1");
      assertThat(ana.learned()).containsOnlyKeys("diffus");
      assertThat(store.load(BEN).topics()).containsExactly(Map.entry("robot learning", 1.0));
      // What the member types now finds each item.
      assertThat(store.removeTopic(ANA, "world models")).isTrue();
      assertThat(store.unfollow(ANA, "Chelsea Finn")).isTrue();
    }
  }

  /** Profiles as the bot stored them before it read typed lists: each list as one text. */
  private static void seedAsBefore(String url, String user, SqlDialect dialect, Clock clock) {
    Flyway old =
        Flyway.configure()
            .dataSource(url, user, user)
            .locations("classpath:db/migration", dialect.vendorMigrations())
            .javaMigrations(new VisibleProfileText())
            .target("8")
            .load();
    old.migrate();
    DataSource data = old.getConfiguration().getDataSource();
    JdbcProfileStore store = new JdbcProfileStore(data, clock);
    store.addTopic(ANA, "diffusion policy", 2);
    store.addTopic(ANA, "offline rl, world models", 1.5);
    store.addTopic(ANA, "diffusion policy;  video generation", 3);
    store.addTopic(ANA, ",", 1);
    store.mute(ANA, "survey, benchmark");
    store.mute(ANA, "survey");
    store.follow(ANA, "Sergey Levine, Chelsea Finn");
    store.follow(ANA, "Sergey Levine");
    store.recordFeedback(ANA, "p1", Feedback.LIKE, Map.of("diffus", 0.3));
    store.addTopic(BEN, "robot learning", 1);
  }
}
