package paperbot.command;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import paperbot.chat.InvalidOption;

/** The days a digest runs on, as members type them: after {@code days:}, or said in a word. */
final class DigestDays {
  /** Days said in a word, typed alone or after {@code days:}. */
  private static final Map<String, Set<DayOfWeek>> DAY_WORDS =
      Map.of(
          "daily", EnumSet.allOf(DayOfWeek.class),
          "everyday", EnumSet.allOf(DayOfWeek.class),
          "weekdays", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          "weekends", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
          "weekend", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

  /** A day by its name's first three letters or more. */
  private static final String DAY = "(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*";

  /** Two or more days by name, as a range or a list: {@code mon-fri}, {@code sat,sun}. */
  private static final Pattern BARE_DAY_LIST = Pattern.compile("^" + DAY + "(?:[-,]" + DAY + ")+$");

  private DigestDays() {}

  /**
   * Days typed without {@code days:} where nothing else is meant: a word for them ({@code daily},
   * {@code every day}, {@code weekdays}, {@code weekends}), a day's full name ({@code mondays}), or
   * a range or list of days ({@code mon-fri}, {@code sat,sun}). A lone short name stays a word of a
   * topic: {@code sat} is as likely SAT solving.
   */
  static Optional<Set<DayOfWeek>> bare(String word, String next) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.equals("every") && next.toLowerCase(Locale.ROOT).matches("days?")) {
      return Optional.of(EnumSet.allOf(DayOfWeek.class));
    }
    if (DAY_WORDS.containsKey(lower)) {
      return Optional.of(DAY_WORDS.get(lower));
    }
    String singular = lower.endsWith("days") ? lower.substring(0, lower.length() - 1) : lower;
    Optional<DayOfWeek> named =
        Arrays.stream(DayOfWeek.values())
            .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(singular))
            .findFirst();
    if (named.isPresent()) {
      return Optional.of(EnumSet.of(named.get()));
    }
    return BARE_DAY_LIST.matcher(lower).matches() ? Optional.of(of(lower)) : Optional.empty();
  }

  /**
   * Days like {@code mon-fri}, {@code mon,wed,fri} or {@code sat-sun} (a range may wrap), or a word
   * for them: {@code daily}, {@code everyday}, {@code weekdays}, {@code weekends}.
   */
  static Set<DayOfWeek> of(String spec) {
    Set<DayOfWeek> named = DAY_WORDS.get(spec.strip().toLowerCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    List<DayOfWeek> order = List.of(DayOfWeek.values());
    for (String part : spec.replace(" ", "").toLowerCase(Locale.ROOT).split(",", -1)) {
      String[] range = part.split("-", -1);
      Optional<DayOfWeek> from = day(range[0]);
      Optional<DayOfWeek> to = range.length > 1 ? day(range[1]) : from;
      if (from.isEmpty() || to.isEmpty() || range.length > 2) {
        throw new InvalidOption(
            (spec.isBlank()
                    ? "No days after `days:`."
                    : "I can't read the days `" + ScheduleSpec.cut(spec) + "`.")
                + " Write them like `days:mon-fri` or `days:mon,wed,fri`.");
      }
      for (int i = order.indexOf(from.get()); ; i = (i + 1) % 7) {
        days.add(order.get(i));
        if (order.get(i) == to.get()) {
          break;
        }
      }
    }
    return days;
  }

  private static Optional<DayOfWeek> day(String text) {
    return Arrays.stream(DayOfWeek.values())
        .filter(d -> text.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(text))
        .findFirst();
  }
}
