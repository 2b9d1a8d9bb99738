package paperbot.recommender.ingest;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Locale;
import java.util.Map;

/**
 * A date as a listing printed it: month and day always, the year only sometimes.
 *
 * @param month 1-12
 * @param day 1-31
 * @param year the year, or null when the listing left it out
 * @param yearInferred true once a missing year has been filled in by {@link YearInference}
 */
public record ListedDate(int month, int day, Integer year, boolean yearInferred) {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  /** Regex alternation of English month abbreviations, for the readers' patterns. */
  static final String MONTH_PATTERN = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";

  public ListedDate {
    if (month < 1 || month > 12 || day < 1 || day > Month.of(month).maxLength()) {
      throw new IllegalArgumentException("no such date: month " + month + " day " + day);
    }
  }

  /** Parses "Oct", "7" and "2024" (or null) as printed. */
  static ListedDate parse(String monthName, String dayText, String yearText) {
    Integer month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
    if (month == null) {
      throw new IllegalArgumentException("unknown month " + monthName);
    }
    Integer year = yearText == null ? null : Integer.valueOf(yearText);
    return new ListedDate(month, Integer.parseInt(dayText), year, false);
  }

  /**
   * The calendar date, or null while the year is unknown. Feb 29 in a non-leap year falls back to
   * Feb 28.
   */
  public LocalDate toLocalDate() {
    if (year == null) {
      return null;
    }
    return LocalDate.of(year, month, Math.min(day, Month.of(month).length(Year.isLeap(year))));
  }
}
