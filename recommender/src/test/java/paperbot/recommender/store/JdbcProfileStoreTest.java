package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paperbot.recommender.profile.Feedback;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;

/** The profile store on SQLite, H2 and PostgreSQL, through the production migrations. */
final class JdbcProfileStoreTest {
  private static final MemberKey ANA = new MemberKey("SLACK", "T1", "ana");
  @TempDir static Path dir;

  /**
   * A clock one second further on at every reading: topics list in the order they were added, and
   * two additions within one millisecond of the system clock would tie (and list by name).
   */
  static Clock ticking() {
    AtomicLong seconds = new AtomicLong(Instant.parse("2026-11-23T09:00:00Z").getEpochSecond());
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(seconds.getAndIncrement());
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void topicsMutesFollowsAndFeedbackRoundTrip(String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), ticking());
      assertThat(store.load(ANA)).isEqualTo(InterestProfile.empty());
      assertThat(store.addTopic(ANA, "offline rl", 1)).isTrue();
      assertThat(store.addTopic(ANA, "diffusion policy", 2)).isTrue();
      assertThat(store.addTopic(ANA, "offline rl", 3)).isFalse();
      assertThat(store.mute(ANA, "voice cloning")).isTrue();
      assertThat(store.mute(ANA, "voice cloning")).isFalse();
      assertThat(store.follow(ANA, "Haoran He")).isTrue();
      store.recordFeedback(ANA, "p1", Feedback.LIKE, Map.of("diffus", 0.3));
      store.recordFeedback(ANA, "p1", Feedback.SAVE, Map.of());
      store.recordFeedback(ANA, "p2", Feedback.DISLIKE, Map.of("voic", -0.3));
      store.markSeen(ANA, List.of("p3", "p4", "p3"));

      InterestProfile profile = store.load(ANA);
      assertThat(profile.topics())
          .containsExactly(Map.entry("offline rl", 3.0), Map.entry("diffusion policy", 2.0));
      assertThat(profile.mutes()).containsExactly("voice cloning");
      assertThat(profile.follows()).containsExactly("Haoran He");
      assertThat(profile.learned()).containsEntry("diffus", 0.3).containsEntry("voic", -0.3);
      assertThat(profile.saved()).containsExactly("p1");
      assertThat(profile.disliked()).containsExactly("p2");
      assertThat(profile.seen()).containsExactlyInAnyOrder("p3", "p4");

