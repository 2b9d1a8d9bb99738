package paperbot.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.chat.InvalidOption;
import paperbot.chat.UserText;

/**
 * The text of {@code /papers}, split into the query and the page asked for. {@code diffusion
 * policy} is page 1; {@code diffusion policy more} asks for the page after the last one shown (a
 * repeated {@code more more} is one); {@code diffusion policy page 3} (or {@code p3}) asks for page
 * 3. A trailing {@code page} with something that is not a page number from 1 to {@link
 * PapersCommand#MAX_PAGE} ({@code page 0}, {@code page -1}, {@code page two}) is refused with a
 * reply saying what pages are, never searched; a number alone ({@code diffusion 2}) stays a query
 * word.
 *
 * @param query the search words
 * @param page the page asked for explicitly (1-based), or 0 when "more" asks for the next one
 */
record PapersQuery(String query, int page) {
  static final int NEXT = 0;

  /** {@code page 3}, and anything after "page" that starts as a number does ({@code page -1}). */
  private static final Pattern PAGE =
      Pattern.compile("(?i)^(.*?)\\s*\\bpage\\s*([+\\-\u2212]?\\d\\S*)$");

  /** {@code p3}: only digits, as {@code p2p} or {@code p3d} are words. */
  private static final Pattern SHORT_PAGE = Pattern.compile("(?i)^(.*?)\\s*\\bp(\\d{1,4})$");

  /** A page written as a word ({@code page two}): meant as a page, not as search words. */
  private static final Pattern WORD_PAGE =
      Pattern.compile(
          "(?i)^(.*?)\\s*\\bpage\\s+(zero|one|two|three|four|five|six|seven|eight|nine|ten"
              + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
              + "|twenty|hundred|thousand|million|first|second|third|next|last"
              // Not a number as Java spells it: refused as `page two` is, not searched.
              + "|[+\\-\u2212]?(?:nan|inf|infinity|\u221e)|[+\\-\u2212]?\\.\\d+)$");

  /**
   * Asking for the papers picked for you in words, as {@code /digest subscribe me} does: read as
   * the empty query (no paper is about "me").
   */
  private static final Pattern FOR_YOU = Pattern.compile("(?i)^(?:me|mine|for me|for you)$");

  private static final Pattern MORE = Pattern.compile("(?i)^(.*?)(?:\\s*\\bmore\\b)+$");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  /**
   * Reads the text after {@code /papers}.
   *
   * @throws InvalidOption when it ends in a page that is not one (the reply says what pages are)
   */
  static PapersQuery parse(String text) {
    String trimmed = text.strip();
    Matcher more = MORE.matcher(trimmed);
    boolean next = more.matches();
    String rest = next ? more.group(1).strip() : trimmed;
    Matcher asked = null;
    for (Pattern form : List.of(PAGE, SHORT_PAGE, WORD_PAGE)) {
      Matcher page = form.matcher(rest);
      if (asked == null && page.matches() && (form != SHORT_PAGE || isPage(page.group(2)))) {
        asked = page;
      }
    }
    if (asked == null) {
      return new PapersQuery(forYou(rest), next ? NEXT : 1);
    }
    String query = forYou(asked.group(1).strip());
    if (next || MORE.matcher(query).matches()) {
      throw new InvalidOption(
          "Ask for `more` or for a page, not both: `/papers <query> more` shows the next page, "
              + "`/papers <query> page 3` page 3.");
    }
    // "diffusion page 2 page 3" showed page 3 of the words "diffusion page 2".
    if (endsInPage(query)) {
      throw new InvalidOption(
          "Ask for one page: `/papers <query> page 3` shows page 3, `/papers <query> more` the"
              + " next one.");
    }
    return new PapersQuery(query, pageNumber(asked.group(2)));
  }

  private static boolean endsInPage(String text) {
    for (Pattern form : List.of(PAGE, SHORT_PAGE, WORD_PAGE)) {
      Matcher page = form.matcher(text);
      if (page.matches() && (form != SHORT_PAGE || isPage(page.group(2)))) {
        return true;
      }
    }
    return false;
  }

  private static String forYou(String query) {
    return FOR_YOU.matcher(query).matches() ? "" : query;
  }

  /**
   * Whether a short page ({@code p3}) names a page there is: past them it is a word, as in {@code
   * cytochrome p450} (only the spelled-out {@code page 450} is refused).
   */
  private static boolean isPage(String digits) {
    return Integer.parseInt(digits) <= PapersCommand.MAX_PAGE;
  }

  /** The page a member typed, from 1 to {@link PapersCommand#MAX_PAGE}. */
  private static int pageNumber(String typed) {
    String number = typed.replace('\u2212', '-');
    if (number.matches("[+\\-]?0*") || number.matches("-\\d+")) {
      throw new InvalidOption(
          "Pages start at 1: `/papers <query> page 1` is the first, or leave the page out.");
    }
    String digits = number.startsWith("+") ? number.substring(1) : number;
    if (digits.matches("\\d+")) {
      String significant = digits.replaceFirst("^0+", "");
      if (!DIGITS.matcher(significant).matches()
          || Integer.parseInt(significant) > PapersCommand.MAX_PAGE) {
        throw new InvalidOption(
            "There is no page "
                + UserText.literal(shorten(significant))
                + ": a page is a number from 1 to "
                + PapersCommand.MAX_PAGE
                + ". Past the first pages, more words in the query find more than paging does.");
      }
      return Integer.parseInt(significant);
    }
    throw new InvalidOption(
        UserText.literal(shorten(typed))
            + " is not a page number: a page is a number from 1 to "
            + PapersCommand.MAX_PAGE
            + ", e.g. `/papers <query> page 2`. To search for those words, leave out \"page\".");
  }

  private static String shorten(String typed) {
    return UserText.shortened(typed, 20);
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
      int page = Integer.parseInt(value.substring(0, bar));
      return page < 1 || page > PapersCommand.MAX_PAGE
          ? Optional.empty()
          : Optional.of(new PapersQuery(value.substring(bar + 1), page));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Key for remembering pages: case and spacing do not make a different query. */
  String key() {
    return query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
