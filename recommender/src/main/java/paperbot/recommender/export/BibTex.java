package paperbot.recommender.export;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import paperbot.recommender.corpus.Paper;

/**
 * Papers as a {@code .bib} file that reference managers (Zotero, BibDesk, JabRef, biber) import
 * cleanly. Entries follow arXiv's own export: {@code @misc} with {@code eprint}, {@code
 * archivePrefix = {arXiv}}, {@code primaryClass} and the abstract page's URL. Keys are stable
 * ({@code firstauthorYEARfirstword}, ASCII, a letter appended when two papers share one), TeX's
 * special characters are escaped, and accented letters are written as TeX accents so old BibTeX
 * reads them too. A paper without an arXiv id is still exported, without the arXiv fields.
 */
public final class BibTex {
  /** Words a key skips when it takes the title's first word. */
  private static final Set<String> STOP_WORDS =
      Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "towards", "toward");

  /** Combining marks and the TeX accent command for each. */
  private static final Map<Character, String> ACCENTS =
      Map.ofEntries(
          Map.entry('\u0300', "`"),
          Map.entry('\u0301', "'"),
          Map.entry('\u0302', "^"),
          Map.entry('\u0303', "~"),
          Map.entry('\u0304', "="),
          Map.entry('\u0306', "u"),
          Map.entry('\u0307', "."),
          Map.entry('\u0308', "\""),
          Map.entry('\u030A', "r"),
          Map.entry('\u030B', "H"),
          Map.entry('\u030C', "v"),
          Map.entry('\u0327', "c"),
          Map.entry('\u0328', "k"));

  /** Letters that are not a base letter plus an accent. */
  private static final Map<Character, String> LETTERS =
      Map.ofEntries(
          Map.entry('ß', "{\\ss}"),
          Map.entry('æ', "{\\ae}"),
          Map.entry('Æ', "{\\AE}"),
          Map.entry('œ', "{\\oe}"),
          Map.entry('Œ', "{\\OE}"),
          Map.entry('ø', "{\\o}"),
          Map.entry('Ø', "{\\O}"),
          Map.entry('ł', "{\\l}"),
          Map.entry('Ł', "{\\L}"),
          Map.entry('ı', "{\\i}"),
          Map.entry('đ', "{\\dj}"),
          Map.entry('Đ', "{\\DJ}"));

  private BibTex() {}

  /** Every paper as one entry, in the given order, keys unique within the file. */
  public static String of(List<Paper> papers) {
    StringBuilder out = new StringBuilder();
    Map<String, Integer> keysSeen = new HashMap<>();
    for (Paper paper : papers) {
      String key = key(paper);
      int seen = keysSeen.merge(key, 1, Integer::sum);
      if (seen > 1) {
        key = key + (char) ('a' + Math.min(seen - 2, 25));
      }
      entry(out, key, paper);
    }
    return out.toString();
  }

  private static void entry(StringBuilder out, String key, Paper paper) {
    out.append("@misc{").append(key).append(",\n");
    // Double braces keep the title's capitals (BibTeX styles lower-case titles otherwise).
    field(out, "title", "{" + escape(paper.displayTitle()) + "}");
    String authors = authors(paper);
    if (!authors.isEmpty()) {
      field(out, "author", authors);
    }
    if (paper.published() != null && !paper.yearInferred()) {
      field(out, "year", String.valueOf(paper.published().getYear()));
      field(
          out,
          "month",
          paper.published().getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT));
    }
    String arxiv = paper.arxivId();
    if (arxiv != null) {
      field(out, "eprint", arxiv);
      field(out, "archivePrefix", "arXiv");
      if (!paper.categories().isEmpty()) {
        field(out, "primaryClass", paper.categories().get(0));
      }
      field(out, "url", "https://arxiv.org/abs/" + arxiv);
    } else if (!paper.links().isEmpty()) {
      field(out, "url", paper.links().get(0));
    }
    out.append("}\n\n");
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  private static String authors(Paper paper) {
    if (paper.authors().isEmpty()) {
      // An organisation is one name: double braces stop BibTeX splitting it into first and last.
      return paper.organisation() == null ? "" : "{" + escape(paper.organisation()) + "}";
    }
    StringBuilder names = new StringBuilder();
    for (String author : paper.authors()) {
      if (!names.isEmpty()) {
        names.append(" and ");
      }
      names.append(escape(author.strip()));
    }
    if (paper.authorsTruncated()
        || (paper.authorCount() != null && paper.authorCount() > paper.authors().size())) {
      names.append(" and others");
    }
    return names.toString();
  }

  /** {@code firstauthorYEARfirstword}: the first author's last name, the year, a title word. */
  static String key(Paper paper) {
    String author =
        paper.authors().isEmpty()
            ? (paper.organisation() == null ? "anon" : paper.organisation())
            : lastName(paper.authors().get(0));
    String year =
        paper.published() == null || paper.yearInferred()
            ? ""
            : String.valueOf(paper.published().getYear());
    String word = "";
    for (String candidate : ascii(paper.displayTitle()).split("[^a-z0-9]+")) {
      if (!candidate.isEmpty() && !STOP_WORDS.contains(candidate)) {
        word = candidate;
        break;
      }
    }
    String key = ascii(author).replaceAll("[^a-z0-9]", "") + year + word;
    return key.isEmpty() ? "paper" : key;
  }

  private static String lastName(String name) {
    String trimmed = name.strip();
    int comma = trimmed.indexOf(',');
    if (comma > 0) {
      return trimmed.substring(0, comma); // "Chi, Cheng"
    }
    String[] parts = trimmed.split("\\s+");
    return parts[parts.length - 1];
  }

  /** Lower-case ASCII: accents dropped, other letters folded where TeX has a plain spelling. */
  private static String ascii(String text) {
    StringBuilder plain = new StringBuilder();
    for (char c : Normalizer.normalize(text, Normalizer.Form.NFD).toCharArray()) {
      String letter = LETTERS.get(c);
      if (letter != null) {
        plain.append(letter.replaceAll("[{}\\\\]", ""));
      } else if (c < 128) {
        plain.append(c);
      }
    }
    return plain.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * A value as TeX reads it: the special characters escaped, accented letters as TeX accents
   * ({@code é} becomes {@code {\'e}}), other characters (CJK, Greek) kept as UTF-8, which biber and
   * modern BibTeX read.
   */
  static String escape(String text) {
    String decomposed =
        Normalizer.normalize(text.replaceAll("\\s+", " ").strip(), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      String accent = i + 1 < decomposed.length() ? ACCENTS.get(decomposed.charAt(i + 1)) : null;
      if (accent != null && Character.isLetter(c)) {
        String base = c == 'i' ? "\\i" : c == 'j' ? "\\j" : String.valueOf(c);
        out.append("{\\")
            .append(accent)
            .append(accent.length() == 1 && !Character.isLetter(accent.charAt(0)) ? "" : " ")
            .append(base)
            .append('}');
        i++;
        continue;
      }
      String letter = LETTERS.get(c);
      if (letter != null) {
        out.append(letter);
        continue;
      }
      switch (c) {
        case '\\' -> out.append("{\\textbackslash}");
        case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
        case '~' -> out.append("{\\textasciitilde}");
        case '^' -> out.append("{\\textasciicircum}");
        default -> {
          if (Character.getType(c) != Character.NON_SPACING_MARK) {
            out.append(c);
          }
        }
      }
    }
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }
}
