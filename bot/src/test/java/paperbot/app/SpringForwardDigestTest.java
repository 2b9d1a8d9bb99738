package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.digest.Subscription;
import paperbot.schedule.QuartzDigestScheduleAccess;

/**
 * A digest whose local time the clocks skip on the spring-forward day (02:30 in New York's
 * 02:00–03:00 gap) still runs that day, once, at the first moment that exists; the fall-back day,
 * when the time exists twice, still runs once.
 */
final class SpringForwardDigestTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Saturday 2027-03-13, 07:00 in New York: the clocks spring forward tomorrow at 02:00. */
  private static final Clock EVE =
      Clock.fixed(Instant.parse("2027-03-13T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;

  private static Subscription daily(LocalTime at, String zone, Set<DayOfWeek> days) {
    return new Subscription(
        1,
        "SLACK",
        "T1",
        "C1",
        Subscription.Kind.CHANNEL,
        "U1",
        at,
        ZoneId.of(zone),
        days,
        List.of(),
        5,
        null);
  }

  private static List<ZonedDateTime> fires(Subscription subscription, String from, int count) {
    return QuartzDigestScheduleAccess.fireTimes(subscription, Instant.parse(from), count).stream()
        .map(i -> i.atZone(subscription.zone()))
        .toList();
  }

  @Test
  void theSpringForwardDayRunsOnceAtTheFirstMomentThatExists() {
    List<ZonedDateTime> fires =
        fires(
            daily(LocalTime.of(2, 30), "America/New_York", EnumSet.allOf(DayOfWeek.class)),
            "2027-03-12T12:00:00Z",
            4);
    assertThat(fires)
        .containsExactly(
            ZonedDateTime.of(2027, 3, 13, 2, 30, 0, 0, NEW_YORK),
            ZonedDateTime.of(2027, 3, 14, 3, 30, 0, 0, NEW_YORK),
            ZonedDateTime.of(2027, 3, 15, 2, 30, 0, 0, NEW_YORK),
            ZonedDateTime.of(2027, 3, 16, 2, 30, 0, 0, NEW_YORK));
    assertThat(fires.get(1).toInstant()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
  }

  @Test
  void midnightInHavanaRunsAtOneOnItsSpringForwardDay() {
    ZoneId havana = ZoneId.of("America/Havana");
    assertThat(
            fires(
                daily(LocalTime.MIDNIGHT, "America/Havana", EnumSet.allOf(DayOfWeek.class)),
                "2027-03-12T12:00:00Z",
                3))
        .containsExactly(
            ZonedDateTime.of(2027, 3, 13, 0, 0, 0, 0, havana),
            ZonedDateTime.of(2027, 3, 14, 1, 0, 0, 0, havana),
            ZonedDateTime.of(2027, 3, 15, 0, 0, 0, 0, havana));
  }

  @Test
  void aWeekdayDigestDoesNotRunOnASundaySpringForwardDay() {
    assertThat(
            fires(
                daily(LocalTime.of(2, 30), "America/New_York", Subscription.WEEKDAYS),
                "2027-03-12T12:00:00Z",
                2))
        .extracting(ZonedDateTime::toLocalDate)
        .containsExactly(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 16));
  }

  @Test
  void theFallBackDayWhen0130ExistsTwiceStillRunsOnce() {
    List<ZonedDateTime> fires =
        fires(
            daily(LocalTime.of(1, 30), "America/New_York", EnumSet.allOf(DayOfWeek.class)),
            "2027-11-05T12:00:00Z",
            3);
    assertThat(fires)
        .extracting(ZonedDateTime::toLocalDate)
        .containsExactly(
            LocalDate.of(2027, 11, 6), LocalDate.of(2027, 11, 7), LocalDate.of(2027, 11, 8));
    assertThat(fires).allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(1, 30)));
  }

  private static Reply say(Wiring wiring, String text) {
    return wiring
        .router()
        .handle(new ChatRequest(Platform.CONSOLE, "local", "general", "ana", "digest", text));
  }

  private Wiring open() {
    return Wiring.open(TestBots.config(data), EVE, true);
  }

  private static long subscriptionId(Wiring wiring) {
    return wiring.digestStore().all().get(0).id();
  }

  @Test
  void statusShowsTheSpringForwardRunAndItsTriggerIsStored() throws Exception {
    try (Wiring wiring = open()) {
      say(wiring, "subscribe 02:30 America/New_York daily offline rl");
      long id = subscriptionId(wiring);
      assertThat(UserText.plain(say(wiring, "status").text()))
          .contains("Next: Sun Mar 14, 03:30 America/New_York");
      assertThat(QuartzDigestScheduleAccess.springForwardRuns(wiring.scheduler(), id))
          .containsExactly(Instant.parse("2027-03-14T07:30:00Z"));

      // As that run fires it plans the next year's (Sunday 2028-03-12, 03:30 EDT).
      QuartzDigestScheduleAccess.planSpringForwardRun(
          wiring.scheduler(), id, Instant.parse("2027-03-14T07:30:00Z"));
      assertThat(QuartzDigestScheduleAccess.springForwardRuns(wiring.scheduler(), id))
          .containsExactly(
              Instant.parse("2027-03-14T07:30:00Z"), Instant.parse("2028-03-12T07:30:00Z"));

      // Another time has no spring-forward run; the old one goes with the old time.
      say(wiring, "subscribe 09:00 America/New_York daily offline rl");
      assertThat(QuartzDigestScheduleAccess.springForwardRuns(wiring.scheduler(), id)).isEmpty();
      assertThat(UserText.plain(say(wiring, "status").text()))
          .contains("Next: Sat Mar 13, 09:00 America/New_York");
    }
  }

  @Test
  void aWeekdayDigestsStatusSkipsTheSundaySpringForwardDay() throws Exception {
    try (Wiring wiring = open()) {
      say(wiring, "subscribe 02:30 America/New_York weekdays offline rl");
      assertThat(UserText.plain(say(wiring, "status").text()))
          .contains("Next: Mon Mar 15, 02:30 America/New_York");
      assertThat(
              QuartzDigestScheduleAccess.springForwardRuns(
                  wiring.scheduler(), subscriptionId(wiring)))
          .isEmpty();
    }
  }

  @Test
  void aDigestScheduledBeforeSpringForwardRunsExistedGetsItsRunAtStart() throws Exception {
    long id;
    try (Wiring first = open()) {
      say(first, "subscribe 02:30 America/New_York daily offline rl");
      id = subscriptionId(first);
      QuartzDigestScheduleAccess.dropSpringForwardRuns(first.scheduler(), id);
      assertThat(UserText.plain(say(first, "status").text()))
          .as("the cron alone skips the day")
          .contains("Next: Mon Mar 15, 02:30 America/New_York");
    }
    try (Wiring second = open()) {
      assertThat(QuartzDigestScheduleAccess.springForwardRuns(second.scheduler(), id))
          .containsExactly(Instant.parse("2027-03-14T07:30:00Z"));
      assertThat(UserText.plain(say(second, "status").text()))
          .contains("Next: Sun Mar 14, 03:30 America/New_York");
    }
  }

  @Test
  void eachRunPlansTheNextSpringForwardRun() throws Exception {
    try (Wiring wiring = open()) {
      say(wiring, "subscribe 02:30 America/New_York daily offline rl");
      long id = subscriptionId(wiring);
      QuartzDigestScheduleAccess.dropSpringForwardRuns(wiring.scheduler(), id);
      // The run itself is too late for paperbot's clock and posts nothing; it plans all the same.
      wiring.scheduler().fireNow(id);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (QuartzDigestScheduleAccess.springForwardRuns(wiring.scheduler(), id).isEmpty()
          && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(50); // polling with a deadline: the job runs on a Quartz thread
      }
      // Planned from the run's own fire time on Quartz's time line (the machine's clock), so the
      // day is whichever New York spring-forward Sunday comes next.
      assertThat(QuartzDigestScheduleAccess.springForwardRuns(wiring.scheduler(), id))
          .singleElement()
          .satisfies(run -> {
            ZonedDateTime local = run.atZone(NEW_YORK);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(local.getMonthValue()).isEqualTo(3);
          });
    }
  }
}
