package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Reads Hugging Face paper listings (three page variants): page boilerplate, then per paper a
 * title, an abstract and an optional metadata block ({@code • 11 authors} or an organisation, a
 * lone {@code ·}, then the date and upvotes). A metadata block belongs to the record above it;
 * record boundaries come from these patterns, not from line counts.
 */
final class HfListingReader implements SeedReader {
  static final String SEPARATOR = "·";
  private static final Set<String> BOILERPLATE =
      Set.of(
          "new",
          "Get trending papers in your email inbox once a day!",
          "Get trending papers in your email inbox!",
          "Subscribe",
          "Daily Papers",
          "byAK and the research community");
  private static final String GLUED_BUTTON = "Subscribe";
  private static final Pattern AUTHOR_COUNT = Pattern.compile("^\\s*•\\s*(\\d+)\\s+authors?\\s*$");
  private static final Pattern DATE =
      Pattern.compile("^(" + ListedDate.MONTH_PATTERN + ") (\\d{1,2})(?:, (\\d{4}))?(?: (\\d+))?$");
  private static final Pattern PAGE_DATE =
      Pattern.compile("^(" + ListedDate.MONTH_PATTERN + ") \\d{1,2}$");

  /** Titles are at most ~150 characters; a "title" this long means the reader lost its place. */
  private static final int MAX_TITLE = 300;

  private final String layout;

  HfListingReader(String layout) {
    this.layout = layout;
  }

  @Override
  public List<SeedRecord> read(String file, List<NumberedLine> lines, List<String> errors) {
    List<NumberedLine> content = withoutHeader(NumberedLine.nonBlank(lines));
    List<SeedRecord> records = new ArrayList<>();
    int i = 0;
    while (i < content.size()) {
      NumberedLine title = content.get(i);
      if (title.text().length() > MAX_TITLE || isMetadataLine(title.text())) {
        errors.add(
            file
                + ":"
                + title.number()
                + ": expected a paper title, found "
                + describe(title.text())
                + "; line skipped");
        i++;
        continue;
      }
      if (i + 1 >= content.size()) {
        errors.add(
            file
                + ":"
                + title.number()
                + ": title without an abstract at end of file; record skipped");
        break;
      }
      Block block = new Block(title, content.get(i + 1));
      i = readMetadata(file, content, i + 2, block, errors);
      records.add(block.toRecord(file, layout));
    }
    return records;
  }

  /**
   * Drops page boilerplate and the page's own date before the first title; unglues "Subscribe" from
   * a title.
   */
  private static List<NumberedLine> withoutHeader(List<NumberedLine> content) {
    int first = 0;
    while (first < content.size() && isHeader(content.get(first).text().strip())) {
      first++;
    }
    List<NumberedLine> rest = new ArrayList<>(content.subList(first, content.size()));
    if (!rest.isEmpty() && first > 0) {
      NumberedLine head = rest.get(0);
      String text = head.text().strip();
      if (text.startsWith(GLUED_BUTTON)
          && text.length() > GLUED_BUTTON.length()
          && Character.isUpperCase(text.charAt(GLUED_BUTTON.length()))) {
        rest.set(0, new NumberedLine(head.number(), text.substring(GLUED_BUTTON.length())));
      }
    }
    return rest;
  }

  private static boolean isHeader(String text) {
    return BOILERPLATE.contains(text) || PAGE_DATE.matcher(text).matches();
  }

  private static boolean isMetadataLine(String text) {
    return AUTHOR_COUNT.matcher(text).matches()
        || SEPARATOR.equals(text.strip())
        || DATE.matcher(text.strip()).matches();
  }

  /** Reads the optional metadata block starting at {@code at}; returns the index after it. */
  private static int readMetadata(
      String file, List<NumberedLine> content, int at, Block block, List<String> errors) {
    int i = at;
    if (i < content.size()) {
      Matcher count = AUTHOR_COUNT.matcher(content.get(i).text());
      if (count.matches()) {
        block.authorCount = Integer.valueOf(count.group(1));
        i++;
      } else if (i + 1 < content.size() && SEPARATOR.equals(content.get(i + 1).text().strip())) {
        block.organisation = content.get(i).text().strip();
        i++;
      }
    }
    if (i < content.size() && SEPARATOR.equals(content.get(i).text().strip())) {
      i++;
      Matcher date = i < content.size() ? DATE.matcher(content.get(i).text().strip()) : null;
      if (date != null && date.matches()) {
        try {
          block.date = ListedDate.parse(date.group(1), date.group(2), date.group(3));
          block.upvotes = date.group(4) == null ? 0 : Integer.parseInt(date.group(4));
        } catch (IllegalArgumentException e) {
          errors.add(
              file + ":" + content.get(i).number() + ": " + e.getMessage() + "; date left empty");
        }
        i++;
      } else {
        errors.add(
            file
                + ":"
                + content.get(i - 1).number()
                + ": expected a date after '·'; date left empty");
      }
    }
    return i;
  }

  private static String describe(String text) {
    return text.length() > MAX_TITLE
        ? "a " + text.length() + "-character line"
        : "\"" + text.strip() + "\"";
  }

  /** The parts of one record while its metadata is read. */
  private static final class Block {
    final NumberedLine title;
    final NumberedLine abstractLine;
    Integer authorCount;
    String organisation;
    ListedDate date;
    int upvotes;

    Block(NumberedLine title, NumberedLine abstractLine) {
      this.title = title;
      this.abstractLine = abstractLine;
    }

    SeedRecord toRecord(String file, String layout) {
      return new SeedRecord(
          title.text().strip(),
          abstractLine.text().strip(),
          List.of(),
          false,
          authorCount,
          date,
          upvotes,
          List.of(),
          organisation,
          new SourceRecord(file, title.number(), layout));
    }
  }
}
