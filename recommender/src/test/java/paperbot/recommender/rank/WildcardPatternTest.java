package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WildcardPatternTest {
  @ParameterizedTest(name = "{0} fits {1}: {2}")
  @CsvSource({
    "diff*sion, diffusion, true",
    "diff*sion, diffsion, true",
    "diff*sion, different, false",
    "trans*rmer, transformer, true",
    "rob?t, robot, true",
    "rob?t, robt, false",
    "rob?t, robust, false",
    "a*b*c, aXbYbZc, true",
    "a**c, ac, true",
    "diff*sion*, diffusions, true"
  })
  void aStarFitsAnyLettersAndAQuestionMarkOne(String pattern, String text, boolean fits) {
    assertThat(WildcardPattern.of(pattern).matches(text.toLowerCase(java.util.Locale.ROOT)))
        .isEqualTo(fits);
  }

  @ParameterizedTest(name = "{1} may be the stem of a word fitting {0}: {2}")
  @CsvSource({
    // The stem ends past the last star, with a letter after it.
    "diff*sion, diffus, true",
    "trans*rmer, transform, true",
    // Porter's final i for y.
    "pol?cy, polici, true",
    // With no star, a stem may end at any place past three letters.
    "diffu?ion, diffus, true",
    // Just past the star any term starting so would do: not on the first try.
    "diff*sion, differ, false",
    "diff*sion, different, false",
    "rob?t, robot, true",
    "rob?t, rocket, false"
  })
  void aStemMayEndThePatternEarlyPastItsLastStar(String pattern, String term, boolean may) {
    assertThat(WildcardPattern.of(pattern).mayBeStemOf(term, false)).isEqualTo(may);
  }

  @Test
  void theLooseTryLetsAStemEndBeforeTheStar() {
    WildcardPattern pattern = WildcardPattern.of("reinforc*ment");
    assertThat(pattern.mayBeStemOf("reinforc", false)).isFalse();
    assertThat(pattern.mayBeStemOf("reinforc", true)).isTrue();
    assertThat(pattern.mayBeStemOf("reinvent", true)).isFalse();
  }

  @Test
  void aLongTextIsReadOnceWhateverTheStars() {
    // Carried as a set of places, never backtracked: 200,000 letters against many stars.
    WildcardPattern pattern = WildcardPattern.of("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");
    assertThat(pattern.matches("a".repeat(200_000))).isFalse();
    assertThat(pattern.matches("a".repeat(200_000) + "b")).isTrue();
    assertThat(pattern.mayBeStemOf("a".repeat(200_000), true)).isTrue();
    assertThat(pattern.prefix()).isEqualTo("a");
    assertThat(WildcardPattern.of("Diff*Sion").letters()).isEqualTo("diffsion");
  }
}
