package paperbot.recommender.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Fills in years that a listing left out. Listing pages print the year only for earlier years, so a
 * year-less date belongs to the year after the latest year printed in the same file (the page's
 * "current" year). A file that prints no year at all is taken to be current. Either way a date
 * never lands after today.
 */
final class YearInference {
  private YearInference() {}

  static List<SeedRecord> apply(List<SeedRecord> records, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    OptionalInt latestPrinted =
        records.stream()
            .map(SeedRecord::date)
            .filter(Objects::nonNull)
            .map(ListedDate::year)
            .filter(Objects::nonNull)
            .mapToInt(Integer::intValue)
            .max();
    int pageYear = latestPrinted.isPresent() ? latestPrinted.getAsInt() + 1 : today.getYear();
    int year = Math.min(pageYear, today.getYear());
    return records.stream().map(record -> infer(record, year, today)).toList();
  }

  private static SeedRecord infer(SeedRecord record, int year, LocalDate today) {
    ListedDate date = record.date();
    if (date == null || date.year() != null) {
      return record;
    }
    ListedDate filled = new ListedDate(date.month(), date.day(), year, true);
    if (filled.toLocalDate().isAfter(today)) {
      filled = new ListedDate(date.month(), date.day(), year - 1, true);
    }
    return record.withDate(filled);
  }
}
