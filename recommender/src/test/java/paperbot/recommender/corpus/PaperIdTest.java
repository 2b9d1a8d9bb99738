package paperbot.recommender.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Title normalisation: the plain-ASCII pass agrees with the general Unicode one. */
final class PaperIdTest {
  @Test
  void titlesNormaliseToLowerCaseWordsWithoutAccentsOrDollars() {
    assertThat(PaperId.normalise("  Diffusion Policy: Visuomotor-Policy Learning!  "))
        .isEqualTo("diffusion policy visuomotor policy learning");
    assertThat(PaperId.normalise("$k$-Means for $\\pi_0$")).isEqualTo("k means for pi 0");
    assertThat(PaperId.normalise("Généralisation à la Carte"))
        .isEqualTo("generalisation a la carte");
    assertThat(PaperId.normalise(null)).isEmpty();
    assertThat(PaperId.fromText("Diffusion Policy"))
        .isEqualTo(PaperId.fromText("diffusion  POLICY."));
  }

  @Test
  void asciiTitlesNormaliseAsTheUnicodeRulesSay() {
    Random random = new Random(7);
    String alphabet = "aZ09 $-_.,:;!?()[]{}\\/'\"\t\n~^`@#%&*+=<>|mQ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder title = new StringBuilder();
      for (int i = random.nextInt(24); i > 0; i--) {
        title.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(PaperId.normalise(title.toString()))
          .as("%s", title)
          .isEqualTo(byUnicodeRules(title.toString()));
    }
  }

  /** The general rule, as written before plain ASCII had its own pass. */
  private static String byUnicodeRules(String text) {
    String decomposed =
        Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").replace("$", "");
    return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
