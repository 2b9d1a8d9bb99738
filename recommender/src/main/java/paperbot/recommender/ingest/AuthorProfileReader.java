package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Reads an author-profile page. Each paper starts with a metadata line that glues an optional AI
 * score, the arXiv category, the date and a "Code" flag together ({@code LGNov 2, 2023Code}, {@code
 * 96.4AIJun 4}); the title, the author line and the abstract follow on their own lines.
 */
final class AuthorProfileReader implements SeedReader {
  // Backtracking splits "LGNov" into LG + Nov and keeps the score's digits out of the category
  // ("96.4AIJun").
  private static final Pattern METADATA =
      Pattern.compile(
          "^(?<score>\\d{1,3}(?:\\.\\d+)?)?(?<cat>[A-Z]+(?:-[A-Z]+)?)(?<mon>"
              + ListedDate.MONTH_PATTERN
              + ") (?<day>\\d{1,2})(?:, (?<year>\\d{4}))?(?<code>Code)?$");
  private static final Pattern ET_AL = Pattern.compile("\\s*\\bet al\\.?$");
  private static final int MAX_AUTHOR_LINE = 300;

  /** Profile-page category codes and the arXiv categories they stand for. */
  private static final Map<String, String> CATEGORIES =
      Map.ofEntries(
          Map.entry("LG", "cs.LG"),
          Map.entry("CV", "cs.CV"),
          Map.entry("RO", "cs.RO"),
          Map.entry("AI", "cs.AI"),
          Map.entry("CL", "cs.CL"),
          Map.entry("NE", "cs.NE"),
          Map.entry("MA", "cs.MA"),
          Map.entry("IR", "cs.IR"),
          Map.entry("SD", "cs.SD"),
          Map.entry("HC", "cs.HC"),
          Map.entry("CR", "cs.CR"),
          Map.entry("GR", "cs.GR"),
          Map.entry("ML", "stat.ML"),
          Map.entry("AP", "stat.AP"),
          Map.entry("ME", "stat.ME"),
          Map.entry("SY", "eess.SY"),
          Map.entry("IV", "eess.IV"),
          Map.entry("AS", "eess.AS"),
          Map.entry("APP-PH", "physics.app-ph"),
          Map.entry("OC", "math.OC"));

  static boolean isMetadata(String line) {
    return METADATA.matcher(line).matches();
  }

  @Override
  public List<SeedRecord> read(String file, List<NumberedLine> lines, List<String> errors) {
    List<NumberedLine> content = NumberedLine.nonBlank(lines);
    List<SeedRecord> records = new ArrayList<>();
    int start = firstMetadata(content);
    while (start < content.size()) {
      int end = start + 1;
      while (end < content.size() && !isMetadata(content.get(end).text())) {
        end++;
      }
      record(file, content.subList(start, end), errors, records);
      start = end;
    }
    return records;
  }

  private static int firstMetadata(List<NumberedLine> content) {
    for (int i = 0; i < content.size(); i++) {
      if (isMetadata(content.get(i).text())) {
        return i;
      }
    }
    return content.size();
  }

  /** One paper: metadata, title, authors, abstract. Anything else is reported and skipped. */
  private static void record(
      String file, List<NumberedLine> block, List<String> errors, List<SeedRecord> out) {
    NumberedLine meta = block.get(0);
    if (block.size() != 4 || block.get(2).text().length() > MAX_AUTHOR_LINE) {
      errors.add(
          file
              + ":"
              + meta.number()
              + ": expected a title, an author line and an abstract after the "
              + "metadata line, found "
              + (block.size() - 1)
              + " lines; record skipped");
      return;
    }
    Matcher m = METADATA.matcher(meta.text());
    if (!m.matches()) {
      throw new IllegalStateException("block must start with a metadata line");
    }
    ListedDate date;
    try {
      date = ListedDate.parse(m.group("mon"), m.group("day"), m.group("year"));
    } catch (IllegalArgumentException e) {
      errors.add(file + ":" + meta.number() + ": " + e.getMessage() + "; record skipped");
      return;
    }
    String authorLine = block.get(2).text().strip();
    boolean truncated = ET_AL.matcher(authorLine).find();
    List<String> authors =
        Arrays.stream(ET_AL.matcher(authorLine).replaceAll("").split(",\\s*"))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList();
    String code = m.group("cat");
    out.add(
        new SeedRecord(
            block.get(1).text().strip(),
            block.get(3).text().strip(),
            authors,
            truncated,
            truncated ? null : authors.size(),
            date,
            0,
            List.of(CATEGORIES.getOrDefault(code, code)),
            null,
            new SourceRecord(file, meta.number(), "author-profile")));
  }
}
