package paperbot.recommender.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stems common enough in paper text that a phrase of two of them is slow to find by positions:
 * the most frequent stems of the seed corpus (each in about 9% of papers or more). Only pairs of
 * two common words are indexed as {@link WordPairs}; a phrase with a rarer word is found by its
 * positions, which is cheap because the rare word has few papers. Indexing every pair instead cost
 * about a third of ingest throughput.
 *
 * <p>The list is part of the index format: index and queries must agree on it, so changing it needs
 * a new {@link LucenePaperIndex} schema (which rebuilds the index).
 */
public final class CommonWords {
  static final String RESOURCE = "common-words.txt";
  private static final Set<String> STEMS = load();

  private CommonWords() {}

  /** True for a common stem (as {@link PaperAnalyzer} makes it). */
  public static boolean contains(String stem) {
    return STEMS.contains(stem);
  }

  static Set<String> all() {
    return STEMS;
  }

  private static Set<String> load() {
    try (InputStream in = CommonWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toUnmodifiableSet());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
