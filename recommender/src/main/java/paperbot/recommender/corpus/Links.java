package paperbot.recommender.corpus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links in an abstract, repairing how scraped text mangles them (glued to words, no
 * scheme, doubled).
 */
public final class Links {
  // A scheme-ful URL may be glued to the word before it ("researchhttps://..."), so no boundary is
  // required;
  // scheme-less links are accepted only for hosts researchers actually cite that way.
  private static final Pattern URL =
      Pattern.compile(
          "https?://[^\\s{}<>\"]+|(?<![\\w./-])(?:www\\.|github\\.com/|[\\w-]+\\.github\\.io)[^\\s{}<>\"]*");
  private static final String TRAILING = ".,;:)]'\"";

  private Links() {}

  /**
   * The distinct links in order of appearance, each with a scheme and without trailing punctuation.
   */
  public static List<String> find(String text) {
    Set<String> links = new LinkedHashSet<>();
    Matcher m = URL.matcher(text == null ? "" : text);
    while (m.find()) {
      String link = trim(m.group());
      if (link.length() > "https://".length() && link.contains(".")) {
        links.add(link.startsWith("http") ? link : "https://" + link);
      }
    }
    return List.copyOf(links);
  }

  private static String trim(String link) {
    int end = link.length();
    while (end > 0 && TRAILING.indexOf(link.charAt(end - 1)) >= 0) {
      // Keep a closing parenthesis that closes one opened inside the link (Wikipedia-style URLs).
      if (link.charAt(end - 1) == ')'
          && count(link.substring(0, end), '(') >= count(link.substring(0, end), ')')) {
        break;
      }
      end--;
    }
    return link.substring(0, end);
  }

  private static long count(String text, char c) {
    return text.chars().filter(ch -> ch == c).count();
  }
}
