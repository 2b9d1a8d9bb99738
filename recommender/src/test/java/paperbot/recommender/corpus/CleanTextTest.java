package paperbot.recommender.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scraping artifacts shared/notes/seeds.md found in the seeds, each cleaned for indexing. */
final class CleanTextTest {

  @Test
  void fontMacrosKeepTheirText() {
    assertThat(CleanText.of("\\textbf{S}ub-\\textbf{O}ptimal (\\textbf{SODP})"))
        .isEqualTo("Sub-Optimal (SODP)");
    assertThat(CleanText.of("\\textsc{MTDiff} and \\textbf{Evo}lutionary"))
        .isEqualTo("MTDiff and Evolutionary");
    assertThat(CleanText.of("\\textbf{+17.6\\%}")).isEqualTo("+17.6%");
  }

  @Test
  void mathLosesItsDollarsButNotItsSymbols() {
    assertThat(CleanText.of("SOTOPIA-$π$: Interactive")).isEqualTo("SOTOPIA-π: Interactive");
    assertThat(CleanText.of("policy $π_0$ reaches 93.33\\%"))
        .isEqualTo("policy π_0 reaches 93.33%");
    assertThat(CleanText.of("$f$-Divergence")).isEqualTo("f-Divergence");
  }

  @Test
  void texQuotesAccentsTildesAndUnknownMacrosBecomePlainText() {
    assertThat(CleanText.of("``behavior cloning''")).isEqualTo("\"behavior cloning\"");
    assertThat(CleanText.of("na\\\"ive and Gy\\\"{o}rgy")).isEqualTo("naive and Gyorgy");
    assertThat(CleanText.of("Control~(SMEC) with ~10^3 samples"))
        .isEqualTo("Control (SMEC) with 10^3 samples");
    assertThat(CleanText.of("we \\pgen samples")).isEqualTo("we pgen samples");
    assertThat(CleanText.of("benchmarks~fu2020d4rl")).isEqualTo("benchmarks fu2020d4rl");
  }

  @Test
  void gluedUrlsAreSeparatedAndUrlsKeepTheirTildes() {
    assertThat(CleanText.of("future researchhttps://github.com/InternLM/OREAL."))
        .isEqualTo("future research https://github.com/InternLM/OREAL.");
    assertThat(CleanText.of("see https://example.org/~ana/page"))
        .isEqualTo("see https://example.org/~ana/page");
  }

  @Test
  void emptyAndBlankTextStayEmpty() {
    assertThat(CleanText.of(null)).isEmpty();
    assertThat(CleanText.of("  \n ")).isEmpty();
  }
}
