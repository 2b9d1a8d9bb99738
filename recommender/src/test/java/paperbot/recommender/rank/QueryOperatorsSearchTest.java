package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.ingest.SeedIndexer;
import paperbot.recommender.search.LucenePaperIndex;

/** Lucene's operators ({@link QueryOperators}) searched on the real seed corpus. */
final class QueryOperatorsSearchTest {
  @TempDir static Path dir;
  static LucenePaperIndex index;

  @BeforeAll
  static void build() {
    index = LucenePaperIndex.open(dir, QueryExpander.defaults(), SeedSearchTest.CLOCK);
    SeedIndexer.ensureCurrent(
        CorpusService.indexOnly(index), Path.of("..", "seeds"), SeedSearchTest.CLOCK);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static SearchResults search(String query) {
    return index.search(SearchRequest.firstPage(query, 300));
  }

  private static List<String> ids(String query) {
    return index.search(SearchRequest.firstPage(query, 50)).hits().stream()
        .map(hit -> hit.paper().id())
        .toList();
  }

  private static String text(SearchHit hit) {
    return (hit.paper().title() + " " + hit.paper().abstractText()).toLowerCase(Locale.ROOT);
  }

  @Test
  void aPhraseWithAProximityFindsItsWordsNearButApart() {
    // "Diffusion Transformer Policy": the words one apart, so not the phrase as it stands.
    SearchResults near = search("\"diffusion policy\"~1 transformer");
    assertThat(near.notice())
        .isEqualTo("I read \"diffusion policy\"~1 as its words up to 1 word apart.");
    assertThat(near.hits().get(0).paper().title()).isEqualTo("Diffusion Transformer Policy");
    assertThat(search("\"diffusion policy\" transformer").hits())
        .noneSatisfy(
            hit -> assertThat(hit.paper().title()).isEqualTo("Diffusion Transformer Policy"));
    // Nearer is fewer, and every paper has both words.
    long asItStands = search("\"diffusion policy\"").totalHits();
    long oneApart = search("\"diffusion policy\"~1").totalHits();
    long anywhere = search("\"diffusion policy\"~50").totalHits();
    assertThat(asItStands).isLessThan(oneApart);
    assertThat(oneApart).isLessThan(anywhere);
    assertThat(search("\"diffusion policy\"~50").hits())
        .filteredOn(hit -> !hit.related())
        .allSatisfy(hit -> assertThat(text(hit)).contains("diffus", "polic"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "'diffusion policy' transformer",
        "\u2018diffusion policy\u2019 transformer",
        "\u00abdiffusion policy\u00bb transformer",
        "\u201ediffusion policy\u201c transformer",
        "\u201cdiffusion policy\u201d transformer"
      })
  void aPhraseInAnyQuoteMarksIsThePhrase(String typed) {
    // "Diffusion Transformer Policy" has the words, not the phrase.
    assertThat(ids(typed)).isNotEmpty().isEqualTo(ids("\"diffusion policy\" transformer"));
    assertThat(search(typed).hits())
        .noneSatisfy(
            hit -> assertThat(hit.paper().title()).isEqualTo("Diffusion Transformer Policy"));
  }

  @Test
  void anApostropheIsNoQuoteMark() {
    assertThat(ids("agents' memory")).isNotEmpty().isEqualTo(ids("agents memory"));
    assertThat(ids("Bellman's equation")).isEqualTo(ids("Bellman s equation"));
    assertThat(ids("don't forget 'world models")).isEqualTo(ids("don t forget world models"));
  }

  @Test
  void aProximityThatIsNoNumberIsThePhraseAsItStands() {
    for (String typed :
        List.of("\"diffusion policy\"~x", "\"diffusion policy\"~", "\"diffusion policy\"~-2")) {
      assertThat(ids(typed)).as(typed).isEqualTo(ids("\"diffusion policy\""));
      assertThat(search(typed).notice()).as(typed).startsWith("A ~ after a phrase takes");
    }
  }

  @Test
  void aFuzzyWordIsTheWordWithItsSpellingFix() {
    assertThat(ids("robot~ learning")).isNotEmpty().isEqualTo(ids("robot learning"));
    assertThat(ids("transformer~1 policy")).isEqualTo(ids("transformer policy"));
    assertThat(ids("transformer~0.8 policy")).isEqualTo(ids("transformer policy"));
    SearchResults typo = search("trnasformer~2 policy");
    assertThat(ids("trnasformer~2 policy")).isEqualTo(ids("transformer policy"));
    assertThat(typo.notice())
        .startsWith("I read trnasformer~2 as \u201ctrnasformer\u201d: every word also finds")
        .contains(
            "No paper has \u201ctrnasformer\u201d; showing papers for \u201ctransformer policy");
  }

  @Test
  void aBoostedWordRanksItsPapersHigher() {
    SearchResults boosted = index.search(SearchRequest.firstPage("world models planning^5", 5));
    assertThat(boosted.notice())
        .isEqualTo("I weighed \u201cplanning\u201d \u00d75 against your other words.");
    assertThat(boosted.hits())
        .hasSize(5)
        .allSatisfy(
            hit -> assertThat(hit.paper().title().toLowerCase(Locale.ROOT)).contains("plan"));
    assertThat(ids("world models planning^5")).isNotEqualTo(ids("world models planning"));
    // Unweighed, a paper that never says "plan" in its title makes the first ten.
    assertThat(index.search(SearchRequest.firstPage("world models planning", 10)).hits())
        .anySatisfy(hit -> assertThat(hit.paper().title()).doesNotContainIgnoringCase("plan"));
    // The other way round: the phrase weighed.
    assertThat(index.search(SearchRequest.firstPage("\"world models\"^5 planning", 2)).hits())
        .allSatisfy(hit -> assertThat(hit.paper().title()).containsIgnoringCase("world models"));
    // A weight of 1 is no weight, and a misspelt word is weighed as the word searched.
    assertThat(ids("world models planning^1")).isEqualTo(ids("world models planning"));
    assertThat(ids("world models plannning^5")).isEqualTo(ids("world models planning^5"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "diffusion^0 policy",
        "diffusion^-1 policy",
        "diffusion^abc policy",
        "diffusion^ policy",
        "~~~ diffusion ^ ~ policy",
        "diffusion~~^^ policy"
      })
  void anAbsurdOrLoneMarkSearchesTheWords(String typed) {
    assertThat(ids(typed)).isNotEmpty().isEqualTo(ids("diffusion policy"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"~", "^", "~~~", "^^", "~^ ^~", "\"\"~2", "()", "+", "&& ||"})
  void onlyMarksIsNothingToSearch(String typed) {
    SearchResults results = search(typed);
    assertThat(results.hits()).isEmpty();
    assertThat(results.notice()).isEqualTo(Ranker.EMPTY_NOTICE);
  }

  @Test
  void aWeightOfAnyNumberStaysWithinBounds() {
    List<String> most = ids("diffusion^10 policy");
    assertThat(ids("diffusion^1e9 policy")).isEqualTo(most);
    assertThat(ids("diffusion^" + "9".repeat(1_000) + " policy")).isEqualTo(most);
  }

  @Test
  void aWordWithAPlusIsInEveryPaper() {
    SearchResults both = search("+diffusion +policy");
    assertThat(both.notice())
        .isEqualTo("I read +diffusion, +policy as words every paper shown must have.");
    assertThat(both.hits())
        .isNotEmpty()
        .allSatisfy(hit -> assertThat(text(hit)).contains("diffus", "polic"));
    assertThat(both.totalHits()).isLessThan(search("diffusion policy").totalHits());
    // One required, one not: Lucene's reading.
    assertThat(search("+diffusion policy").hits())
        .allSatisfy(hit -> assertThat(text(hit)).contains("diffus"))
        .anySatisfy(hit -> assertThat(text(hit)).doesNotContain("polic"));
    // A required abbreviation is there or its long form is.
    assertThat(search("+rl diffusion").hits())
        .isNotEmpty()
        .allSatisfy(
            hit -> assertThat(text(hit)).containsPattern("reinforcement learning|(?<![a-z])rl"));
  }

  @Test
  void booleanOperatorsAreReadNotSearched() {
    assertThat(ids("diffusion AND policy")).isEqualTo(ids("diffusion policy"));
    assertThat(ids("diffusion && policy")).isEqualTo(ids("diffusion policy"));
    assertThat(ids("(diffusion AND policy)")).isEqualTo(ids("diffusion policy"));
    assertThat(ids("diffusion policy || offline rl"))
        .isEqualTo(ids("diffusion policy OR offline rl"));
  }

  @Test
  void aLeftOutGroupLeavesOutEachOfItsWords() {
    SearchResults without = search("diffusion -(video OR audio)");
    assertThat(without.hits())
        .isNotEmpty()
        .noneSatisfy(hit -> assertThat(text(hit)).containsAnyOf("video", "audio"));
    assertThat(ids("diffusion -(video OR audio)")).isEqualTo(ids("diffusion -video -audio"));
    assertThat(ids("diffusion NOT (video || audio)")).isEqualTo(ids("diffusion -video -audio"));
  }
}
