package paperbot.recommender.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Test
  void tildesBecomeSpacesExceptInWordsWithASlash() {
    Random random = new Random(11);
    String alphabet = "ab~/ ~\t\nx";
    Pattern wordWithTilde = Pattern.compile("\\S*~\\S*");
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder("w");
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      // The rule as a regular expression (how it was written before it became a scan).
      String expected =
          wordWithTilde
              .matcher(text)
              .replaceAll(m ->
                  Matcher.quoteReplacement(
                      m.group().contains("/") ? m.group() : m.group().replace('~', ' ')))
              .replaceAll("\\s+", " ")
              .strip();
      assertThat(CleanText.of(text.toString())).as("%s", text).isEqualTo(expected);
    }
  }
}
