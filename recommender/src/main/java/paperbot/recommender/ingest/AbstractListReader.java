package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.List;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Reads "Abstract:" lines: one untitled record per line (other versions of papers listed
 * elsewhere).
 */
final class AbstractListReader implements SeedReader {
  private static final String PREFIX = "Abstract:";

  @Override
  public List<SeedRecord> read(String file, List<NumberedLine> lines, List<String> errors) {
    List<SeedRecord> records = new ArrayList<>();
    for (NumberedLine line : NumberedLine.nonBlank(lines)) {
      String text =
          line.text().startsWith(PREFIX) ? line.text().substring(PREFIX.length()).strip() : "";
      if (text.isEmpty()) {
        errors.add(file + ":" + line.number() + ": expected \"Abstract:\" followed by text");
        continue;
      }
      records.add(
          SeedRecord.plain(null, text, new SourceRecord(file, line.number(), "abstract-list")));
    }
    return records;
  }
}
