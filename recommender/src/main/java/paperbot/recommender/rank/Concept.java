package paperbot.recommender.rank;

import java.util.List;

/**
 * One thing a member asked for: a word, or a known term such as "RL" with its equivalent forms.
 *
 * @param words the member's own words for it
 * @param label how to name it to the member: the list's spelling for known terms (e.g. {@code RL}),
 *     else the words
 * @param alternatives other forms that mean the same (empty for an ordinary word)
 * @param ambiguous true when the term has unrelated meanings (e.g. TTS), so the why-line names the
 *     one that matched
 * @param weight how much the member weighed it against their other words ({@code diffusion^3}); 1
 *     unless they said
 */
record Concept(
    List<String> words, String label, List<String> alternatives, boolean ambiguous, float weight) {
  Concept {
    words = List.copyOf(words);
    alternatives = List.copyOf(alternatives);
  }

  Concept(List<String> words, String label, List<String> alternatives, boolean ambiguous) {
    this(words, label, alternatives, ambiguous, 1f);
  }

  /** The same concept weighed {@code weight} against the query's other words. */
  Concept weighed(float weight) {
    return new Concept(words, label, alternatives, ambiguous, weight);
  }

  /** The member's words as one string, e.g. {@code offline rl}. */
  String text() {
    return String.join(" ", words);
  }

  boolean isKnownTerm() {
    return !alternatives.isEmpty();
  }
}
