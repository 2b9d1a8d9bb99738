package paperbot.recommender.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Stable paper ids: the arXiv id when known, otherwise a short hash of the normalised title. */
public final class PaperId {
  private static final Pattern ARXIV = Pattern.compile("\\d{4}\\.\\d{4,5}");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Prefix of title-derived ids; short enough to type in {@code /paper pb-1a2b3c4d}. */
  public static final String TITLE_PREFIX = "pb-";

  private PaperId() {}

  /** True for a modern arXiv id such as {@code 2311.01223} (version suffix not included). */
  public static boolean isArxivId(String id) {
    return id != null && ARXIV.matcher(id).matches();
  }

  /**
   * The id for a paper known only by its text: hashes the normalised title (or, untitled, the
   * abstract).
   */
  public static String fromText(String text) {
    String normalised = normalise(text);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
      return TITLE_PREFIX + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Title normalisation used for ids and duplicate detection: lower case, accents and TeX dollars
   * removed, every run of non-word characters collapsed to one space.
   */
  public static String normalise(String text) {
    if (text != null && isAscii(text)) {
      return normaliseAscii(text);
    }
    String decomposed =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("$", "");
    return NON_WORD.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #normalise} for plain ASCII, which is nearly every title: nothing to decompose, so one
   * pass instead of Unicode normalisation and two regular expressions (ids and title keys are made
   * for every paper indexed).
   */
  private static String normaliseAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$') {
        continue; // TeX dollars are removed before words are separated: "$k$-means" is "k means"
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
        gap = out.length() > 0;
        continue;
      }
      if (gap) {
        out.append(' ');
        gap = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
