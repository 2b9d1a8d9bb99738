package paperbot.recommender.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;

/**
 * Words the Porter stemmer merges although researchers mean different things by them. The worst in
 * this field: "generalization", "generative" and "general" all become "gener", so a search for
 * generalization ranked every generative model first; "transformer" became "transform";
 * "experiment" and "experience" both "experi". These words get their own stems instead (index and
 * queries alike, so the index schema changes with this list).
 */
final class StemExceptions {
  private static final Map<String, String> STEMS = stems();
  private static final StemmerOverrideFilter.StemmerOverrideMap MAP = build();

  private StemExceptions() {}

  /**
   * The override map for {@link StemmerOverrideFilter}, built once (it is immutable and shared by
   * all streams).
   */
  static StemmerOverrideFilter.StemmerOverrideMap map() {
    return MAP;
  }

  private static StemmerOverrideFilter.StemmerOverrideMap build() {
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    STEMS.forEach(builder::add);
    try {
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> stems() {
    Map<String, String> stems = new HashMap<>();
    for (String word :
        new String[] {
          "generalization",
          "generalizations",
          "generalize",
          "generalizes",
          "generalized",
          "generalizing",
          "generalizable",
          "generalizability"
        }) {
      stems.put(word, "generaliz");
    }
    for (String word :
        new String[] {
          "generate",
          "generates",
          "generated",
          "generating",
          "generation",
          "generations",
          "generative",
          "generator",
          "generators"
        }) {
      stems.put(word, "generat");
    }
    for (String word : new String[] {"transformer", "transformers"}) {
      stems.put(word, "transformer");
    }
    for (String word :
        new String[] {
          "experiment",
          "experiments",
          "experimental",
          "experimentally",
          "experimenting",
          "experimented"
        }) {
      stems.put(word, "experiment");
    }
    for (String word : new String[] {"experience", "experiences", "experienced"}) {
      stems.put(word, "experienc");
    }
    return Map.copyOf(stems);
  }
}
