package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SpellingFixesTest {
  @ParameterizedTest(name = "{0} to {1}: {2}")
  @CsvSource({
    "policy, policy, 0",
    "polcy, policy, 1",
    "langauge, language, 1",
    "imitaiton, imitation, 1",
    "drones, done, 2",
    "expers, experts, 1",
    // u and i are neighbouring keys; o and a are not.
    "polucy, policy, 1",
    "stock, stack, 2",
    "'', abc, 3"
  })
  void editsCountASwapOfNeighboursOrANeighbouringKeyAsOne(String a, String b, int edits) {
    assertThat(TypingEdits.between(a, b)).isEqualTo(edits);
    assertThat(TypingEdits.between(b, a)).isEqualTo(edits);
  }

  @Test
  void theNoticeNamesTheTypedWordsAndTheQueryAsSearched() {
    SpellingFixes.Fixed fixed = fixed(Set.of(), "difusion", "diffusion", "polcy", "policy");
    // Case and the minus word's typo too: the text the member typed, with each typo replaced.
    assertThat(fixed.notice("Difusion POLCY -polcyx"))
        .isEqualTo(
            "No paper has \u201cdifusion\u201d or \u201cpolcy\u201d; showing papers for"
                + " \u201cdiffusion policy -polcyx\u201d.");
  }

  @Test
  void aWordFewPapersHaveIsNamedApartAndQuotesKeepIt() {
    SpellingFixes.Fixed fixed =
        fixed(Set.of("lerning"), "difusion", "diffusion", "lerning", "learning");
    assertThat(fixed.notice("difusion lerning"))
        .isEqualTo(
            "No paper has \u201cdifusion\u201d, and few have \u201clerning\u201d; showing papers"
                + " for \u201cdiffusion learning\u201d. Put a word in quotes to search for it as"
                + " typed.");
  }

  /** Typos fixed to words, in query order ({@code typo, word, typo, word}); {@code rare} named. */
  private static SpellingFixes.Fixed fixed(Set<String> rare, String... typoThenWord) {
    Map<String, String> changes = new LinkedHashMap<>();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < typoThenWord.length; i += 2) {
      changes.put(typoThenWord[i], typoThenWord[i + 1]);
      words.add(typoThenWord[i + 1]);
    }
    return new SpellingFixes.Fixed(words, changes, rare);
  }
}
