package paperbot.recommender.rank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

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
   * stop; the topic as given when nothing else is left. Function words open a question only with a
   * question or chat word among them ("the best papers on", "how to"): "a and b" is a topic as it
   * stands, as "t1 and t2" is.
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
    boolean asked = false;
    while (first < words.length) {
      String word = letters(words[first]);
      if (ChatWords.contains(word)) {
        asked = true;
      } else if (!LEADING_FUNCTION_WORDS.contains(word)) {
        break;
      }
      first++;
    }
    if (!asked) {
      return text;
    }
    return first == words.length
        ? topic
        : String.join(" ", Arrays.copyOfRange(words, first, words.length));
  }

  /**
   * True when every word of the text is an English stop word ("the", "of and"), which the analyser
   * drops: such a topic would match no paper, as {@code /papers the} searches for nothing.
   */
  public static boolean hasOnlyStopWords(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    boolean any = false;
    for (String word : words) {
      if (!word.isEmpty()) {
        if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static String letters(String word) {
    return word.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
  }
}
