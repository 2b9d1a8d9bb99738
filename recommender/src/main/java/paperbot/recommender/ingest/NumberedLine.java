package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a source file with its 1-based number, so every record and error can name where it
 * came from.
 *
 * @param number 1-based line number
 * @param text the line without its line break
 */
record NumberedLine(int number, String text) {

  /**
   * Splits text into lines, keeping an unterminated last line (none of the seed files ends with a
   * newline).
   */
  static List<NumberedLine> split(String content) {
    List<NumberedLine> lines = new ArrayList<>();
    String[] parts = content.split("\n", -1);
    int count = content.endsWith("\n") ? parts.length - 1 : parts.length;
    for (int i = 0; i < count; i++) {
      String text =
          parts[i].endsWith("\r") ? parts[i].substring(0, parts[i].length() - 1) : parts[i];
      lines.add(new NumberedLine(i + 1, text));
    }
    return lines;
  }

  /**
   * The non-blank lines only: record boundaries in these layouts come from patterns, not blank
   * lines.
   */
  static List<NumberedLine> nonBlank(List<NumberedLine> lines) {
    return lines.stream().filter(line -> !line.text().isBlank()).toList();
  }

  boolean isBlank() {
    return text.isBlank();
  }
}
