package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class QueryOperatorsTest {
  private static QueryOperators.Read read(String text) {
    return QueryOperators.of(text);
  }

  private static List<String> words(String text) {
    return QueryWords.of(read(text).query());
  }

  @Test
  void aPhrasesProximityIsItsSlopAndTheQuotesStay() {
    QueryOperators.Read near = read("\"diffusion policy\"~3 robots");
    assertThat(near.query()).isEqualTo("\"diffusion policy\" robots");
    assertThat(near.marks().slop("diffusion policy")).isEqualTo(3);
    assertThat(near.marks().slop("Diffusion  Policy")).isEqualTo(3);
    assertThat(near.marks().slop("robots")).isZero();
    assertThat(near.notice())
        .isEqualTo("I read \"diffusion policy\"~3 as its words up to 3 words apart.");
    assertThat(read("\u201cworld models\u201d~1").notice())
        .isEqualTo("I read \u201cworld models\u201d~1 as its words up to 1 word apart.");
    // Lucene reads a fraction's whole part.
    assertThat(read("\"diffusion policy\"~2.7").marks().slop("diffusion policy")).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"diffusion policy\"~50 | I read \"diffusion policy\"~50 as its words anywhere in the"
            + " title or the abstract: ~ reads up to 20 words apart.",
        "\"diffusion policy\"~1e9 | I read \"diffusion policy\"~1e9 as its words anywhere in the"
            + " title or the abstract: ~ reads up to 20 words apart.",
        "\"diffusion policy\"~0 | I read \"diffusion policy\"~0 as the phrase as it stands.",
        "\"diffusion policy\"~ | A ~ after a phrase takes how many words apart its words may be"
            + " (\"diffusion policy\"~3), so I searched \"diffusion policy\"~ as the phrase as it"
            + " stands.",
        "\"diffusion policy\"~x | A ~ after a phrase takes how many words apart its words may be"
            + " (\"diffusion policy\"~3), so I searched \"diffusion policy\"~x as the phrase as it"
            + " stands.",
        "\"diffusion policy\"~-3 | A ~ after a phrase takes how many words apart its words may be"
            + " (\"diffusion policy\"~3), so I searched \"diffusion policy\"~-3 as the phrase as it"
            + " stands."
      })
  void aProximityOutOfRangeIsReadSensiblyAndNeverSearched(String typed, String notice) {
    QueryOperators.Read read = read(typed);
    assertThat(read.query()).isEqualTo("\"diffusion policy\"");
    assertThat(read.notice()).isEqualTo(notice);
    int slop = read.marks().slop("diffusion policy");
    assertThat(slop).isIn(0, QueryOperators.ANYWHERE);
  }

  @Test
  void aFuzzyWordIsTheWordAndTheSpellingFixDoesTheRest() {
    for (String typed : List.of("robot~", "robot~1", "robot~0.8", "robot~2 learning")) {
      assertThat(words(typed))
          .as(typed)
          .containsExactlyElementsOf(QueryWords.of(typed.replaceAll("~[0-9.]*", "")));
      assertThat(read(typed).marks()).isEqualTo(SearchMarks.NONE);
    }
    assertThat(read("robot~ trnasformer~1").notice())
        .isEqualTo(
            "I read robot~ as \u201crobot\u201d, trnasformer~1 as \u201ctrnasformer\u201d: every"
                + " word also finds its other forms, and a word no paper has is read as the"
                + " nearest one papers use.");
  }

  @Test
  void aBoostWeighsTheWordOrEachWordOfThePhrase() {
    QueryOperators.Read word = read("diffusion^3 policy");
    assertThat(word.query()).isEqualTo("diffusion policy");
    assertThat(word.marks().weights()).isEqualTo(Map.of("diffusion", 3f));
    assertThat(word.notice())
        .isEqualTo("I weighed \u201cdiffusion\u201d \u00d73 against your other words.");
    QueryOperators.Read phrase = read("\"world models\"^2 planning^0.5");
    assertThat(phrase.query()).isEqualTo("\"world models\" planning");
    assertThat(phrase.marks().weights())
        .isEqualTo(Map.of("world", 2f, "models", 2f, "planning", 0.5f));
    assertThat(phrase.notice())
        .isEqualTo(
            "I weighed \u201cworld models\u201d \u00d72, \u201cplanning\u201d \u00d70.5 against your"
                + " other words.");
    // Proximity and weight together, as Lucene allows.
    QueryOperators.Read both = read("\"world models\"~2^3");
    assertThat(both.query()).isEqualTo("\"world models\"");
    assertThat(both.marks().slop("world models")).isEqualTo(2);
    assertThat(both.marks().weights()).containsEntry("models", 3f);
  }

  @Test
  void aWeightWithNothingToCountAgainstIsNotSaidToWeigh() {
    String unweighed =
        "A weight counts against a query's other words (diffusion^3 policy), and every word of"
            + " this one weighs the same, so I searched it unweighed.";
    assertThat(read("diffusion^3").notice()).isEqualTo(unweighed);
    assertThat(read("\"diffusion policy\"^2").notice()).isEqualTo(unweighed);
    assertThat(read("diffusion^2 policy^2").notice()).isEqualTo(unweighed);
    // A left-out word is not searched, so it is nothing to weigh against either.
    assertThat(read("diffusion^3 -video").notice()).isEqualTo(unweighed);
    assertThat(read("diffusion^2 policy^3").notice())
        .isEqualTo(
            "I weighed \u201cdiffusion\u201d \u00d72, \u201cpolicy\u201d \u00d73 against your"
                + " other words.");
  }

  @Test
  void aLetterRaisedToANumberIsTheTermPapersWriteNotAWeight() {
    QueryOperators.Read norm = read("l^2 regularization");
    assertThat(norm.query()).isEqualTo("l2 regularization");
    assertThat(norm.marks()).isEqualTo(SearchMarks.NONE);
    assertThat(norm.notice())
        .isEqualTo(
            "I read l^2 as \u201cl2\u201d, as papers write it: a ^ after a letter is maths, and"
                + " after a word it weighs the word (planning^2).");
    assertThat(words("L^1 penalty and x^2")).containsExactly("l1", "penalty", "and", "x2");
    // A letter and digits raised is the norm squared; a phrase keeps its words.
    assertThat(words("l2^2 loss")).containsExactly("l2", "loss");
    assertThat(read("\"l^2 regularization\"").query()).isEqualTo("\"l2 regularization\"");
    assertThat(QueryWords.split(read("ridge -l^1").query()).excluded()).containsExactly("l1");
    // Another power is left out; a word is weighed as before.
    assertThat(read("x^0.5 y^1e9").query()).isEqualTo("x y");
    assertThat(read("x^0.5 y^1e9").marks()).isEqualTo(SearchMarks.NONE);
    assertThat(read("world models planning^5").marks().weights()).isEqualTo(Map.of("planning", 5f));
    assertThat(read("rl^2").marks().weights()).isEqualTo(Map.of("rl", 2f));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "diffusion^0 policy | A weight is a number above 0 (diffusion^2), so I counted diffusion^0"
            + " as any other word.",
        "diffusion^-1 policy | A weight is a number above 0 (diffusion^2), so I counted"
            + " diffusion^-1 as any other word.",
        "diffusion^abc policy | A weight is a number above 0 (diffusion^2), so I counted"
            + " diffusion^abc as any other word.",
        "diffusion^ policy | A weight is a number above 0 (diffusion^2), so I counted diffusion^"
            + " as any other word.",
        "diffusion^1e9 policy | I weighed \u201cdiffusion\u201d \u00d710 (the most) against your"
            + " other words.",
        "diffusion^99999999999999999999999999999999 policy | I weighed \u201cdiffusion\u201d"
            + " \u00d710 (the most) against your other words.",
        "diffusion^0.0001 policy | I weighed \u201cdiffusion\u201d \u00d70.1 (the least) against"
            + " your other words."
      })
  void anAbsurdBoostIsReadSafely(String typed, String notice) {
    QueryOperators.Read read = read(typed);
    assertThat(read.query()).isEqualTo("diffusion policy");
    assertThat(read.notice()).isEqualTo(notice);
    assertThat(read.marks().weights().values())
        .allSatisfy(weight ->
            assertThat(weight).isBetween(QueryOperators.MIN_WEIGHT, QueryOperators.MAX_WEIGHT));
  }

  @Test
  void aLeftOutWordIsNotWeighedOrNamed() {
    QueryOperators.Read read = read("diffusion -video^2 -audio~");
    assertThat(read.query()).isEqualTo("diffusion -video -audio");
    assertThat(read.marks()).isEqualTo(SearchMarks.NONE);
    assertThat(read.notice()).isNull();
  }

  @Test
  void aPlusIsAWordEveryPaperMustHaveAndStaysForTheSplit() {
    QueryOperators.Read read = read("+diffusion policy +rl");
    assertThat(QueryWords.split(read.query()).mustHave()).containsExactly("diffusion", "rl");
    assertThat(read.notice())
        .isEqualTo("I read +diffusion, +rl as words every paper shown must have.");
    // Not a plus of a word: "c++", a lone "+", a plus before a quoted phrase (required already).
    assertThat(QueryWords.split("c++ code + x +\"world models\"").mustHave()).isEmpty();
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "diffusion AND policy -> diffusion policy",
        "diffusion && policy -> diffusion policy",
        "(diffusion AND policy) -> diffusion policy",
        "diffusion OR flow -> diffusion or flow",
        "diffusion || flow -> diffusion or flow",
        // Capital letters inside a word, and inside quotes, are words.
        "ANDROID robots -> android robots",
        "\"research AND development\" -> research and development"
      })
  void booleanOperatorsAreConjunctionAndSubjectsNeverSearchedWords(String typed, String read) {
    assertThat(words(typed)).containsExactlyElementsOf(QueryWords.of(read));
  }

  @Test
  void aLeftOutGroupLeavesOutEachOfItsWordsAndPhrases() {
    assertThat(QueryWords.split(read("diffusion -(video OR audio)").query()).excluded())
        .containsExactly("video", "audio");
    assertThat(
            QueryWords.split(read("diffusion NOT (video || \"world models\")").query()).excluded())
        .containsExactly("video", "\"world models\"");
    // An unclosed group runs to the end; what follows a closed one is searched.
    QueryWords.Split open = QueryWords.split(read("diffusion -(video audio").query());
    assertThat(open.excluded()).containsExactly("video", "audio");
    QueryWords.Split closed = QueryWords.split(read("-(video) diffusion").query());
    assertThat(closed.excluded()).containsExactly("video");
    assertThat(QueryWords.of(closed.searched())).containsExactly("diffusion");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"~", "^", "~~~", "^^", "~^~^", "^2", "~3 ^", "\"\"~2", "(~)", "+^2"})
  void loneMarksAreDroppedWithoutANotice(String typed) {
    QueryOperators.Read read = read(typed);
    assertThat(read.notice()).isNull();
    assertThat(read.marks()).isEqualTo(SearchMarks.NONE);
    assertThat(QueryWords.of(read.query()))
        .allMatch(word -> word.chars().allMatch(Character::isDigit));
  }

  @Test
  void junkAroundWordsLeavesTheWords() {
    assertThat(words("~~~ diffusion ^ ~ policy")).containsExactly("diffusion", "policy");
    assertThat(words("diffusion~~^^~ policy")).containsExactly("diffusion", "policy");
  }

  @Test
  void hostileTextIsReadInOnePass() {
    String[] hostile = {
      "a^2".repeat(60_000),
      "x".repeat(200_000) + "^2".repeat(50_000),
      "\"a b\"~1".repeat(30_000),
      "-(".repeat(60_000),
      "NOT (".repeat(40_000),
      "^" + "9".repeat(200_000),
      "l^2 ".repeat(50_000),
      "l2^2".repeat(50_000),
      "~".repeat(200_000)
    };
    for (String text : hostile) {
      // The bound only catches a hang (a pass per mark over the text would be one).
      QueryOperators.Read read =
          assertTimeoutPreemptively(Duration.ofSeconds(10), () -> QueryOperators.of(text));
      assertThat(read.query().length()).isLessThanOrEqualTo(2 * text.length());
      assertThat(read.marks().weights().size() + read.marks().slops().size())
          .isLessThanOrEqualTo(QueryOperators.MAX_MARKS);
    }
  }
}
