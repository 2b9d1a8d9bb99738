package paperbot.recommender.corpus;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns scraped text (LaTeX, TeX quotes and accents, glued URLs) into clean text for indexing and
 * snippets. Stored titles and abstracts stay verbatim; only what is searched and shown as a snippet
 * is cleaned.
 */
public final class CleanText {
  private static final Pattern FONT_MACRO =
      Pattern.compile(
          "\\\\(?:textbf|textit|textsc|texttt|emph|mathrm|mathbf|"
              + "mathcal|mathit|text|boldsymbol)\\s*\\{([^{}]*)}");
  private static final Pattern ACCENT_BRACED = Pattern.compile("\\\\[\"'`^~=.]\\{(\\p{L})}");
  private static final Pattern ACCENT = Pattern.compile("\\\\[\"'`^~=.](\\p{L})");
  private static final Pattern MATH = Pattern.compile("\\$([^$]{0,200})\\$");
  private static final Pattern UNKNOWN_MACRO = Pattern.compile("\\\\([A-Za-z]+)");

  /**
   * Characters that some rewrite below acts on (TeX, braces, quotes, tildes, and whitespace other
   * than a space).
   */
  private static final char[] TRIGGERS = {
    '\\', '$', '{', '}', '`', '~', '\t', '\n', '\u000B', '\f', '\r'
  };

  private CleanText() {}

  /** Clean text for the index and for snippets. */
  public static String of(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    if (alreadyClean(raw)) {
      return raw;
    }
    String text = raw;
    // Each rewrite runs only when its trigger character is present: most abstracts have none, and
    // indexing a
    // million papers spends its time here otherwise.
    if (text.indexOf('\\') >= 0) {
      // Nested macros (\textbf{\textit{x}}) take a pass each; a pass that finds none ends it.
      for (int pass = 0; pass < 3; pass++) {
        Matcher macro = FONT_MACRO.matcher(text);
        if (!macro.find()) {
          break;
        }
        text = macro.replaceAll("$1");
      }
      text =
          ACCENT_BRACED
              .matcher(text)
              .replaceAll(m -> Matcher.quoteReplacement(accented(m.group(1))));
      text = ACCENT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(accented(m.group(1))));
    }
    if (text.indexOf('$') >= 0) {
      text = MATH.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1).strip()));
    }
    if (text.indexOf('\\') >= 0) {
      text = text.replace("\\%", "%").replace("\\&", "&").replace("\\_", "_").replace("\\#", "#");
      text = UNKNOWN_MACRO.matcher(text).replaceAll("$1");
      text = text.replace("\\", "");
    }
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
      text = text.replace("{", "").replace("}", "");
    }
    if (text.contains("``") || text.contains("''")) {
      text = text.replace("``", "\"").replace("''", "\"");
    }
    if (text.contains("http")) {
      text = separateGluedUrls(text);
    }
    if (text.indexOf('~') >= 0) {
      text = unbreakTildes(text);
    }
    return collapseSpaces(text);
  }

  /**
   * True when no rewrite below would change the text (most abstracts have nothing to clean). Each
   * check is a vectorised {@code indexOf}, which measured several times faster than one pass over
   * the characters.
   */
  private static boolean alreadyClean(String text) {
    if (Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1))) {
      return false;
    }
    for (char trigger : TRIGGERS) {
      if (text.indexOf(trigger) >= 0) {
        return false;
      }
    }
    return !text.contains("  ") && !text.contains("''") && !hasGluedUrl(text);
  }

  private static boolean hasGluedUrl(String text) {
    for (int at = text.indexOf("http", 1); at >= 0; at = text.indexOf("http", at + 4)) {
      if (Character.isLetterOrDigit(text.charAt(at - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A space before every URL glued to the word before it ("codehttps://..."). A scan instead of a
   * look-behind regex, which tries every position of the text.
   */
  private static String separateGluedUrls(String text) {
    StringBuilder out = null;
    int copied = 0;
    for (int at = text.indexOf("http"); at >= 0; at = text.indexOf("http", at + 4)) {
      boolean url = text.startsWith("://", at + 4) || text.startsWith("s://", at + 4);
      if (url && at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8);
        }
        out.append(text, copied, at).append(' ');
        copied = at;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * TeX's ~ is a non-breaking space, but in a URL it is part of the address: in each word (a run of
   * non-spaces) with a tilde and no slash, the tildes become spaces. A scan instead of the regex
   * {@code \\S*~\\S*}, which tried every position of every word and was a tenth of cleaning.
   */
  private static String unbreakTildes(String text) {
    char[] chars = null;
    for (int tilde = text.indexOf('~'); tilde >= 0; tilde = text.indexOf('~', tilde + 1)) {
      int start = tilde;
      while (start > 0 && !isSpace(text.charAt(start - 1))) {
        start--;
      }
      int end = tilde + 1;
      while (end < text.length() && !isSpace(text.charAt(end))) {
        end++;
      }
      if (text.substring(start, end).indexOf('/') < 0) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        for (int i = start; i < end; i++) {
          if (chars[i] == '~') {
            chars[i] = ' ';
          }
        }
      }
      tilde = end;
    }
    return chars == null ? text : new String(chars);
  }

  /**
   * Runs of whitespace become one space, and the ends are stripped (what {@code \\s+} → " " does,
   * without a regex).
   */
  private static String collapseSpaces(String text) {
    StringBuilder out = null;
    boolean pendingSpace = false;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (out == null) {
        // Copy only once the text differs from its clean form.
        boolean clean =
            !space || (c == ' ' && i > 0 && i + 1 < length && !isSpace(text.charAt(i + 1)));
        if (clean) {
          continue;
        }
        out = new StringBuilder(length).append(text, 0, i);
      }
      if (space) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    // Other Unicode spaces at the ends go too, as String.strip() does.
    return (out == null ? text : out.toString()).strip();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * TeX's {@code \"o} is an o with an umlaut; we index the plain letter, which is what people type.
   */
  private static String accented(String letter) {
    return Normalizer.normalize(letter, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
  }
}
