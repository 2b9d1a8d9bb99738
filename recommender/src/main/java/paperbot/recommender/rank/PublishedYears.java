package paperbot.recommender.rank;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Query;
import paperbot.recommender.index.PaperFields;

/**
 * The years a researcher limits a search to, in the words they type it: "diffusion policy from
 * 2024", "offline rl in 2023", "world models since 2022", "vla 2024 papers", "rlhf before 2023",
 * "from 2022 to 2024", "between 2021 and 2023". Read as a limit on the publication date, not as
 * words to match: a paper's abstract rarely names its year, and "from" and "2024" matched anything
 * that says them. A year past next year, or a range that ends before it starts, stays words.
 *
 * @param first the first day of the years asked for
 * @param last the last day of the years asked for
 * @param without the query without the words that named the years
 * @param notice what the results say about the limit ("Papers from 2024 only.")
 */
record PublishedYears(LocalDate first, LocalDate last, String without, String notice) {
  private static final String YEAR = "(19[5-9][0-9]|20[0-9][0-9])";

  private static final String UNTIL = "\\s*(?:-|\u2013|\u2014|to|until|through)\\s*";

  /** Each way of naming years, its year groups in order (a second group ends a range). */
  private static final List<Pattern> RANGES =
      List.of(
          pattern("(?:published\\s+)?(?:from|in|during)\\s+" + YEAR + "(?:" + UNTIL + YEAR + ")?"),
          pattern("between\\s+" + YEAR + "\\s+and\\s+" + YEAR),
          pattern(YEAR + "(?=\\s+(?:papers?|preprints?|work)\\b)"));

  private static final Pattern SINCE = pattern("(since|after)\\s+" + YEAR);
  private static final Pattern BEFORE = pattern("before\\s+" + YEAR);

  private static Pattern pattern(String words) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + words + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The years the query names, or null when it names none; {@code today} bounds them. */
  static PublishedYears in(String query, LocalDate today) {
    int latest = today.getYear() + 1;
    for (Pattern range : RANGES) {
      Matcher matcher = range.matcher(query);
      if (matcher.find()) {
        int from = Integer.parseInt(matcher.group(1));
        int to =
            matcher.groupCount() > 1 && matcher.group(2) != null
                ? Integer.parseInt(matcher.group(2))
                : from;
        if (to < from || to > latest) {
          return null;
        }
        String notice =
            from == to
                ? "Papers from " + from + " only."
                : "Papers from " + from + " to " + to + " only.";
        return of(query, matcher, LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31), notice);
      }
    }
    Matcher since = SINCE.matcher(query);
    if (since.find()) {
      int year = Integer.parseInt(since.group(2));
      int from = since.group(1).toLowerCase(Locale.ROOT).equals("after") ? year + 1 : year;
      return from > latest
          ? null
          : of(
              query,
              since,
              LocalDate.of(from, 1, 1),
              LocalDate.MAX,
              "Papers from " + from + " on.");
    }
    Matcher before = BEFORE.matcher(query);
    if (before.find()) {
      int year = Integer.parseInt(before.group(1));
      return year > latest
          ? null
          : of(
              query,
              before,
              LocalDate.MIN,
              LocalDate.of(year - 1, 12, 31),
              "Papers from before " + year + " only.");
    }
    return null;
  }

  private static PublishedYears of(
      String query, Matcher named, LocalDate first, LocalDate last, String notice) {
    String without =
        (query.substring(0, named.start()) + " " + query.substring(named.end()))
            .replaceAll("\\s+", " ")
            .strip();
    return new PublishedYears(first, last, without, notice);
  }

  /** Papers published within the years (a paper without a date is in none). */
  Query query() {
    return LongField.newRangeQuery(
        PaperFields.PUBLISHED,
        first.equals(LocalDate.MIN) ? Long.MIN_VALUE : first.toEpochDay(),
        last.equals(LocalDate.MAX) ? Long.MAX_VALUE : last.toEpochDay());
  }
}
