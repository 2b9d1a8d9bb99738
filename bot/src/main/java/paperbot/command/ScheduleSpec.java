package paperbot.command;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.chat.InvalidOption;
import paperbot.chat.UserText;

/**
 * When a digest runs: local time, time zone and days, validated where it is built. It is built from
 * typed options (Discord) or from the words a member typed (Slack, console); both refuse bad values
 * with a reply that says what is accepted.
 *
 * @param at local time of day
 * @param zone the time zone the time is in
 * @param days the days it runs
 * @param zoneNote " `PST` is read as America/Los_Angeles." when the zone was typed as something
 *     other than its name (an abbreviation or an offset), else ""
 */
record ScheduleSpec(LocalTime at, ZoneId zone, Set<DayOfWeek> days, String zoneNote) {
  static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
  private static final Pattern TIME_24 = Pattern.compile("^(\\d{1,2}):(\\d{2})$");
  private static final Pattern TIME_12 =
      Pattern.compile("(?i)^(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?$");
  private static final Pattern TIME_HHMM = Pattern.compile("^(\\d{2})(\\d{2})$");

  /** {@code 21h}, {@code 9h30}: the hour mark much of Europe writes. */
  private static final Pattern TIME_H = Pattern.compile("(?i)^(\\d{1,2})h(\\d{2})?$");

  /** Times said in a word. */
  private static final Map<String, LocalTime> TIME_WORDS =
      Map.of("noon", LocalTime.NOON, "midday", LocalTime.NOON, "midnight", LocalTime.MIDNIGHT);

  /**
   * What a member means as a time, so it is read as one or refused, never kept as a topic: digits
   * with a colon or a dot, digits with am/pm, or a bare number (signed too).
   */
  private static final Pattern TIME_LIKE =
      Pattern.compile(
          "(?i)^(?:[+-]?[\\d:.]*\\d[\\d:.]*(\\s*[ap]\\.?m\\.?)?|\\d{1,2}h\\d{0,2}|noon|midday|midnight)$");

  private static final Pattern AM_PM = Pattern.compile("(?i)^[ap]\\.?m\\.?$");

  /** A time that an am/pm word after it completes: {@code 9 pm}, {@code 9:30 am}. */
  private static final Pattern BEFORE_AM_PM = Pattern.compile("^\\d{1,2}(:\\d{2})?$");

  private static final Pattern BARE_NUMBER = Pattern.compile("^\\d+$");

  /**
   * A word naming its option, as Discord's options are named ({@code days:mon-fri}, {@code
   * time:9pm}), or as a number of papers is often asked for ({@code count:10}).
   */
  private static final Pattern NAMED =
      Pattern.compile(
          "(?i)^(days|time|at|zone|tz|timezone|topics?|count|size|papers|number|limit|max|top|n)[:=].*$");

  private static final Set<String> ZONE_OPTIONS = Set.of("zone", "tz", "timezone");
  private static final Set<String> SIZE_OPTIONS =
      Set.of("count", "size", "papers", "number", "limit", "max", "top", "n");

  /** Capitalised like an IANA name ({@code Nowhere/Land}): a zone, even if misspelt. */
  private static final Pattern CAPITALISED_ZONE =
      Pattern.compile("^[A-Z][A-Za-z_]*(/[A-Z][A-Za-z_+-]*)+$");

  /** A tzdb zone named in capitals without a region: {@code CET}, {@code WET}, {@code EST5EDT}. */
  private static final Pattern ZONE_ID_IN_CAPITALS = Pattern.compile("^[A-Z][A-Z0-9-]+$");

  /** {@code UTC+5}, {@code GMT-03:00}, {@code UTC+0530}. */
  private static final Pattern PREFIXED_OFFSET =
      Pattern.compile("(?i)^(UTC|GMT)([+-])(\\d{1,2})(?::?(\\d{2}))?$");

  /** {@code +05:30}, {@code -9:00}; a bare signed number like {@code -1} is not taken as a zone. */
  private static final Pattern BARE_OFFSET = Pattern.compile("^([+-])(\\d{1,2}):(\\d{2})$");

