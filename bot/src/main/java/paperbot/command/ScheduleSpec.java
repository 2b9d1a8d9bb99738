package paperbot.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.chat.InvalidOption;

/**
 * When a digest runs: local time, time zone and days, validated where it is built. It is built from
 * typed options (Discord) or from the words a member typed (Slack, console); both refuse bad values
 * with a reply that says what is accepted.
 *
 * @param at local time of day
 * @param zone the time zone the time is in
 * @param days the days it runs
 */
record ScheduleSpec(LocalTime at, ZoneId zone, Set<DayOfWeek> days) {
  static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
  private static final Pattern TIME = Pattern.compile("^([01]?\\d|2[0-3]):([0-5]\\d)$");
  private static final Pattern TIME_LIKE = Pattern.compile("^\\d{1,2}[:.]\\d{1,2}$");
  private static final Pattern DAYS = Pattern.compile("^days:(.*)$", Pattern.CASE_INSENSITIVE);

  /** Capitalised like an IANA name ({@code Nowhere/Land}): a zone, even if misspelt. */
  private static final Pattern CAPITALISED_ZONE =
      Pattern.compile("^[A-Z][A-Za-z_]*(/[A-Z][A-Za-z_+-]*)+$");

  private static final Pattern OFFSET_ZONE =
      Pattern.compile("(?i)^(UTC|GMT)([+-]\\d{1,2}(:\\d{2})?)?$");

  /**
   * The first part of IANA zone names, in any case; other lower-case words with a slash, like
   * {@code rl/robotics}, stay topics.
   */
  private static final Set<String> ZONE_REGIONS =
      Set.of(
          "africa",
          "america",
          "antarctica",
          "arctic",
          "asia",
          "atlantic",
          "australia",
          "brazil",
          "canada",
          "chile",
          "etc",
          "europe",
          "indian",
          "mexico",
          "pacific",
          "us");

  ScheduleSpec {
    days = Set.copyOf(days);
  }

  /**
   * From typed options; a missing one takes its default.
   *
   * @param time HH:MM or null
   * @param zone a time zone name or null
   * @param days e.g. {@code mon-fri} or {@code mon,wed,fri}, or null
   */
  static ScheduleSpec of(
      String time, String zone, String days, ZoneId defaultZone, Set<DayOfWeek> defaultDays) {
    return new ScheduleSpec(
        blank(time) ? DEFAULT_TIME : time(time.strip()),
        blank(zone) ? defaultZone : zone(zone.strip()),
        blank(days) ? defaultDays : days(days));
  }

  /**
   * From the words a member typed: times, {@code days:...} and time zones are taken, every other
   * word is left in {@code rest} in order (a subscription's topics).
   */
  static ScheduleSpec fromWords(
      List<String> words, ZoneId defaultZone, Set<DayOfWeek> defaultDays, List<String> rest) {
    LocalTime at = DEFAULT_TIME;
    ZoneId zone = defaultZone;
    Set<DayOfWeek> days = defaultDays;
    for (String word : words) {
      Matcher dayList = DAYS.matcher(word);
      if (TIME_LIKE.matcher(word).matches()) {
        at = time(word);
      } else if (dayList.matches()) {
        days = days(dayList.group(1));
      } else if (looksLikeZone(word)) {
        zone = zone(word);
      } else if (!word.isBlank()) {
        rest.add(word);
      }
    }
    return new ScheduleSpec(at, zone, days);
  }

  /** For words that hold no topics: anything left over is refused rather than ignored. */
  static ScheduleSpec fromWordsOnly(List<String> words, ZoneId defaultZone, Set<DayOfWeek> days) {
    List<String> rest = new ArrayList<>();
    ScheduleSpec spec = fromWords(words, defaultZone, days, rest);
    if (!rest.isEmpty()) {
      throw new InvalidOption(
          "I don't understand `"
              + cut(rest.get(0))
              + "` here. Give a time as HH:MM and a time zone like `Europe/Berlin`.");
    }
    return spec;
  }

  private static LocalTime time(String text) {
    Matcher time = TIME.matcher(text);
    if (!time.matches()) {
      throw new InvalidOption(
          "`" + cut(text) + "` is not a time. Use 24-hour HH:MM, e.g. `08:30`.");
    }
    return LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
  }

  private static boolean looksLikeZone(String word) {
    int slash = word.indexOf('/');
    return OFFSET_ZONE.matcher(word).matches()
        || CAPITALISED_ZONE.matcher(word).matches()
        || (slash > 0 && ZONE_REGIONS.contains(word.substring(0, slash).toLowerCase(Locale.ROOT)));
  }

  /** A zone by its IANA name, in any letter case, or UTC/GMT with an offset. */
  static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      Optional<String> named =
          ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(text)).findFirst();
      if (named.isPresent()) {
        return ZoneId.of(named.get());
      }
      Matcher offset = OFFSET_ZONE.matcher(text);
      if (offset.matches()) {
        try {
          return ZoneId.of(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeException ignored) {
          // falls through to the reply below
        }
      }
      throw new InvalidOption(
          "`"
              + cut(text)
              + "` is not a time zone I know. Use a name like `Europe/Berlin`,"
              + " `America/New_York` or `UTC`.");
    }
  }

  /** Days like {@code mon-fri}, {@code mon,wed,fri} or {@code sat-sun} (a range may wrap). */
  static Set<DayOfWeek> days(String spec) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    List<DayOfWeek> order = List.of(DayOfWeek.values());
    for (String part : spec.replace(" ", "").toLowerCase(Locale.ROOT).split(",", -1)) {
      String[] range = part.split("-", -1);
      Optional<DayOfWeek> from = day(range[0]);
      Optional<DayOfWeek> to = range.length > 1 ? day(range[1]) : from;
      if (from.isEmpty() || to.isEmpty() || range.length > 2) {
        throw new InvalidOption(
            "I can't read the days `"
                + cut(spec)
                + "`. Write them like `days:mon-fri` or `days:mon,wed,fri`.");
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

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static String cut(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
