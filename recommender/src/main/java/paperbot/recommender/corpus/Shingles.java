package paperbot.recommender.corpus;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Word 3-grams of a text, the evidence for "these two abstracts are versions of one paper". */
public final class Shingles {
  private Shingles() {}

  /** The distinct lower-case word 3-grams of the cleaned text. */
  public static Set<String> of(String text) {
    String[] words = CleanText.of(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> shingles = new HashSet<>();
    for (int i = 0; i + 2 < words.length; i++) {
      if (!words[i].isEmpty()) {
        shingles.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
      }
    }
    return shingles;
  }

  /**
   * Containment |A∩B| / min(|A|,|B|): 1.0 when one abstract's wording is wholly inside the other's.
   */
  public static double containment(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long shared = small.stream().filter(large::contains).count();
    return (double) shared / small.size();
  }
}
