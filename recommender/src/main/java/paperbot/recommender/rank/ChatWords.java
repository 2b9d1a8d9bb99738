package paperbot.recommender.rank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * Words that frame a request in chat ("I'm looking for papers about", "any recent work on",
   * "what's new in"): left out when they open the text and end on a {@link #LEADS_IN} word, where
   * the subject starts. Elsewhere they can be the subject ("research agents", "progress measures").
   */
  private static final Set<String> FRAMING =
      Set.of(
          "there",
          "i",
          "m",
          "im",
          "d",
          "ve",
          "ll",
          "re",
          "s",
          "me",
          "we",
          "us",
          "you",
          "can",
          "could",
          "would",
          "will",
          "do",
          "does",
          "is",
          "are",
          "am",
          "a",
          "an",
          "the",
          "to",
          "please",
          "pls",
          "looking",
          "look",
          "want",
          "need",
          "like",
          "interested",
          "find",
          "show",
          "give",
          "get",
          "recommend",
          "suggest",
          "point",
          "read",
          "know",
          "what",
          "which",
          "any",
          "anything",
          "something",
          "some",
          "good",
          "best",
          "top",
          "key",
          "recent",
          "latest",
          "new",
          "newest",
          "current",
          "papers",
          "paper",
          "work",
          "works",
          "research",
          "literature",
          "articles",
          "article",
          "publications",
          "studies",
          "advances",
          "progress",
          "developments",
          "trends",
          "stuff",
          "about",
          "on",
          "in",
          "regarding",
          "for",
          "into");

  /** Words after which the subject starts, when everything before them frames the request. */
  private static final Set<String> LEADS_IN =
      Set.of("about", "on", "in", "regarding", "for", "into");

  /** A greeting that opens a chat message ("hi", "quick question:"), whatever follows it. */
  private static final List<List<String>> GREETINGS =
      List.of(
          List.of("quick", "question"),
          List.of("hi", "there"),
          List.of("hey", "there"),
          List.of("hi"),
          List.of("hey"),
          List.of("hello"),
          List.of("ok"),
          List.of("okay"),
          List.of("paperbot"));

  private ChatWords() {}

  /** A word, and whether a hyphen joins it to the next ("in" of "in-context learning"). */
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+([-\u2010\u2011](?=[\\p{L}\\p{N}]))?");

  /**
   * The words of a text ({@link QueryWords#of}), framing and chat words left out. A chat word that
   * a hyphen joins to a neighbour is part of a term and stays: "out-of-distribution" (OOD, not
   * "distribution"), "one-shot imitation", "best-of-n sampling".
   */
  static List<String> subject(String text) {
    List<String> words = QueryWords.of(text);
    List<Boolean> hyphenated = hyphenated(text);
    List<String> kept = new ArrayList<>();
    for (int i = framing(words, hyphenated); i < words.size(); i++) {
      if (!WORDS.contains(words.get(i)) || joined(hyphenated, i) || joined(hyphenated, i - 1)) {
        kept.add(words.get(i));
      }
    }
    return kept.isEmpty() ? words : kept;
  }

  /** Whether a hyphen joins word {@code i} to the next. */
  private static boolean joined(List<Boolean> hyphenated, int i) {
    return i >= 0 && i < hyphenated.size() && hyphenated.get(i);
  }

  /**
   * For each word of the text, as {@link QueryWords#of} splits it, whether a hyphen joins it to the
   * next: "on" of "on-policy" is part of the subject, not where it starts.
   */
  private static List<Boolean> hyphenated(String text) {
    String head =
        text.length() > QueryWords.MAX_CHARS ? text.substring(0, QueryWords.MAX_CHARS) : text;
    Matcher word =
        WORD.matcher(Normalizer.normalize(head, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    List<Boolean> joined = new ArrayList<>();
    while (word.find()) {
      joined.add(word.group(1) != null);
    }
    return joined;
  }

  /**
   * How many of the opening words greet or frame the request; never all of them (a subject is
   * left). A lead-in word that the text joins to the next with a hyphen does not count.
   */
  private static int framing(List<String> words, List<Boolean> hyphenated) {
    int start = 0;
    for (boolean greeted = true; greeted; ) {
      greeted = false;
      for (List<String> greeting : GREETINGS) {
        int end = start + greeting.size();
        if (end < words.size() && words.subList(start, end).equals(greeting)) {
          start = end;
          greeted = true;
          break;
        }
      }
    }
    int framing = start;
    for (int i = start; i < words.size() - 1 && FRAMING.contains(words.get(i)); i++) {
      boolean joined = i < hyphenated.size() && hyphenated.get(i);
      if (LEADS_IN.contains(words.get(i)) && !joined) {
        framing = i + 1;
      }
    }
    return framing;
  }

  /** The text after its greeting and framing words ("any recent work on sft?": "sft?"). */
  static String withoutFraming(String text) {
    List<String> words = QueryWords.of(text);
    int framing = framing(words, hyphenated(text));
    if (framing == 0) {
      return text;
    }
    Matcher opening = QueryWords.typed(words.subList(0, framing)).matcher(text);
    return opening.find() ? text.substring(opening.end()) : text;
  }

  /** True for a question or chat word (lower case). */
  static boolean contains(String word) {
    return WORDS.contains(word);
  }
}
