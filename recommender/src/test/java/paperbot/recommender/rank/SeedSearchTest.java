package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import paperbot.recommender.corpus.CorpusService;
import paperbot.recommender.ingest.IndexStatus;
import paperbot.recommender.ingest.SeedIndexer;
import paperbot.recommender.search.LucenePaperIndex;

/** Abbreviations and long forms find each other on the real seed corpus. */
final class SeedSearchTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  @TempDir static Path dir;
  static LucenePaperIndex index;

  @BeforeAll
  static void build() {
    index = LucenePaperIndex.open(dir, QueryExpander.defaults(), CLOCK);
    IndexStatus status =
        SeedIndexer.ensureCurrent(CorpusService.indexOnly(index), Path.of("..", "seeds"), CLOCK);
    assertThat(status.rebuilt()).isTrue();
    assertThat(status.papers()).isEqualTo(303);
    assertThat(
            SeedIndexer.ensureCurrent(CorpusService.indexOnly(index), Path.of("..", "seeds"), CLOCK)
                .rebuilt())
        .isFalse();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<SearchHit> search(String query) {
    return index.search(SearchRequest.firstPage(query, 100)).hits();
  }

  @ParameterizedTest(name = "{0} finds papers that only say {1}")
  @CsvSource({
    "rl, reinforcement learning",
    "llm, large language model",
    "vla, vision-language-action",
    "vlm, vision-language model",
    "bc, behavior cloning",
    "il, imitation learning",
    "rlhf, reinforcement learning from human feedback",
    "marl, multi-agent reinforcement learning",
    "gflownet, generative flow network",
    "sim2real, sim-to-real",
    "t2i, text-to-image",
    "t2v, text-to-video",
    "sft, supervised fine-tuning",
    "cot, chain of thought",
    "offline rl, offline reinforcement learning",
    "o2o, offline-to-online",
    "hitl, human-in-the-loop",
    "cfg, classifier-free guidance",
    "sde, stochastic differential equation"
  })
  void abbreviationFindsTheLongForm(String abbreviation, String longForm) {
    assertThat(search(abbreviation))
        .extracting(SearchHit::whyLine)
        .anySatisfy(why -> assertThat(why).containsIgnoringCase(" → " + longForm));
  }

  @ParameterizedTest(name = "{0} finds papers that only say {1}")
  @CsvSource({
    "reinforcement learning from human feedback, RLHF",
    "vision-language-action, VLA",
    "behavior cloning, BC",
    "text-to-image, T2I",
    "large language model, LLM"
  })
  void longFormFindsTheAbbreviation(String longForm, String abbreviation) {
    assertThat(search(longForm))
        .extracting(SearchHit::whyLine)
        .anySatisfy(why -> assertThat(why).contains(" → " + abbreviation + " ("));
  }

  @ParameterizedTest(name = "{0} finds its paper first")
  @CsvSource(
      delimiter = '|',
      value = {
        // Another paper repeats "vision-language-action" and outscores this one on its words.
        "Dita: Scaling Diffusion Transformer for Generalist Vision-Language-Action Policy"
            + " | Dita: Scaling Diffusion Transformer for Generalist Vision-Language-Action Policy",
        // Its opening: many papers do reinforcement learning with actions.
        "reinforcement learning with action | Reinforcement Learning with Action Sequence for"
            + " Data-Efficient Robot Learning"
      })
  void aPastedTitleOrItsOpeningFindsThatPaperFirst(String query, String title) {
    assertThat(search(query).get(0).paper().title()).isEqualTo(title);
  }

  @ParameterizedTest(name = "{0} searches for {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "difusion polcy | diffusion policy | \u201cdifusion\u201d or \u201cpolcy\u201d",
        // The stem of "transformers" is the index term; the typo is near the unstemmed word.
        "transfomers for robot control | transformers for robot control | \u201ctransfomers\u201d",
        // "imitation" is indexed as "imit": the typo is near the stem only by its opening.
        "imitaiton learning | imitation learning | \u201cimitaiton\u201d",
        // A swap of neighbouring letters counts as one edit.
        "langauge models | language models | \u201clangauge\u201d",
        // A quoted phrase is required as corrected.
        "\"difusion policy\" robots | \"diffusion policy\" robots | \u201cdifusion\u201d",
        // Two words typed without the space between them.
        "diffusionpolicy | diffusion policy | \u201cdiffusionpolicy\u201d",
        // ... each misspelt, or one an abbreviation: "offline" is two slips away, the split one.
        "difusionpolcy | diffusion policy | \u201cdifusionpolcy\u201d",
        "imitaitonlearning | imitation learning | \u201cimitaitonlearning\u201d",
        "offlinerl | offline rl | \u201cofflinerl\u201d",
        // A space inside a word: one part is a word no paper has, the whole one papers use.
        "rein forcement learning | reinforcement learning | \u201crein forcement\u201d",
        "diffusion poli-cy | diffusion policy | \u201cpoli cy\u201d",
        // A space moved into a neighbouring word.
        "reinforcementl earning | reinforcement learning | \u201creinforcementl earning\u201d",
        "offlin erl | offline rl | \u201cofflin erl\u201d"
      })
  void aTypoNoPaperHasSearchesForTheNearestWordPapersUse(String typed, String meant, String named) {
    SearchResults typo = index.search(SearchRequest.firstPage(typed, 10));
    SearchResults right = index.search(SearchRequest.firstPage(meant, 10));
    assertThat(typo.notice())
        .isEqualTo("No paper has " + named + "; showing papers for \u201c" + meant + "\u201d.");
    assertThat(typo.hits())
        .extracting(hit -> hit.paper().id())
        .containsExactlyElementsOf(right.hits().stream().map(hit -> hit.paper().id()).toList());
  }

  @ParameterizedTest(name = "{0} stays as typed")
  @CsvSource({
    // Some paper has it, so it may be a name or a new word.
    "mamba",
    // Near "done" and "drone" but too far from any word the papers use (two edits in six letters).
    "drones",
    // Short words are as likely another word as a typo.
    "moe",
    // No paper says "stock"; "stack" is one letter away, but not a slip of the finger.
    "stock trading",
    // A word with digits is a name or a version.
    "gpt4o",
    // Both words are words papers use, and a stop word joined to a word is not a typo.
    "data set distillation",
    // A word papers use is never split, though its parts are words too.
    "dataset",
    "benchmark",
    "a symmetric actor critic"
  })
  void aWordPapersHaveOrNoWordIsNearStaysAsTyped(String typed) {
    String notice = index.search(SearchRequest.firstPage(typed, 10)).notice();
    assertThat(notice == null ? "" : notice).doesNotContain("showing papers for");
  }

  @Test
  void aTypoKeepsTheQuerysLeftOutWords() {
    SearchResults typo = index.search(SearchRequest.firstPage("difusion polcy -robot", 10));
    SearchResults right = index.search(SearchRequest.firstPage("diffusion policy -robot", 10));
    assertThat(typo.notice())
        .isEqualTo(
            "No paper has \u201cdifusion\u201d or \u201cpolcy\u201d; showing papers for"
                + " \u201cdiffusion policy -robot\u201d.");
    assertThat(typo.totalHits()).isEqualTo(right.totalHits());
    assertThat(typo.hits())
        .extracting(hit -> hit.paper().id())
        .containsExactlyElementsOf(right.hits().stream().map(hit -> hit.paper().id()).toList());
  }

  @Test
  void onlyTheFirstThreeWordsNoPaperHasAreLookedUp() {
    // More is another language or noise, not typos; each lookup reads the term dictionary.
    String notice =
        index.search(SearchRequest.firstPage("difusion polcy langauge modles", 10)).notice();
    assertThat(notice)
        .startsWith("No paper has \u201cdifusion\u201d, \u201cpolcy\u201d or \u201clangauge\u201d;")
        .endsWith("\u201cdiffusion policy language modles\u201d.");
  }

  @Test
  void aQueryNamingTwoSubjectsShowsBothOnTheFirstPage() {
    // As one query, offline RL's many strong matches filled the first ten with no diffusion paper.
    List<SearchHit> first =
        index.search(SearchRequest.firstPage("diffusion policy and offline rl", 10)).hits();
    assertThat(first).filteredOn(hit -> has(hit, "diffusion")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(first).filteredOn(hit -> has(hit, "offline")).hasSizeGreaterThanOrEqualTo(4);
    // Pages are cut from the same shared order.
    List<SearchHit> pages =
        new java.util.ArrayList<>(
            index.search(SearchRequest.firstPage("diffusion policy and offline rl", 5)).hits());
    pages.addAll(index.search(new SearchRequest("diffusion policy and offline rl", 5, 5)).hits());
    assertThat(pages)
        .extracting(hit -> hit.paper().id())
        .containsExactlyElementsOf(first.stream().map(hit -> hit.paper().id()).toList());
  }

  @ParameterizedTest(name = "paging through {0} shows each paper once")
  @ValueSource(
      strings = {"diffusion model", "diffusion", "offline rl", "diffusion policy and offline rl"})
  void pagingShowsEachPaperOnceInTheOrderOfOneLongPage(String query) {
    SearchResults whole = index.search(SearchRequest.firstPage(query, 300));
    List<String> paged = new java.util.ArrayList<>();
    for (int offset = 0; offset < whole.hits().size(); offset += 5) {
      index.search(new SearchRequest(query, offset, 5)).hits().stream()
          .map(hit -> hit.paper().id())
          .forEach(paged::add);
    }
    assertThat(paged)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(whole.hits().stream().map(hit -> hit.paper().id()).toList());
  }

  @Test
  void aQuotedPhraseAfterAMinusLeavesOutThePapersWithIt() {
    SearchResults video = index.search(SearchRequest.firstPage("video", 300));
    assertThat(video.hits()).anySatisfy(hit -> assertThat(has(hit, "world model")).isTrue());
    for (String query : List.of("video -\"world models\"", "video -\u201cworld models\u201d")) {
      SearchResults left = index.search(SearchRequest.firstPage(query, 300));
      assertThat(left.hits())
          .isNotEmpty()
          .noneSatisfy(hit -> assertThat(has(hit, "world model")).isTrue());
      assertThat(left.totalHits()).isLessThan(video.totalHits());
    }
  }

  @Test
  void fieldPrefixesAndWildcardsAreTakenOutAndTheMemberIsTold() {
    assertThat(ids("ti:world models")).isEqualTo(ids("world models"));
    assertThat(index.search(SearchRequest.firstPage("ti:world models", 5)).notice())
        .isEqualTo(
            "Fields such as ti: or au: aren't needed: every search looks in titles, abstracts and"
                + " authors.");
    assertThat(ids("title:diffusion AND abs:policy")).isEqualTo(ids("diffusion AND policy"));
    assertThat(ids("diffusion* polic*")).isEqualTo(ids("diffusion policy"));
    assertThat(index.search(SearchRequest.firstPage("diffusion* polic*", 5)).notice())
        .isEqualTo(
            "I read diffusion* as “diffusion”, polic* as “policy”: the words papers use most that"
                + " fit. Type whole words; each also finds its other forms (policy, policies).");
    assertThat(ids("diffu?ion policy")).isEqualTo(ids("diffusion policy"));
    // A question mark that ends a word asks; it is no wildcard.
    assertThat(index.search(SearchRequest.firstPage("what is diffusion policy?", 5)).notice())
        .isNull();
  }

  @ParameterizedTest(name = "{0} searches for {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "diff*sion policy | diffusion policy | diff*sion as “diffusion”",
        "trans*rmer for robot control | transformer for robot control | trans*rmer as"
            + " “transformer”",
        "rob?t learning | robot learning | rob?t as “robot”",
        // A star inside and one at the end.
        "lang*ge model* | language model | lang*ge as “language”, model* as “model”",
        // "reinforc" is a stem that ends before the star: read on the second try.
        "reinforc*ment learning | reinforcement learning | reinforc*ment as “reinforcement”"
      })
  void aWildcardInsideAWordIsReadAsTheCommonestWordThatFits(
      String typed, String meant, String read) {
    SearchResults wild = index.search(SearchRequest.firstPage(typed, 10));
    assertThat(wild.notice()).startsWith("I read " + read + ": the word");
    assertThat(ids(typed)).isEqualTo(ids(meant));
  }

  @Test
  void aWildcardNoWordFitsIsSearchedWithoutIt() {
    assertThat(index.search(SearchRequest.firstPage("zq*xv diffusion", 5)).notice())
        .startsWith("No word papers use fits zq*xv, so I searched for its letters.");
    assertThat(index.search(SearchRequest.firstPage("di* policy", 5)).notice())
        .startsWith("di* has too few letters before a wildcard, so I searched for its letters.");
    // A hostile word: read in one pass, echoed cut.
    SearchResults hostile =
        index.search(SearchRequest.firstPage("diffusion " + "x*".repeat(100_000), 5));
    assertThat(hostile.notice()).contains("x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*\u2026");
  }

  @Test
  void notInCapitalsLeavesOutWhatFollowsAsAMinusDoes() {
    List<String> minus = ids("diffusion -policy");
    assertThat(minus).isNotEmpty().isEqualTo(ids("diffusion NOT policy"));
    // "AND" in capitals reads as the words side by side (QueryOperators).
    SearchResults and = index.search(SearchRequest.firstPage("diffusion AND NOT policy", 300));
    assertThat(and.totalHits())
        .isEqualTo(index.search(SearchRequest.firstPage("diffusion -policy", 5)).totalHits());
    assertThat(and.hits()).noneSatisfy(hit -> assertThat(has(hit, "policy")).isTrue());
    assertThat(ids("video NOT \"world models\"")).isEqualTo(ids("video -\"world models\""));
    // A lower-case "not" is a word of the query, left out by the analyser as any stop word.
    assertThat(ids("diffusion not policy")).isNotEqualTo(minus);
  }

  private static List<String> ids(String query) {
    return index.search(SearchRequest.firstPage(query, 50)).hits().stream()
        .map(hit -> hit.paper().id())
        .toList();
  }

  @Test
  void aWordTypedTwiceIsNamedOnceInTheWhyLine() {
    assertThat(search("diffusion diffusion policy diffusion"))
        .extracting(SearchHit::whyLine)
        .allSatisfy(why -> assertThat(why.split("diffusion \\(title\\)", -1)).hasSizeLessThan(3));
  }

  private static boolean has(SearchHit hit, String word) {
    return (hit.paper().title() + " " + hit.paper().abstractText())
        .toLowerCase(java.util.Locale.ROOT)
        .contains(word);
  }

  @Test
  void anAuthorsNameFindsTheirPapers() {
    SearchResults alone = index.search(SearchRequest.firstPage("haoran he", 50));
    assertThat(alone.notice()).isEqualTo("Papers by Haoran He, the newest and most upvoted first.");
    assertThat(alone.hits())
        .hasSizeGreaterThan(5)
        .allSatisfy(hit -> assertThat(hit.paper().authors()).contains("Haoran He"))
        .allSatisfy(hit -> assertThat(hit.whyLine()).startsWith("matched: Haoran He (authors)"));
    // With other words, the author's papers ranked for them.
    SearchResults topic = index.search(SearchRequest.firstPage("Haoran He diffusion", 3));
    assertThat(topic.hits())
        .hasSize(3)
        .allSatisfy(hit -> assertThat(hit.paper().authors()).contains("Haoran He"))
        .allSatisfy(hit -> assertThat(hit.paper().title()).containsIgnoringCase("diffusion"));
    // Words no paper lists as a name stay the query's words.
    assertThat(index.search(SearchRequest.firstPage("diffusion policy", 5)).notice()).isNull();
    assertThat(index.search(SearchRequest.firstPage("he diffusion", 5)).notice()).isNull();
  }
}