  /** Meant as an offset, even if it is not a valid one ({@code UTC+15}, {@code GMT+5:3}). */
  private static final Pattern OFFSET_LIKE = Pattern.compile("(?i)^(UTC|GMT)[+-].*$");

  /** Real zones run from UTC-12 to UTC+14 (java.time allows ±18). */
  private static final int MIN_OFFSET_SECONDS = -12 * 3600;

  private static final int MAX_OFFSET_SECONDS = 14 * 3600;

  /**
   * Abbreviations read in any letter case, and the zone each is read as: {@link ZoneId#SHORT_IDS}
   * where its meaning is the common one (PST, CST, IST, JST, AET, HST), US Eastern and Mountain
   * time with their daylight saving (SHORT_IDS has EST and MST without it, as America/Panama and
   * America/Phoenix, or as fixed offsets before Java 24), the US daylight names, and the European
   * zones tzdb has by their abbreviation. The reply names the zone it was read as.
   */
  private static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("UTC", "UTC"),
          Map.entry("GMT", "GMT"),
          Map.entry("Z", "UTC"),
          Map.entry("PST", "America/Los_Angeles"),
          Map.entry("PDT", "America/Los_Angeles"),
          Map.entry("MST", "America/Denver"),
          Map.entry("MDT", "America/Denver"),
          Map.entry("CST", "America/Chicago"),
          Map.entry("CDT", "America/Chicago"),
          Map.entry("EST", "America/New_York"),
          Map.entry("EDT", "America/New_York"),
          Map.entry("HST", "Pacific/Honolulu"),
          Map.entry("JST", "Asia/Tokyo"),
          Map.entry("IST", "Asia/Kolkata"),
          Map.entry("AET", "Australia/Sydney"),
          Map.entry("CET", "CET"),
          Map.entry("CEST", "CET"),
          Map.entry("EET", "EET"),
          Map.entry("EEST", "EET"));

  /**
   * Zone abbreviations (typed in capitals) that mean more than one zone, or that {@link
   * ZoneId#SHORT_IDS} reads otherwise than most people do (BST is Dhaka there, AST Anchorage, ART
   * Cairo): refused with a reply rather than guessed or kept as a topic. ACT, MIT and NET are left
   * out: they are more often topics.
   */
  private static final Set<String> UNSURE_ABBREVIATIONS =
      Set.of(
          "ACDT", "ACST", "ADT", "AEDT", "AEST", "AGT", "AKDT", "AKST", "ART", "AST", "AWDT",
          "AWST", "BET", "BST", "CAT", "CNT", "CTT", "EAT", "ECT", "HADT", "HAST", "HDT", "HKST",
          "HKT", "IDT", "IET", "JDT", "KST", "MSK", "NDT", "NST", "NZDT", "NZST", "PKST", "PKT",
          "PLT", "PNT", "PRT", "SAST", "SST", "VST", "WAT", "WEST", "WIB", "WIT", "WITA");

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
   * @param time a time as {@link #time} reads it, or null
   * @param zone a time zone as {@link #zone} reads it, or null
   * @param days e.g. {@code mon-fri} or {@code mon,wed,fri}, or null
   */
  static ScheduleSpec of(
      String time, String zone, String days, ZoneId defaultZone, Set<DayOfWeek> defaultDays) {
    ZoneId at = blank(zone) ? defaultZone : zone(plain(zone.strip()));
    return new ScheduleSpec(
        blank(time) ? DEFAULT_TIME : time(time.strip()),
        at,
        blank(days) ? defaultDays : DigestDays.of(days),
        blank(zone) ? "" : zoneNote(zone.strip(), at));
  }

  /**
   * From the words a member typed: times, {@code days:...} and time zones are taken, every other
   * word is left in {@code rest} in order (a subscription's topics). A word that looks like a time
   * or a zone is read as one or refused; each of the three may be given once.
   */
  static ScheduleSpec fromWords(
      List<String> words, ZoneId defaultZone, Set<DayOfWeek> defaultDays, List<String> rest) {
    LocalTime at = DEFAULT_TIME;
    ZoneId zone = defaultZone;
    Set<DayOfWeek> days = defaultDays;
    String typedTime = null;
    String typedZone = null;
    String typedDays = null;
    for (int i = 0; i < words.size(); i++) {
      String typedWord = words.get(i);
      // A comma ends the topic before it ("diffusion 9pm, offline rl"): the word it is stuck to is
      // still read as a time, zone or days, and the comma still parts the topics around it.
      boolean comma = typedWord.length() > 1 && typedWord.endsWith(",");
      String word = comma ? typedWord.substring(0, typedWord.length() - 1) : typedWord;
      String next = i + 1 < words.size() ? words.get(i + 1) : "";
      boolean nextComma = next.length() > 1 && next.endsWith(",");
      String nextWord = nextComma ? next.substring(0, next.length() - 1) : next;
      // An option named as Discord names it (`time:9pm`, `zone:PST`, `days:mon-fri`), its value
      // also after a space (`days: mon-fri`).
      Matcher named = NAMED.matcher(plain(word));
      String option = named.matches() ? named.group(1).toLowerCase(Locale.ROOT) : "";
      String label = word; // as typed, for the replies
      if (named.matches()) {
        refuseSize(option, word);
        word = word.substring(named.group(1).length() + 1);
        if (word.isEmpty() && !comma && !next.isEmpty()) {
          label = label + " " + nextWord;
          word = nextWord;
          comma = nextComma;
          i++;
        } else if (word.isEmpty() && option.equals("days")) {
          DigestDays.of(""); // refused: no days after `days:`
        } else if (word.isEmpty() && !option.startsWith("topic")) {
          throw new InvalidOption(
              "Nothing after `"
                  + cut(label)
                  + "`. Give "
                  + (ZONE_OPTIONS.contains(option)
                      ? "a time zone, like `zone:Europe/Berlin`."
                      : "a time, like `time:21:00` or `time:9pm`."));
        }
        if (option.startsWith("topic")) {
          if (!word.isEmpty()) {
            rest.add(comma ? word + "," : word);
          }
          continue;
        }
      }
      String plain = plain(word);
      Optional<Set<DayOfWeek>> dayWords =
          option.isEmpty() ? DigestDays.bare(plain, plain(nextWord)) : Optional.empty();
      if (option.equals("days") || dayWords.isPresent()) {
        if (dayWords.isPresent() && plain.equalsIgnoreCase("every")) {
          word = word + " " + nextWord; // every day
          label = word;
          comma = nextComma;
          i++;
        }
        once("day lists", typedDays, label, " Put all the days in one, like `days:mon-fri,sun`.");
        typedDays = label;
        days = dayWords.orElseGet(() -> DigestDays.of(plain));
      } else if (ZONE_OPTIONS.contains(option) || (option.isEmpty() && looksLikeZone(plain))) {
        once("time zones", typedZone, label, "");
        typedZone = word;
        zone = zone(plain);
      } else if (!option.isEmpty() || TIME_LIKE.matcher(plain).matches()) {
        String typed = word;
        String after = i + 1 < words.size() ? words.get(i + 1) : "";
        boolean afterComma = after.length() > 1 && after.endsWith(",");
        String amPm = afterComma ? after.substring(0, after.length() - 1) : after;
        if (!comma && BEFORE_AM_PM.matcher(plain).matches() && AM_PM.matcher(amPm).matches()) {
          typed = word + " " + amPm; // 9 pm, 9:30 am
          comma = afterComma;
          i++;
        }
        once("times", typedTime, typed.equals(word) ? label : typed, "");
        typedTime = typed.equals(word) ? label : typed;
        at = time(typed);
      } else if (!typedWord.isBlank()) {
        rest.add(typedWord);
        continue;
      }
      if (comma && !rest.isEmpty()) {
        rest.add(",");
      }
    }
    return new ScheduleSpec(
        at, zone, days, typedZone == null ? "" : zoneNote(plain(typedZone), zone));
  }

  /** Refuses a number of papers: every digest has {@link DigestCommand#SIZE}. */
  private static void refuseSize(String option, String word) {
    if (SIZE_OPTIONS.contains(option)) {
      throw new InvalidOption(
          "A digest always has "
              + DigestCommand.SIZE
              + " papers, so `"
              + cut(word)
              + "` can't change it. Nothing was changed.");
    }
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

  /** Refuses a second time, zone or day list rather than silently keeping the last one. */
  private static void once(String what, String earlier, String typed, String hint) {
    if (earlier != null) {
      throw new InvalidOption(
          "You gave two "
              + what
              + ", `"
              + cut(earlier)
              + "` and `"
              + cut(typed)
              + "`; give one."
              + hint);
    }
  }

  /**
   * A time of day: 24-hour {@code 21:00}, {@code 0900} or {@code 21h30}, with am/pm ({@code 9pm},
   * {@code 9 pm}, {@code 9:30pm}, {@code 12am}), or {@code noon} or {@code midnight}; full-width
   * and other script digits count as digits.
   */
  static LocalTime time(String typed) {
    String text = plain(typed).strip();
    Matcher h24 = TIME_24.matcher(text);
    if (h24.matches()) {
      int hour = Integer.parseInt(h24.group(1));
      int minute = Integer.parseInt(h24.group(2));
      if (hour <= 23 && minute <= 59) {
        return LocalTime.of(hour, minute);
      }
    }
    Matcher h12 = TIME_12.matcher(text);
    if (h12.matches()) {
      int hour = Integer.parseInt(h12.group(1));
      int minute = h12.group(2) == null ? 0 : Integer.parseInt(h12.group(2));
      if (hour >= 1 && hour <= 12 && minute <= 59) {
        boolean pm = h12.group(3).equalsIgnoreCase("p");
        return LocalTime.of(hour % 12 + (pm ? 12 : 0), minute);
      }
    }
    LocalTime word = TIME_WORDS.get(text.toLowerCase(Locale.ROOT));
    if (word != null) {
      return word;
    }
    Matcher h = TIME_H.matcher(text);
    if (h.matches()) {
      int hour = Integer.parseInt(h.group(1));
      int minute = h.group(2) == null ? 0 : Integer.parseInt(h.group(2));
      if (hour <= 23 && minute <= 59) {
        return LocalTime.of(hour, minute);
      }
    }
    Matcher hhmm = TIME_HHMM.matcher(text);
    if (hhmm.matches()) {
      int hour = Integer.parseInt(hhmm.group(1));
      int minute = Integer.parseInt(hhmm.group(2));
      if (hour <= 23 && minute <= 59) {
        return LocalTime.of(hour, minute);
      }
    }
    String forms = " Use 24-hour HH:MM like `21:00`, or am/pm like `9pm` or `9:30 am`.";
    if (BARE_NUMBER.matcher(text).matches() && text.length() <= 2 && Integer.parseInt(text) <= 23) {
      int hour = Integer.parseInt(text);
      throw new InvalidOption(
          "`"
              + cut(typed)
              + "` is not a time on its own. Write `"
              + String.format(Locale.ROOT, "%02d:00", hour)
              + "`"
              + (hour >= 1 && hour <= 12 ? " or `" + hour + "pm`" : "")
              + ".");
    }
    throw new InvalidOption(
        "`"
            + cut(typed)
            + "` is not a time."
            + forms
            + (text.startsWith("+") || text.startsWith("-")
                ? " An offset from UTC is a time zone, written like `UTC-1` or `+05:30`."
                : ""));
  }

  private static boolean looksLikeZone(String word) {
    int slash = word.indexOf('/');
    return OFFSET_LIKE.matcher(word).matches()
        || BARE_OFFSET.matcher(word).matches()
        || ABBREVIATIONS.containsKey(word.toUpperCase(Locale.ROOT))
        || UNSURE_ABBREVIATIONS.contains(word)
        || (ZONE_ID_IN_CAPITALS.matcher(word).matches()
            && ZoneId.getAvailableZoneIds().contains(word))
        || CAPITALISED_ZONE.matcher(word).matches()
        || (slash > 0 && ZONE_REGIONS.contains(word.substring(0, slash).toLowerCase(Locale.ROOT)));
  }

  /**
   * A zone by its IANA name in any letter case, an abbreviation ({@code PST}, see {@link
   * #ABBREVIATIONS}), or an offset from UTC ({@code UTC+5:30}, {@code +05:30}) from UTC-12 to
   * UTC+14.
   */
  static ZoneId zone(String text) {
    Matcher prefixed = PREFIXED_OFFSET.matcher(text);
    if (prefixed.matches()) {
      return offset(
          text,
          prefixed.group(1).toUpperCase(Locale.ROOT),
          prefixed.group(2),
          prefixed.group(3),
          prefixed.group(4));
    }
    Matcher bare = BARE_OFFSET.matcher(text);
    if (bare.matches()) {
      return offset(text, "UTC", bare.group(1), bare.group(2), bare.group(3));
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (ABBREVIATIONS.containsKey(upper)) {
      return ZoneId.of(ABBREVIATIONS.get(upper));
    }
    if (UNSURE_ABBREVIATIONS.contains(upper)) {
      throw new InvalidOption(
          "I can't tell which time zone `"
              + cut(text)
              + "` is. Use its name, like `Europe/London` or `Australia/Sydney`, or an offset"
              + " like `UTC+10`. (As a topic, type it in lower case.)");
    }
    if (!OFFSET_LIKE.matcher(text).matches()) {
      try {
        return inRange(text, ZoneId.of(text));
      } catch (DateTimeException e) {
        Optional<String> named =
            ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.equalsIgnoreCase(text))
                .findFirst();
        if (named.isPresent()) {
          return ZoneId.of(named.get());
        }
      }
    }
    throw new InvalidOption(
        "`"
            + cut(text)
            + "` is not a time zone I know. Use a name like `Europe/Berlin`,"
            + " `America/New_York` or `UTC`, an abbreviation like `PST`, or an offset like"
            + " `UTC+05:30`.");
  }

  private static ZoneId offset(
      String typed, String prefix, String sign, String hours, String minutes) {
    int minute = minutes == null ? 0 : Integer.parseInt(minutes);
    if (minute > 59) {
      throw new InvalidOption(
          "`" + cut(typed) + "` is not a time zone I know. Write an offset like `UTC+05:30`.");
    }
    int seconds = (Integer.parseInt(hours) * 3600 + minute * 60) * (sign.equals("-") ? -1 : 1);
    checkOffset(typed, seconds);
    return ZoneId.ofOffset(prefix, ZoneOffset.ofTotalSeconds(seconds));
  }

  /** A fixed offset beyond any real zone's (java.time allows ±18 hours) is refused. */
  private static ZoneId inRange(String typed, ZoneId zone) {
    if (zone.getRules().isFixedOffset()) {
      checkOffset(typed, zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds());
    }
    return zone;
  }

  private static void checkOffset(String typed, int seconds) {
    if (seconds < MIN_OFFSET_SECONDS || seconds > MAX_OFFSET_SECONDS) {
      throw new InvalidOption(
          "`" + cut(typed) + "` is not a time zone: offsets from UTC run from UTC-12 to UTC+14.");
    }
  }

  /** " `PST` is read as America/Los_Angeles." when the zone was typed other than by its name. */
  private static String zoneNote(String typed, ZoneId zone) {
    String plain = plain(typed);
    return plain.equalsIgnoreCase(zone.getId())
        ? ""
        : " `" + cut(typed) + "` is read as " + zone.getId() + ".";
  }

  /**
   * The word as its compatibility form with ASCII digits, so full-width {@code ０９:００} and other
   * scripts' digits read as {@code 09:00}.
   */
  static String plain(String word) {
    String compatible = Normalizer.normalize(word, Normalizer.Form.NFKC);
    StringBuilder ascii = new StringBuilder(compatible.length());
    compatible
        .codePoints()
        .forEach(
            c -> ascii.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
    return ascii.toString();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static String cut(String text) {
    return UserText.shortened(text, 40);
  }
}
