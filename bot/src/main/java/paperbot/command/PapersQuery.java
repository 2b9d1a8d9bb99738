package paperbot.command;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of {@code /papers}, split into the query and the page asked for. {@code diffusion
 * policy} is page 1; {@code diffusion policy more} asks for the page after the last one shown;
 * {@code diffusion policy page 3} (or {@code p3}) asks for page 3.
 *
 * @param query the search words
 * @param page the page asked for explicitly (1-based), or 0 when "more" asks for the next one
 */
record PapersQuery(String query, int page) {
  static final int NEXT = 0;
  private static final Pattern PAGE =
      Pattern.compile("(?i)^(.*?)\\s*(?:\\bpage\\s*|\\bp)(\\d{1,4})$");
  private static final Pattern MORE = Pattern.compile("(?i)^(.*?)\\s*\\bmore$");

  static PapersQuery parse(String text) {
    String trimmed = text.strip();
    Matcher page = PAGE.matcher(trimmed);
    if (page.matches()) {
      return new PapersQuery(page.group(1).strip(), Math.max(1, Integer.parseInt(page.group(2))));
    }
    Matcher more = MORE.matcher(trimmed);
    if (more.matches()) {
      return new PapersQuery(more.group(1).strip(), NEXT);
    }
    return new PapersQuery(trimmed, 1);
  }

  /** A page of a query, as a button carries it: {@code 3|diffusion policy}. */
  String buttonValue() {
    return page + "|" + query;
  }

  /** The page a button asks for, or empty when its value is not one this bot made. */
  static Optional<PapersQuery> fromButton(String value) {
    int bar = value.indexOf('|');
    if (bar < 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PapersQuery(value.substring(bar + 1), Integer.parseInt(value.substring(0, bar))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Key for remembering pages: case and spacing do not make a different query. */
  String key() {
    return query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
