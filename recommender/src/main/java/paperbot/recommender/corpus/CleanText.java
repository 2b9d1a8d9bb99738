package paperbot.recommender.corpus;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns scraped text (LaTeX, TeX quotes and accents, glued URLs) into clean text for indexing and snippets.
 * Stored titles and abstracts stay verbatim; only what is searched and shown as a snippet is cleaned.
 */
public final class CleanText {
  private static final Pattern FONT_MACRO = Pattern.compile("\\\\(?:textbf|textit|textsc|texttt|emph|mathrm|mathbf|"
      + "mathcal|mathit|text|boldsymbol)\\s*\\{([^{}]*)}");
  private static final Pattern ACCENT_BRACED = Pattern.compile("\\\\[\"'`^~=.]\\{(\\p{L})}");
  private static final Pattern ACCENT = Pattern.compile("\\\\[\"'`^~=.](\\p{L})");
  private static final Pattern MATH = Pattern.compile("\\$([^$]{0,200})\\$");
  private static final Pattern UNKNOWN_MACRO = Pattern.compile("\\\\([A-Za-z]+)");
  private static final Pattern GLUED_URL = Pattern.compile("(?<=[\\p{L}\\d])(?=https?://)");
  private static final Pattern WORD_WITH_TILDE = Pattern.compile("\\S*~\\S*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private CleanText() {}

  /** Clean text for the index and for snippets. */
  public static String of(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String text = raw;
    for (int pass = 0; pass < 3 && text.contains("\\"); pass++) { // nested macros: \textbf{\textit{x}}
      text = FONT_MACRO.matcher(text).replaceAll("$1");
    }
    text = ACCENT_BRACED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(accented(m.group(1))));
    text = ACCENT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(accented(m.group(1))));
    text = MATH.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1).strip()));
    text = text.replace("\\%", "%").replace("\\&", "&").replace("\\_", "_").replace("\\#", "#");
    text = UNKNOWN_MACRO.matcher(text).replaceAll("$1");
    text = text.replace("\\", "").replace("{", "").replace("}", "");
    text = text.replace("``", "\"").replace("''", "\"");
    text = GLUED_URL.matcher(text).replaceAll(" ");
    // TeX's ~ is a non-breaking space, but in a URL it is part of the address.
    text = WORD_WITH_TILDE.matcher(text).replaceAll(
        m -> Matcher.quoteReplacement(m.group().contains("/") ? m.group() : m.group().replace('~', ' ')));
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  /** TeX's {@code \"o} is an o with an umlaut; we index the plain letter, which is what people type. */
  private static String accented(String letter) {
    return Normalizer.normalize(letter, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
  }
}
