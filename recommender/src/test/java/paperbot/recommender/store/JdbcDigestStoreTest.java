package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paperbot.recommender.digest.RefusedRun;
import paperbot.recommender.digest.Subscription;

/** Digest subscriptions, sent-log and per-day run claims on SQLite, H2 and PostgreSQL. */
final class JdbcDigestStoreTest {
  @TempDir static Path dir;
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static Subscription channel(String destination, List<String> topics) {
    return new Subscription(
        0,
        "SLACK",
        "T1",
        destination,
        Subscription.Kind.CHANNEL,
        "U1",
        LocalTime.of(8, 30),
        ZoneId.of("Europe/Berlin"),
        Subscription.WEEKDAYS,
        topics,
        5,
        null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void subscriptionsAreSavedReplacedPerDestinationAndDeleted(
      String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcDigestStore store = new JdbcDigestStore(db.dataSource(), CLOCK);
      Subscription saved = store.save(channel("C1", List.of("offline rl", "diffusion policy")));
      assertThat(saved.id()).isPositive();
      assertThat(store.find(saved.id())).contains(saved);
      Subscription replaced = store.save(channel("C1", List.of("world models")));
      assertThat(replaced.id()).isEqualTo(saved.id());
      assertThat(replaced.topics()).containsExactly("world models");
      assertThat(store.inWorkspace("SLACK", "T1")).hasSize(1);
      assertThat(store.all())
          .extracting(Subscription::zone)
          .containsOnly(ZoneId.of("Europe/Berlin"));
      assertThat(store.delete(saved.id())).isTrue();
      assertThat(store.find("SLACK", "T1", "C1", Subscription.Kind.CHANNEL)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void aDayIsClaimedOnceAndSentPapersAreRemembered(String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcDigestStore store = new JdbcDigestStore(db.dataSource(), CLOCK);
      Subscription s = store.save(channel("C2", List.of()));
      assertThat(store.claimRun(s.id(), DAY, NOW)).isTrue();
      assertThat(store.claimRun(s.id(), DAY, NOW)).isFalse();
      store.recordSent(s, DAY, List.of("p1", "p2"), "POSTED", NOW);
      store.recordSent(s, DAY, List.of("p2", "p3"), "POSTED", NOW);
      assertThat(store.sent(s)).containsExactlyInAnyOrder("p1", "p2", "p3");
      assertThat(store.find(s.id()).orElseThrow().lastRunAt()).isEqualTo(NOW);
      assertThat(store.claimRun(s.id(), DAY.plusDays(1), NOW)).isTrue();
      store.releaseRun(s.id(), DAY.plusDays(1));
      assertThat(store.claimRun(s.id(), DAY.plusDays(1), NOW)).isTrue();
      assertThat(store.sent(store.save(channel("C3", List.of())))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void aRefusedRunKeepsItsDayMarksNothingSentAndSaysWhyUntilALaterRunPosts(
      String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcDigestStore store = new JdbcDigestStore(db.dataSource(), CLOCK);
      Subscription s = store.save(channel("C5", List.of()));
      String reason = "paperbot is not in this channel; invite it with `/invite @paperbot`";
      assertThat(store.claimRun(s.id(), DAY, NOW)).isTrue();
      assertThat(store.lastRefused(s.id())).as("still running").isEmpty();
      store.recordRefused(s.id(), DAY, "not_in_channel", reason);

      assertThat(store.lastRefused(s.id())).contains(new RefusedRun(DAY, "not_in_channel", reason));
      assertThat(store.claimRun(s.id(), DAY, NOW)).as("no retry that day").isFalse();
      assertThat(store.resumeRun(s.id(), DAY, NOW.plusSeconds(60), NOW.plusSeconds(60)))
          .as("finished, not resumable")
          .isFalse();
      assertThat(store.sent(s)).isEmpty();
      assertThat(store.find(s.id()).orElseThrow().lastRunAt())
          .as("the next digest still reaches back to these papers")
          .isNull();

      // The next day runs and is refused too, then a post the same day (paperbot invited back,
      // /digest now) clears it.
      assertThat(store.claimRun(s.id(), DAY.plusDays(1), NOW)).isTrue();
      assertThat(store.lastRefused(s.id()))
          .as("the running day does not hide the last")
          .isPresent();
      store.recordRefused(s.id(), DAY.plusDays(1), "is_archived", "x".repeat(900));
      assertThat(store.lastRefused(s.id()).orElseThrow().reason()).hasSize(500);
      store.recordSent(s, DAY.plusDays(1), List.of("p1"), "POSTED", NOW);
      assertThat(store.lastRefused(s.id())).isEmpty();
      assertThat(store.sent(s)).containsExactly("p1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void anUnfinishedRunIsResumedByExactlyOneCallerAndAFinishedOneNever(
      String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcDigestStore store = new JdbcDigestStore(db.dataSource(), CLOCK);
      Subscription s = store.save(channel("C4", List.of()));
      assertThat(store.claimRun(s.id(), DAY, NOW)).isTrue();
      Instant later = NOW.plusSeconds(60);
      assertThat(store.resumeRun(s.id(), DAY, later, NOW))
          .as("started at NOW, not before it")
          .isFalse();
      assertThat(store.resumeRun(s.id(), DAY, later, later)).as("the dead process's run").isTrue();
      assertThat(store.resumeRun(s.id(), DAY, later, later))
          .as("already taken over at 'later'")
          .isFalse();
      store.recordSent(s, DAY, List.of("p1"), "POSTED", later);
      assertThat(store.resumeRun(s.id(), DAY, later.plusSeconds(60), later.plusSeconds(60)))
          .as("finished")
          .isFalse();
      assertThat(store.resumeRun(s.id(), DAY.plusDays(1), later, later))
          .as("never claimed")
          .isFalse();
    }
  }
}
