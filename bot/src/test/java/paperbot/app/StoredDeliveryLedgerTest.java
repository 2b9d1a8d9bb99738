package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.chat.Platform;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcDeliveryClaims;

/**
 * The bot's delivery ledger on a real H2 database: a delivery claimed by one process is a repeat
 * for another process and after a restart; claims are forgotten a day after they were made, at most
 * once an hour; and without the database the process's own memory still tells repeats.
 */
final class StoredDeliveryLedgerTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    void set(Instant instant) {
      now.set(instant);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private Database open() {
    return Database.open(Database.h2Url(dir), null, null);
  }

  private static StoredDeliveryLedger ledger(Database db, Clock clock) {
    return new StoredDeliveryLedger(new JdbcDeliveryClaims(db.dataSource(), clock), clock);
  }

  private static List<String> claimed(Database db) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery("SELECT delivery_id FROM delivery_claim ORDER BY delivery_id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @Test
  void aClaimHoldsForAnotherProcessAndAfterARestart() {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    try (Database a = open();
        Database b = open()) {
      StoredDeliveryLedger first = ledger(a, clock);
      StoredDeliveryLedger other = ledger(b, clock);
      assertThat(first.firstDelivery(Platform.SLACK, "Ev1")).isTrue();
      assertThat(first.firstDelivery(Platform.SLACK, "Ev1")).isFalse();
      assertThat(other.firstDelivery(Platform.SLACK, "Ev1")).as("another process").isFalse();
      assertThat(other.firstDelivery(Platform.DISCORD, "Ev1")).as("another platform").isTrue();
    }
    try (Database restarted = open()) {
      assertThat(ledger(restarted, clock).firstDelivery(Platform.SLACK, "Ev1"))
          .as("after a restart")
          .isFalse();
    }
  }

  @Test
  void claimsAreForgottenADayOnAtMostOnceAnHour() throws SQLException {
    MovableClock clock = new MovableClock();
    try (Database db = open()) {
      StoredDeliveryLedger ledger = ledger(db, clock);
      assertThat(ledger.firstDelivery(Platform.SLACK, "EvA")).isTrue();
      clock.set(T0.plus(Duration.ofMinutes(30)));
      assertThat(ledger.firstDelivery(Platform.SLACK, "EvB")).isTrue();
      clock.set(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(20)));
      assertThat(ledger.firstDelivery(Platform.SLACK, "EvC")).isTrue();
      assertThat(claimed(db)).as("EvA is more than a day old").containsExactly("EvB", "EvC");
      clock.set(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(50)));
      assertThat(ledger.firstDelivery(Platform.SLACK, "EvD")).isTrue();
      assertThat(claimed(db))
          .as("EvB is a day old too, but the last pruning was within the hour")
          .containsExactly("EvB", "EvC", "EvD");
      clock.set(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(90)));
      assertThat(ledger.firstDelivery(Platform.SLACK, "EvE")).isTrue();
      assertThat(claimed(db)).containsExactly("EvC", "EvD", "EvE");
      // A forgotten delivery is new again to a process that never saw it; a kept one is not.
      StoredDeliveryLedger restarted = ledger(db, clock);
      assertThat(restarted.firstDelivery(Platform.SLACK, "EvA")).isTrue();
      assertThat(restarted.firstDelivery(Platform.SLACK, "EvC")).isFalse();
    }
  }

  @Test
  void withoutTheDatabaseTheProcessesOwnMemoryTellsRepeats() {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    Database db = open();
    StoredDeliveryLedger ledger = ledger(db, clock);
    assertThat(ledger.firstDelivery(Platform.SLACK, "EvSeen")).isTrue();
    db.close();
    assertThat(ledger.firstDelivery(Platform.SLACK, "EvSeen")).isFalse();
    assertThat(ledger.firstDelivery(Platform.SLACK, "EvNew")).isTrue();
    assertThat(ledger.firstDelivery(Platform.SLACK, "EvNew")).isFalse();
    assertThat(ledger.firstDelivery(Platform.SLACK, "E".repeat(300)))
        .as("an id too long for the table")
        .isTrue();
  }
}
