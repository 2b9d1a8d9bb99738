package paperbot.command;

import java.util.List;

/** A list as a reply says it: "a", "a and b", "a, b and c". */
final class Listing {
  private Listing() {}

  static String of(List<String> items) {
    return items.size() <= 1
        ? String.join("", items)
        : String.join(", ", items.subList(0, items.size() - 1))
            + " and "
            + items.get(items.size() - 1);
  }
}
