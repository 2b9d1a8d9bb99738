package paperbot.recommender.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Lucene's marks on a query's words ask beyond the words ({@link QueryOperators}): a quoted
 * phrase's words near each other ({@code "diffusion policy"~3}) and words weighed more than the
 * others ({@code diffusion^3}).
 *
 * @param weights each weighed word (lower case, as {@link QueryWords#of} gives it) to its weight
 * @param slops each quoted phrase's words to how far apart they may be (Lucene's phrase slop)
 */
record SearchMarks(Map<String, Float> weights, Map<List<String>, Integer> slops) {
  static final SearchMarks NONE = new SearchMarks(Map.of(), Map.of());

  SearchMarks {
    weights = Map.copyOf(weights);
    slops = Map.copyOf(slops);
  }

  /** How far apart a quoted phrase's words may be: 0 (as it stands) unless a ~ said. */
  int slop(String phrase) {
    return slops.getOrDefault(QueryWords.of(phrase), 0);
  }

  /** The concepts, each weighed as the heaviest of its words ("offline^2 rl": offline rl at 2). */
  List<Concept> weighed(List<Concept> concepts) {
    if (weights.isEmpty()) {
      return concepts;
    }
    List<Concept> weighed = new ArrayList<>(concepts.size());
    for (Concept concept : concepts) {
      float weight = 0f;
      for (String word : concept.words()) {
        weight = Math.max(weight, weights.getOrDefault(word, 0f));
      }
      weighed.add(weight > 0f ? concept.weighed(weight) : concept);
    }
    return weighed;
  }

  /**
   * These marks on the words the spelling fix searched instead ({@code difusion^3} weighs
   * "diffusion"): {@code changes} maps a word, or two words typed apart, to what was searched.
   */
  SearchMarks fixed(Map<String, String> changes) {
    if (changes.isEmpty() || weights.isEmpty() && slops.isEmpty()) {
      return this;
    }
    Map<String, Float> fixedWeights = new HashMap<>();
    weights.forEach((word, weight) -> {
      for (String searched : fixed(List.of(word), changes)) {
        fixedWeights.merge(searched, weight, Math::max);
      }
    });
    Map<List<String>, Integer> fixedSlops = new HashMap<>();
    slops.forEach((phrase, slop) -> fixedSlops.put(fixed(phrase, changes), slop));
    return new SearchMarks(fixedWeights, fixedSlops);
  }

  private static List<String> fixed(List<String> words, Map<String, String> changes) {
    List<String> fixed = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String pair = i + 1 < words.size() ? words.get(i) + " " + words.get(i + 1) : null;
      String change = pair == null ? null : changes.get(pair);
      if (change != null) {
        i++;
      } else {
        change = changes.get(words.get(i));
      }
      fixed.addAll(change == null ? List.of(words.get(i)) : QueryWords.of(change));
    }
    return fixed;
  }
}
