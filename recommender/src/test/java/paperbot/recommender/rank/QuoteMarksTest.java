package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class QuoteMarksTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " -> ",
      quoteCharacter = '`',
      value = {
        "'diffusion policy' robots -> \u201cdiffusion policy\u201d robots",
        "\u2018diffusion policy\u2019 robots -> \u201cdiffusion policy\u201d robots",
        "\u00abdiffusion policy\u00bb robots -> \u201cdiffusion policy\u201d robots",
        "\u00bbdiffusion policy\u00ab robots -> \u201cdiffusion policy\u201d robots",
        "\u00ab diffusion policy \u00bb robots -> \u201c diffusion policy \u201d robots",
        "\u201ediffusion policy\u201c robots -> \u201cdiffusion policy\u201c robots",
        "\u201ediffusion policy\u201d robots -> \u201cdiffusion policy\u201d robots",
        "\u201adiffusion policy\u2018 robots -> \u201cdiffusion policy\u201d robots",
        // Marks around, a proximity, a minus, a field prefix, two phrases.
        "('world models') -> (\u201cworld models\u201d)",
        "'world models'~2 -> \u201cworld models\u201d~2",
        "video -'world models' -> video -\u201cworld models\u201d",
        "ti:'world models' -> ti:\u201cworld models\u201d",
        "'world models' 'offline rl' -> \u201cworld models\u201d \u201coffline rl\u201d",
        // Apostrophes inside a phrase stay; the later of two opening marks opens the phrase.
        "'Bellman's equation' -> \u201cBellman's equation\u201d",
        "'don't stop' -> \u201cdon't stop\u201d",
        "get 'em 'world models' -> get 'em \u201cworld models\u201d",
        "the agents' memory and 'world models' -> the agents' memory and \u201cworld models\u201d",
        "rock 'n' roll 'world models' -> rock 'n' roll \u201cworld models\u201d"
      })
  void aPairOfAnyQuoteMarksIsAPhrase(String typed, String read) {
    assertThat(QuoteMarks.paired(typed)).isEqualTo(read);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "don't stop",
        "Bellman's equation",
        "agents' memory",
        "the agents' memory of the models' weights",
        "rock 'n' roll",
        "'diffusion policy",
        "diffusion policy'",
        "the '90s models'",
        "O'Brien's 'a' test",
        "\u00abdiffusion policy",
        "don\u2019t stop the agents\u2019 memory",
        // A straight quote search reads already, and single quotes inside a phrase, stay.
        "\"diffusion policy\" robots",
        "\"the 'best' model\"",
        "\"open 'world models'",
        "\u201cworld models\u201d"
      })
  void apostrophesAndUnmatchedMarksStayAsTyped(String typed) {
    assertThat(QuoteMarks.paired(typed)).isEqualTo(typed);
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(
      strings = {"'ab' ", "'", "'a", "a'", "don't ", "\u00ab", "\"'ab' ", "'ab \u00ab", "\u2019"})
  void hostileTextIsReadInTwoPasses(String unit) {
    String text = unit.repeat(200_000 / unit.length());
    // The bound only catches a hang (a pass per mark over the text would be one).
    String read = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> QuoteMarks.paired(text));
    assertThat(read).hasSameSizeAs(text);
  }
}
