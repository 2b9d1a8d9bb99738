package paperbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SpringForwardRunsTest {
  private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
  private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void aTimeInTheGapRunsAtTheResolvedInstantOfThatDay() {
    assertThat(
            SpringForwardRuns.next(
                LocalTime.of(2, 30), ZoneId.of("America/New_York"), EVERY_DAY, FROM))
        .contains(
            new SpringForwardRuns.Run(
                LocalDate.of(2027, 3, 14), Instant.parse("2027-03-14T07:30:00Z")));
  }

  @Test
  void aTimeNeverSkippedHasNoRun() {
    assertThat(
            SpringForwardRuns.next(LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), EVERY_DAY, FROM))
        .isEmpty();
    assertThat(SpringForwardRuns.next(LocalTime.of(2, 30), ZoneId.of("UTC"), EVERY_DAY, FROM))
        .isEmpty();
  }

  @Test
  void aDayNotChosenHasNoRun() {
    // New York springs forward on Sundays only.
    assertThat(
            SpringForwardRuns.next(
                LocalTime.of(2, 30),
                ZoneId.of("America/New_York"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                FROM))
        .isEmpty();
  }

  @Test
  void theGapStartIsSkippedAndItsEndExists() {
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(SpringForwardRuns.next(LocalTime.of(2, 0), newYork, EVERY_DAY, FROM))
        .map(SpringForwardRuns.Run::at)
        .contains(Instant.parse("2027-03-14T07:00:00Z"));
    assertThat(SpringForwardRuns.next(LocalTime.of(3, 0), newYork, EVERY_DAY, FROM)).isEmpty();
  }

  @Test
  void aRunIsLookedForAfterTheGivenMomentOnly() {
    assertThat(
            SpringForwardRuns.next(
                LocalTime.of(2, 30),
                ZoneId.of("America/New_York"),
                EVERY_DAY,
                Instant.parse("2027-03-14T07:30:00Z")))
        .map(SpringForwardRuns.Run::day)
        .contains(LocalDate.of(2028, 3, 12));
  }
}
