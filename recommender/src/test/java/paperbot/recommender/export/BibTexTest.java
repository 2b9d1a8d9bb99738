package paperbot.recommender.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;
import paperbot.recommender.corpus.Paper;

/**
 * The .bib file as a reference manager reads it: parsed by a real BibTeX parser (jbibtex), every
 * field checked, and TeX-escaped values turned back into the text they stand for.
 */
final class BibTexTest {
  private static Paper paper(
      String id,
      String title,
      List<String> authors,
      boolean truncated,
      LocalDate published,
      boolean yearInferred,
      List<String> categories,
      String organisation,
      List<String> links) {
    return new Paper(
        id,
        title,
        List.of(),
        "abstract",
        authors,
        truncated,
        null,
        published,
        yearInferred,
        0,
        categories,
        organisation,
        links,
        List.of());
  }

  private static final Paper DIFFUSION =
      paper(
          "2303.04137",
          "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
          List.of("Cheng Chi", "Siyuan Feng", "Yilun Du"),
          false,
          LocalDate.of(2023, 3, 7),
          false,
          List.of("cs.RO", "cs.LG"),
          null,
          List.of());
  private static final Paper ACCENTED =
      paper(
          "2401.00001",
          "The 100% & $O(n)$ Cost of #Tags_and {Braces} ~ Résumé",
          List.of("José Müller-Łukasiewicz", "Zoë Ørsted", "Øyvind Çelik"),
          true,
          LocalDate.of(2024, 1, 2),
          false,
          List.of("cs.CL"),
          null,
          List.of());
  private static final Paper NO_ARXIV =
      paper(
          "pb-1a2b3c4d",
          "A Study on Large Models",
          List.of(),
          false,
          LocalDate.of(2025, 6, 1),
          true,
          List.of(),
          "OpenAI",
          List.of("https://example.org/report.pdf"));
  private static final Paper SAME_KEY =
      paper(
          "2303.09999",
          "Diffusion models everywhere",
          List.of("Wei Chi"),
          false,
          LocalDate.of(2023, 9, 1),
          false,
          List.of("cs.CV"),
          null,
          List.of());

  private static Map<Key, BibTeXEntry> parse(String bib) throws Exception {
    BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bib));
    return database.getEntries();
  }

  private static String field(BibTeXEntry entry, String name) {
    return entry.getField(new Key(name)).toUserString();
  }

  /** What a reference manager shows: the TeX of a value printed as plain text. */
  private static String shown(String tex) throws Exception {
    List<LaTeXObject> objects = new LaTeXParser().parse(tex);
    return new LaTeXPrinter().print(objects);
  }

  @Test
  void anArxivPaperHasEveryFieldReferenceManagersImport() throws Exception {
    Map<Key, BibTeXEntry> entries = parse(BibTex.of(List.of(DIFFUSION)));
    assertThat(entries).hasSize(1);
    BibTeXEntry entry = entries.get(new Key("chi2023diffusion"));
    assertThat(entry).isNotNull();
    assertThat(entry.getType()).isEqualTo(BibTeXEntry.TYPE_MISC);
    assertThat(field(entry, "title"))
        .isEqualTo("{Diffusion Policy: Visuomotor Policy Learning via Action Diffusion}");
    assertThat(field(entry, "author")).isEqualTo("Cheng Chi and Siyuan Feng and Yilun Du");
    assertThat(field(entry, "year")).isEqualTo("2023");
    assertThat(field(entry, "month")).isEqualTo("mar");
    assertThat(field(entry, "eprint")).isEqualTo("2303.04137");
    assertThat(field(entry, "archivePrefix")).isEqualTo("arXiv");
    assertThat(field(entry, "primaryClass")).isEqualTo("cs.RO");
    assertThat(field(entry, "url")).isEqualTo("https://arxiv.org/abs/2303.04137");
  }

  @Test
  void texSpecialsAndAccentedNamesAreEscapedAndReadBackAsTyped() throws Exception {
    String bib = BibTex.of(List.of(ACCENTED));
    assertThat(bib.chars().allMatch(c -> c < 128)).as(bib).isTrue();
    BibTeXEntry entry = parse(bib).get(new Key("mullerlukasiewicz2024100"));
    assertThat(entry).as(bib).isNotNull();
    String authors = field(entry, "author");
    assertThat(authors)
        .isEqualTo(
            "Jos{\\'e} M{\\\"u}ller-{\\L}ukasiewicz and Zo{\\\"e} {\\O}rsted and {\\O}yvind"
                + " {\\c C}elik and others");
    // jbibtex's printer knows the common accents (it drops \\L and \\c, which LaTeX itself knows).
    assertThat(shown(authors)).startsWith("José Müller-").contains("Zoë Ørsted", "Øyvind");
    assertThat(field(entry, "title"))
        .contains("100\\%", "\\&", "\\$O(n)\\$", "\\#Tags\\_and", "\\{Braces\\}");
    assertThat(shown(field(entry, "title"))).contains("Résumé");
  }

  @Test
  void aPaperWithoutArxivIdIsStillExportedWithoutArxivFieldsOrAGuessedYear() throws Exception {
    BibTeXEntry entry = parse(BibTex.of(List.of(NO_ARXIV))).get(new Key("openaistudy"));
    assertThat(entry).isNotNull();
    assertThat(field(entry, "author")).isEqualTo("{OpenAI}");
    assertThat(field(entry, "url")).isEqualTo("https://example.org/report.pdf");
    assertThat(entry.getField(new Key("eprint"))).isNull();
    assertThat(entry.getField(new Key("archivePrefix"))).isNull();
    assertThat(entry.getField(new Key("year")))
        .as("an inferred year is not given as fact")
        .isNull();
  }

  @Test
  void keysAreStableAndUniqueWithinAFile() throws Exception {
    String first = BibTex.of(List.of(DIFFUSION, SAME_KEY, NO_ARXIV));
    assertThat(BibTex.of(List.of(DIFFUSION, SAME_KEY, NO_ARXIV))).isEqualTo(first);
    assertThat(parse(first).keySet())
        .extracting(Key::getValue)
        .containsExactlyInAnyOrder("chi2023diffusion", "chi2023diffusiona", "openaistudy");
  }
}
