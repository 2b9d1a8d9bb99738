package paperbot.recommender.rank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What a topic typed as a question is about: {@code how can I filter out low-quality
 * demonstrations?} is kept as {@code filter out low-quality demonstrations}. Ranking leaves the
 * question words out anyway ({@link ChatWords}); keeping them made a researcher's question too long
 * to store as a topic, and reads oddly in why-lines ("your topics: how can i ...").
 */
public final class TopicSubject {
  /** Function words that may follow a question's opening ("how to train", "what are the"). */
  private static final Set<String> LEADING_FUNCTION_WORDS =
      Set.of("to", "a", "an", "the", "of", "for", "on", "in", "with", "and", "or", "it", "that");

  private TopicSubject() {}

  /**
   * The topic without its opening question or chat words and its closing question mark or full
   * stop; the topic as given when nothing else is left.
   */
  public static String of(String topic) {
    String text = topic.strip();
    while (!text.isEmpty() && "?!.".indexOf(text.charAt(text.length() - 1)) >= 0) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.isEmpty()) {
      return topic;
    }
    String[] words = text.split(" ");
    int first = 0;
    while (first < words.length && opening(words[first])) {
      first++;
    }
    return first == words.length
        ? topic
        : String.join(" ", Arrays.copyOfRange(words, first, words.length));
  }

  private static boolean opening(String word) {
    String letters = word.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    return ChatWords.contains(letters) || LEADING_FUNCTION_WORDS.contains(letters);
  }
}
