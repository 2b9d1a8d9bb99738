package paperbot.recommender.rank;

import java.util.List;
import java.util.Set;

/**
 * Words of a typed question that say nothing about its subject ("how can I ...", "what is ..."):
 * left out of the search, so they neither match papers nor show up in why-lines. English stop words
 * are already dropped by the analyser; this list holds the question and chat words it keeps. Words
 * a topic can hinge on ("use" in "tool use", "learn", "follow") are not listed.
 */
final class ChatWords {
  private static final Set<String> WORDS =
      Set.of(
          "how",
          "what",
          "which",
          "why",
          "when",
          "where",
          "who",
          "whom",
          "whose",
          "can",
          "could",
          "should",
          "would",
          "do",
          "does",
          "did",
          "doing",
          "i",
          "im",
          "me",
          "my",
          "we",
          "our",
          "us",
          "you",
          "your",
          "am",
          "is",
          "are",
          "was",
          "were",
          "been",
          "being",
          "make",
          "makes",
          "making",
          "get",
          "gets",
          "want",
          "need",
          "needs",
          "way",
          "ways",
          "any",
          "some",
          "papers",
          "paper",
          "about",
          "instead",
          "one",
          "ones",
          "out",
          "so",
          "more",
          "good",
          "best",
          "there",
          "here",
          "those",
          "has",
          "have",
          "had",
          "s",
          "vs",
          "versus",
          "anything",
          "something",
          "someone",
          "give",
          "show",
          "find",
          "tell",
          "recent",
          "please",
          "latest");

  private ChatWords() {}

  /** True for a question or chat word (lower case). */
  static boolean contains(String word) {
    return WORDS.contains(word);
  }

  /**
   * The words that carry the subject; all of them when none does (a query of only such words is
   * still a query).
   */
  static List<String> subject(List<String> words) {
    List<String> kept = words.stream().filter(word -> !WORDS.contains(word)).toList();
    return kept.isEmpty() ? words : kept;
  }
}
