package paperbot.command;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Lists as members type them ("a, b; c") and as a reply says them ("a, b and c"). */
final class Listing {
  private static final Pattern SEPARATOR = Pattern.compile("[,;]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Listing() {}

  /** "1 topic", "2 topics". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** "a", "a and b", "a, b and c". */
  static String of(List<String> items) {
    return of(items, "and");
  }

  /** "a", "a or b", "a, b or c" for {@code or}. */
  static String of(List<String> items, String conjunction) {
    return items.size() <= 1
        ? String.join("", items)
        : String.join(", ", items.subList(0, items.size() - 1))
            + " "
            + conjunction
            + " "
            + items.get(items.size() - 1);
  }

  /**
   * The items of a list typed with commas or semicolons between them, each trimmed with single
   * spaces and its case kept; empty items ("a, , b") are skipped.
   */
  static List<String> items(String text) {
    return Arrays.stream(SEPARATOR.split(text))
        .map(item -> SPACES.matcher(item.strip()).replaceAll(" "))
        .filter(item -> !item.isEmpty())
        .toList();
  }
}
