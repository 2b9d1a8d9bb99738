package paperbot.recommender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Delivery claims on SQLite, H2 and PostgreSQL: a key is claimed once across store instances (a
 * restart, another process), of claims racing on one key exactly one wins, and claims older than
 * the window are forgotten while newer ones still refuse.
 */
final class JdbcDeliveryClaimsTest {
  @TempDir static Path dir;
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  private static JdbcDeliveryClaims claims(Database db, Instant at) {
    return new JdbcDeliveryClaims(db.dataSource(), Clock.fixed(at, ZoneOffset.UTC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void aDeliveryIsClaimedOnceWhicheverStoreAsks(String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      JdbcDeliveryClaims first = claims(db, NOW);
      assertThat(first.claim("SLACK", "Ev1")).isTrue();
      assertThat(first.claim("SLACK", "Ev1")).isFalse();
      // A new store on the same database: a restarted process, or another one of a cluster.
      JdbcDeliveryClaims restarted = claims(db, NOW.plusSeconds(60));
      assertThat(restarted.claim("SLACK", "Ev1")).isFalse();
      assertThat(restarted.claim("SLACK", "Ev2")).isTrue();
      // Another sender's ids never meet this one's.
      assertThat(restarted.claim("DISCORD", "Ev1")).isTrue();
      assertThatThrownBy(() -> first.claim("SLACK", "E".repeat(256)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void ofClaimsRacingOnOneKeyExactlyOneWins(String name, Function<Path, Database> open)
      throws Exception {
    try (Database db = open.apply(dir)) {
      List<JdbcDeliveryClaims> processes = List.of(claims(db, NOW), claims(db, NOW));
      ExecutorService threads = Executors.newFixedThreadPool(8);
      try {
        for (int round = 0; round < 5; round++) {
          String id = "EvRace" + round;
          CountDownLatch go = new CountDownLatch(1);
          List<Future<Boolean>> claimed = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            JdbcDeliveryClaims store = processes.get(i % 2);
            claimed.add(
                threads.submit(() -> {
                  go.await();
                  return store.claim("SLACK", id);
                }));
          }
          go.countDown();
          int wins = 0;
          for (Future<Boolean> one : claimed) {
            wins += one.get(60, TimeUnit.SECONDS) ? 1 : 0;
          }
          assertThat(wins).as(id).isEqualTo(1);
        }
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paperbot.recommender.store.TestDatabases#openers")
  void claimsOlderThanTheWindowAreForgotten(String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      assertThat(claims(db, NOW).claim("SLACK", "EvOld")).isTrue();
      assertThat(claims(db, NOW.plus(Duration.ofHours(23))).claim("SLACK", "EvNew")).isTrue();
      JdbcDeliveryClaims later = claims(db, NOW.plus(Duration.ofHours(25)));
      assertThat(later.forgetOlderThan(Duration.ofDays(1))).isEqualTo(1);
      assertThat(later.forgetOlderThan(Duration.ofDays(1))).isZero();
      assertThat(later.claim("SLACK", "EvNew")).as("still within the window").isFalse();
      assertThat(later.claim("SLACK", "EvOld")).as("forgotten, so new again").isTrue();
    }
  }
}