      store.recordFeedback(ANA, "p2", Feedback.LIKE, Map.of());
      assertThat(store.load(ANA).disliked()).isEmpty();
      assertThat(store.removeTopic(ANA, "offline rl")).isTrue();
      assertThat(store.removeTopic(ANA, "offline rl")).isFalse();
      assertThat(store.unmute(ANA, "voice cloning")).isTrue();
      assertThat(store.unfollow(ANA, "Haoran He")).isTrue();
      assertThat(store.clearTopics(ANA)).isEqualTo(1);
      assertThat(store.load(ANA).topics()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void workspacesAndPlatformsNeverShareAProfile(String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), Clock.systemUTC());
      store.addTopic(ANA, "offline rl", 1);
      assertThat(store.load(new MemberKey("SLACK", "T2", "ana")).topics()).isEmpty();
      assertThat(store.load(new MemberKey("DISCORD", "T1", "ana")).topics()).isEmpty();
      assertThat(store.load(new MemberKey("SLACK", "T1", "bo")).topics()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void concurrentCommandsOfOneMemberLoseNoUpdate(String name, Function<Path, Database> open)
      throws Exception {
    try (Database db = open.apply(dir)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), Clock.systemUTC());
      MemberKey newcomer = new MemberKey("SLACK", "T9", "racer");
      ExecutorService pool =
          Executors.newFixedThreadPool(6, r -> new Thread(r, "profile-test-writer"));
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int n = i;
        writes.add(pool.submit(() -> store.addTopic(newcomer, "topic " + n, 1)));
        writes.add(
            pool.submit(() ->
                store.recordFeedback(newcomer, "p" + n, Feedback.LIKE, Map.of("shared", 0.01))));
      }
      for (Future<?> write : writes) {
        write.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      InterestProfile profile = store.load(newcomer);
      assertThat(profile.topics()).hasSize(30);
      assertThat(profile.learned().get("shared"))
          .isCloseTo(0.30, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void aPaperCountsOnceInTheModelHoweverOftenItIsClicked(
      String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), ticking());
      MemberKey clicker = new MemberKey("SLACK", "T7", "clicker");
      store.recordFeedback(clicker, "p1", Feedback.LIKE, Map.of("diffus", 0.3));
      store.recordFeedback(clicker, "p1", Feedback.LIKE, Map.of("diffus", 0.3));
      assertThat(store.load(clicker).learned().get("diffus")).isCloseTo(0.3, within(1e-9));
      // A change of mind: the like is taken back, the dislike counts once.
      store.recordFeedback(clicker, "p1", Feedback.DISLIKE, Map.of("diffus", -0.3));
      assertThat(store.load(clicker).learned().get("diffus")).isCloseTo(-0.3, within(1e-9));
      store.recordFeedback(clicker, "p1", Feedback.DISLIKE, Map.of("diffus", -0.3));
      assertThat(store.load(clicker).learned().get("diffus")).isCloseTo(-0.3, within(1e-9));
      store.recordFeedback(clicker, "p1", Feedback.LIKE, Map.of("diffus", 0.3));
      assertThat(store.load(clicker).learned().get("diffus")).isCloseTo(0.3, within(1e-9));
      // Another paper's like still adds.
      store.recordFeedback(clicker, "p2", Feedback.LIKE, Map.of("diffus", 0.2));
      assertThat(store.load(clicker).learned().get("diffus")).isCloseTo(0.5, within(1e-9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void feedbackSaysWhatWasThereBeforeAndRepeatsChangeNothing(
      String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), ticking());
      MemberKey bo = new MemberKey("SLACK", "T7", "bo");
      assertThat(store.recordFeedback(bo, "p1", Feedback.SAVE, Map.of())).isEmpty();
      assertThat(store.recordFeedback(bo, "p2", Feedback.SAVE, Map.of())).isEmpty();
      // Saved again: still second, not moved to the top as if saved just now.
      assertThat(store.recordFeedback(bo, "p1", Feedback.SAVE, Map.of())).contains(Feedback.SAVE);
      assertThat(store.load(bo).saved()).containsExactly("p2", "p1");
      assertThat(store.recordFeedback(bo, "p1", Feedback.LIKE, Map.of("diffus", 0.3))).isEmpty();
      assertThat(store.recordFeedback(bo, "p1", Feedback.LIKE, Map.of("diffus", 0.3)))
          .contains(Feedback.LIKE);
      assertThat(store.recordFeedback(bo, "p1", Feedback.DISLIKE, Map.of("diffus", -0.3)))
          .contains(Feedback.LIKE);
      assertThat(store.recordFeedback(bo, "p1", Feedback.LIKE, Map.of("diffus", 0.3)))
          .contains(Feedback.DISLIKE);
      InterestProfile profile = store.load(bo);
      assertThat(profile.liked()).containsExactly("p1");
      assertThat(profile.saved()).containsExactly("p2", "p1");
      assertThat(profile.learned().get("diffus")).isCloseTo(0.3, within(1e-9));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void unsavingAndTakingBackAVerdictUndoExactlyThat(String name, Function<Path, Database> open)
      throws Exception {
    try (Database db = open.apply(dir)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), ticking());
      MemberKey cy = new MemberKey("SLACK", "T7", "cy");
      store.recordFeedback(cy, "p1", Feedback.SAVE, Map.of());
      store.recordFeedback(cy, "p1", Feedback.LIKE, Map.of("diffus", 0.3, "polici", 0.2));
      store.recordFeedback(cy, "p2", Feedback.LIKE, Map.of("diffus", 0.1));
      store.recordFeedback(cy, "p3", Feedback.DISLIKE, Map.of("voic", -0.4));

      assertThat(store.unsave(cy, "p1")).isTrue();
      assertThat(store.unsave(cy, "p1")).isFalse();
      assertThat(store.unsave(cy, "p2")).isFalse();
      InterestProfile afterUnsave = store.load(cy);
      assertThat(afterUnsave.saved()).isEmpty();
      // Unsaving keeps the like.
      assertThat(afterUnsave.liked()).containsExactly("p2", "p1");

      // A like taken back takes its words with it; another paper's like stays.
      assertThat(store.clearVerdict(cy, "p1", Map.of("diffus", 0.3, "polici", 0.2)))
          .contains(Feedback.LIKE);
      InterestProfile afterUnlike = store.load(cy);
      assertThat(afterUnlike.liked()).containsExactly("p2");
      assertThat(afterUnlike.learned().get("diffus")).isCloseTo(0.1, within(1e-9));
      assertThat(afterUnlike.learned()).doesNotContainKey("polici");
      assertThat(store.clearVerdict(cy, "p1", Map.of("diffus", 0.3))).isEmpty();
      assertThat(store.load(cy)).isEqualTo(afterUnlike);

      // A dislike taken back shows the paper again and adds back what it subtracted.
      assertThat(store.clearVerdict(cy, "p3", Map.of("voic", 0.4))).contains(Feedback.DISLIKE);
      assertThat(store.load(cy).disliked()).isEmpty();
      assertThat(store.load(cy).learned()).doesNotContainKey("voic");

      // Nothing to take back from a member never seen: no member row is made for it.
      MemberKey stranger = new MemberKey("SLACK", "T7", "stranger");
      assertThat(store.unsave(stranger, "p1")).isFalse();
      assertThat(store.clearVerdict(stranger, "p1", Map.of("diffus", 0.3))).isEmpty();
      assertThat(store.load(stranger)).isEqualTo(InterestProfile.empty());
      try (var c = db.dataSource().getConnection();
          var rows =
              c.createStatement()
                  .executeQuery("SELECT COUNT(*) FROM member WHERE user_id = 'stranger'")) {
        rows.next();
        assertThat(rows.getInt(1)).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void learnedWeightsStayBounded(String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcProfileStore store = new JdbcProfileStore(db.dataSource(), Clock.systemUTC());
      for (int i = 0; i < 30; i++) {
        store.recordFeedback(ANA, "p" + i, Feedback.LIKE, Map.of("term", 0.3));
      }
      assertThat(store.load(ANA).learned().get("term")).isEqualTo(JdbcProfileStore.LEARNED_LIMIT);
      // However many likes, only the heaviest terms are kept.
      Map<String, Double> many = new java.util.HashMap<>();
      for (int i = 0; i < JdbcProfileStore.LEARNED_TERMS_KEPT + 50; i++) {
        many.put("word" + i, 0.001 * (i + 1));
      }
      store.recordFeedback(ANA, "p-many", Feedback.LIKE, many);
      Map<String, Double> learned = store.load(ANA).learned();
      assertThat(learned).hasSize(JdbcProfileStore.LEARNED_TERMS_KEPT).containsKey("term");
      assertThat(learned).doesNotContainKey("word0").containsKey("word549");
    }
  }

  @org.junit.jupiter.api.Test
  void aRestartOnTheSameDataDirectoryFindsEverything() {
    Path data = dir.resolve("restart");
    try (Database db = TestDatabases.sqlite(data)) {
      new JdbcProfileStore(db.dataSource(), Clock.systemUTC()).addTopic(ANA, "world models", 1.5);
    }
    try (Database db = TestDatabases.sqlite(data)) {
      assertThat(new JdbcProfileStore(db.dataSource(), Clock.systemUTC()).load(ANA).topics())
          .containsExactly(Map.entry("world models", 1.5));
    }
  }
}
