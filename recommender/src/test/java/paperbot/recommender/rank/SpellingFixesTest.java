package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

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
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("difusion", "diffusion");
    changes.put("polcy", "policy");
    SpellingFixes.Fixed fixed =
        new SpellingFixes.Fixed(List.of("diffusion", "policy"), changes, Set.of());
    // Case and the minus word's typo too: the text the member typed, with each typo replaced.
    assertThat(fixed.notice("Difusion POLCY -polcyx"))
        .isEqualTo(
            "No paper has \u201cdifusion\u201d or \u201cpolcy\u201d; showing papers for"
                + " \u201cdiffusion policy -polcyx\u201d.");
  }

  @Test
  void aWordFewPapersHaveIsNamedApartAndQuotesKeepIt() {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("difusion", "diffusion");
    changes.put("lerning", "learning");
    SpellingFixes.Fixed fixed =
        new SpellingFixes.Fixed(List.of("diffusion", "learning"), changes, Set.of("lerning"));
    assertThat(fixed.notice("difusion lerning"))
        .isEqualTo(
            "No paper has \u201cdifusion\u201d, and few have \u201clerning\u201d; showing papers"
                + " for \u201cdiffusion learning\u201d. Put a word in quotes to search for it as"
                + " typed.");
  }
}
