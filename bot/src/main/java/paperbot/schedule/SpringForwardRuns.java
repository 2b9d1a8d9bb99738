package paperbot.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;
import java.util.Set;

/**
 * The days a digest's local time does not exist because the clocks spring forward over it, and when
 * it runs instead. Quartz's cron skips such a day; the digest runs at the first moment after its
 * time that exists, as java.time resolves a gap (02:30 in a 02:00–03:00 gap is 03:30).
 */
final class SpringForwardRuns {
  /**
   * How far ahead to look: a zone springs forward once or twice a year, and each run of the digest
   * looks again.
   */
  static final Duration HORIZON = Duration.ofDays(400);

  /** A run on a day whose local time was skipped: the day, and the instant it runs. */
  record Run(LocalDate day, Instant at) {}

  private SpringForwardRuns() {}

  /**
   * The first day after {@code after}, within {@link #HORIZON}, on which {@code at} falls in a gap
   * of the zone and which is one of the digest's days (all days when none are given).
   */
  static Optional<Run> next(LocalTime at, ZoneId zone, Set<DayOfWeek> days, Instant after) {
    Instant end = after.plus(HORIZON);
    Instant cursor = after;
    ZoneOffsetTransition transition;
    while ((transition = zone.getRules().nextTransition(cursor)) != null
        && !transition.getInstant().isAfter(end)) {
      cursor = transition.getInstant();
      if (!transition.isGap()) {
        continue; // on a fall-back day the time exists twice and the cron runs it once
      }
      LocalDateTime gapStart = transition.getDateTimeBefore();
      LocalDateTime gapEnd = transition.getDateTimeAfter();
      for (LocalDate day = gapStart.toLocalDate();
          !day.isAfter(gapEnd.toLocalDate());
          day = day.plusDays(1)) {
        LocalDateTime local = LocalDateTime.of(day, at);
        if (local.isBefore(gapStart) || !local.isBefore(gapEnd)) {
          continue;
        }
        if (!days.isEmpty() && !days.contains(day.getDayOfWeek())) {
          continue;
        }
        ZonedDateTime resolved = ZonedDateTime.of(local, zone);
        // A gap across midnight would move the run into the next day, which has its own run (and
        // the runner claims days by the local date it runs on): that day keeps only its own.
        if (resolved.toLocalDate().equals(day)) {
          // After the transition, so after `after`.
          return Optional.of(new Run(day, resolved.toInstant()));
        }
      }
    }
    return Optional.empty();
  }
}
