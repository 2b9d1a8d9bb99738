package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static paperbot.recommender.rank.TestPapers.paper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.search.LucenePaperIndex;

/** Ranking properties on a small hand-made corpus where the right order is unambiguous. */
final class RankingTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final String FILLER =
      " We evaluate on standard benchmarks and report results across many tasks.";

  @TempDir Path dir;
  LucenePaperIndex index;

  @BeforeEach
  void open() {
    index = LucenePaperIndex.open(dir, QueryExpander.defaults(), CLOCK);
  }

  @AfterEach
  void close() {
    index.close();
  }

  /** The titles of the papers that match the query (not the related papers after them). */
  private List<String> titles(String query) {
    return index.search(SearchRequest.firstPage(query, 10)).hits().stream()
        .filter(h -> !h.related())
        .map(h -> h.paper().title())
        .toList();
  }

  @Test
  void aTitleMatchOutranksAnAbstractOnlyMatch() {
    index.replaceAll(
        List.of(
            paper("Robots that plan", "We study world models for robot planning." + FILLER),
            paper("World Models for Planning", "We study robot planning." + FILLER)),
        "f");
    assertThat(titles("world models")).first().isEqualTo("World Models for Planning");
  }

  @Test
  void wordsTogetherOutrankTheSameWordsApart() {
    index.replaceAll(
        List.of(
            paper(
                "Scattered",
                "A policy for diffusion of information in networks is learned." + FILLER),
            paper("Together", "We train a diffusion policy for manipulation." + FILLER)),
        "f");
    assertThat(titles("diffusion policy")).containsExactly("Together", "Scattered");
  }

  @Test
  void priorsBreakNearTiesButNeverBuryAStrongTextMatch() {
    index.replaceAll(
        List.of(
            paper(
                "Offline Reinforcement Learning with Implicit Q-Learning",
                "Offline reinforcement learning." + FILLER,
                LocalDate.of(2021, 10, 1),
                0),
            paper(
                "A survey of robotics",
                "Among others, offline reinforcement learning is mentioned." + FILLER,
                TODAY,
                900),
            paper(
                "Twin A",
                "Offline reinforcement learning method." + FILLER,
                LocalDate.of(2020, 1, 1),
                0),
            paper(
                "Twin B",
                "Offline reinforcement learning method." + FILLER,
                TODAY.minusDays(3),
                12)),
        "f");
    List<String> ranked = titles("offline reinforcement learning");
    assertThat(ranked.get(0)).isEqualTo("Offline Reinforcement Learning with Implicit Q-Learning");
    assertThat(ranked.indexOf("Twin B")).isLessThan(ranked.indexOf("Twin A"));
  }

  @Test
  void aYearTypedWithTheQueryLimitsThePapersToIt() {
    index.replaceAll(
        List.of(
            paper(
                "Diffusion policy, old",
                "A diffusion policy." + FILLER,
                LocalDate.of(2023, 3, 1),
                0),
            paper(
                "Diffusion policy, new",
                "A diffusion policy." + FILLER,
                LocalDate.of(2024, 6, 1),
                0),
            paper("Undated diffusion policy", "A diffusion policy." + FILLER),
            paper(
                "Grasping",
                "Robot grasping from 2024 data." + FILLER,
                LocalDate.of(2024, 2, 1),
                0)),
        "f");
    assertThat(titles("diffusion policy from 2024")).containsExactly("Diffusion policy, new");
    SearchResults in2024 = index.search(SearchRequest.firstPage("diffusion policy from 2024", 10));
    // Related papers may follow the few matches, from the same year.
    assertThat(in2024.hits())
        .allSatisfy(h -> assertThat(h.paper().published().getYear()).isEqualTo(2024));
    assertThat(in2024.notice()).contains("Papers from 2024 only.");
    // "from" and "2024" are not words to match: the grasping paper says both and is no answer.
    assertThat(titles("diffusion policy since 2023"))
        .containsExactlyInAnyOrder("Diffusion policy, old", "Diffusion policy, new");
    assertThat(titles("diffusion policy before 2024")).containsExactly("Diffusion policy, old");
    // A year alone lists that year's papers, newest and most upvoted first.
    SearchResults year = index.search(SearchRequest.firstPage("papers from 2024", 10));
    assertThat(year.hits())
        .extracting(h -> h.paper().title())
        .containsExactly("Diffusion policy, new", "Grasping");
    assertThat(year.notice()).isEqualTo("Papers from 2024 only.");
  }

  @Test
  void papersMatchingOnlyThePriorsAreNeverReturned() {
    index.replaceAll(
        List.of(
            paper("Popular and new", "Nothing relevant here." + FILLER, TODAY, 1000),
            paper("Relevant", "Graph neural networks for molecules." + FILLER)),
        "f");
    SearchResults results = index.search(SearchRequest.firstPage("graph neural networks", 10));
    // The popular paper shares only the filler sentence: it may follow as related, never match.
    assertThat(results.hits().get(0).paper().title()).isEqualTo("Relevant");
    assertThat(results.hits().subList(1, results.hits().size()))
        .allSatisfy(hit -> assertThat(hit.related()).isTrue());
  }

  @Test
  void aQueryWithFewMatchesIsFollowedByPapersRelatedToThem() {
    String routing = " Sparse experts with a learned router scale language models cheaply.";
    index.replaceAll(
        List.of(
            paper("Scaling MoE Language Models", "An MoE layer." + routing),
            paper("Efficient MoE Inference", "MoE routing at inference." + routing),
            paper("Router Balancing for Sparse Experts", "Load balancing of the router." + routing),
            paper("Sparse Experts for Vision", "Experts and a router for images."),
            paper("Molecule Generation", "Graph neural networks for molecules."),
            paper("Robot Grasping", "Grasping objects with a robot arm.")),
        "f");

    SearchResults results = index.search(SearchRequest.firstPage("moe", 10));

    assertThat(results.hits().subList(0, 2))
        .extracting(h -> h.paper().title())
        .containsExactlyInAnyOrder("Scaling MoE Language Models", "Efficient MoE Inference");
    assertThat(results.hits())
        .extracting(h -> h.paper().title())
        .contains("Router Balancing for Sparse Experts", "Sparse Experts for Vision")
        .doesNotContain("Molecule Generation", "Robot Grasping");
    assertThat(results.hits()).extracting(SearchHit::related).startsWith(false, false, true, true);
    // The paper sharing the most of the matches' words comes first among the related ones.
    assertThat(results.hits().get(2).paper().title())
        .isEqualTo("Router Balancing for Sparse Experts");
    // It says which of the matches' words it shares, as the matches spell them.
    assertThat(results.hits().get(2).whyLine()).startsWith("related: ");
    assertThat(results.hits().get(2).matched())
        .isNotEmpty()
        .allSatisfy(word -> assertThat(routing.toLowerCase()).contains(word.concept()));
    assertThat(results.totalHits()).isEqualTo(results.hits().size());
    assertThat(results.notice())
        .startsWith("Only 2 papers match; the next 2 are related to the best of them (")
        .doesNotContain("moe");
  }

  @Test
  void theFirstPageCountsTheRelatedPapersTheWholeListHasWhenMoreMatchThanOnePoolHolds() {
    List<Paper> papers = new ArrayList<>();
    int matching = Ranker.POOL + 5;
    for (int i = 0; i < matching; i++) {
      papers.add(paper("MoE Study " + i, "An MoE layer with a learned router, variant " + i + "."));
    }
    for (int i = 0; i < 10; i++) {
      papers.add(paper("Router Study " + i, "A learned router for sparse layers, variant " + i));
    }
    index.replaceAll(papers, "f");

    SearchResults first = index.search(SearchRequest.firstPage("moe", 5));
    SearchResults all = index.search(new SearchRequest("moe", 0, RelatedPapers.FILL));

    long related = all.hits().stream().filter(SearchHit::related).count();
    assertThat(related).isEqualTo(RelatedPapers.FILL - matching);
    assertThat(first.totalHits()).isEqualTo(all.totalHits());
    assertThat(first.notice())
        .isEqualTo(all.notice())
        .startsWith("Only " + matching + " papers match; the next " + related + " are related");
  }

  @Test
  void aMinusLeavesAWordOut() {
    index.replaceAll(
        List.of(
            paper("Video Diffusion Models", "Diffusion models generate video." + FILLER),
            paper("Diffusion Policy", "A diffusion policy for robot manipulation." + FILLER),
            paper(
                "Offline Diffusion Planners",
                "Diffusion planners for offline reinforcement learning." + FILLER),
            paper("Sim-to-Real Diffusion", "Diffusion for sim-to-real transfer." + FILLER)),
        "f");

    assertThat(titles("diffusion -video"))
        .containsExactlyInAnyOrder(
            "Diffusion Policy", "Offline Diffusion Planners", "Sim-to-Real Diffusion");
    // An abbreviation leaves out its long form too; several words may be left out.
    assertThat(titles("diffusion -rl -video"))
        .containsExactlyInAnyOrder("Diffusion Policy", "Sim-to-Real Diffusion");
    // A hyphen inside a word, or a minus on its own, leaves nothing out.
    assertThat(titles("sim-to-real diffusion")).first().isEqualTo("Sim-to-Real Diffusion");
    assertThat(titles("diffusion - video")).first().isEqualTo("Video Diffusion Models");
    // Only words to leave out: nothing to search for.
    assertThat(index.search(SearchRequest.firstPage("-video", 5)).hits()).isEmpty();
    assertThat(index.search(SearchRequest.firstPage("-video", 5)).notice())
        .isEqualTo(SearchResults.ONLY_LEFT_OUT);
  }

  @Test
  void anAbbreviationThePapersDefineAlsoFindsItsLongForm() {
    List<Paper> papers = new ArrayList<>();
    papers.add(
        paper(
            "Decision Transformer",
            "The Decision Transformer (DT) models returns with a sequence model." + FILLER));
    papers.add(
        paper("Sequence Models for Games", "We scale the decision transformer to games." + FILLER));
    papers.add(paper("Morphology", "A Subequivariant Transformer (SET) for robots." + FILLER));
    papers.add(paper("Equivariant Robots", "A subequivariant transformer for bodies." + FILLER));
    for (int i = 0; i < 5; i++) {
      papers.add(paper("Benchmark " + i, "We report results on the test set." + FILLER));
    }
    papers.add(paper("Planning", "Large Language Models (LLMs) can plan." + FILLER));
    papers.add(paper("Reasoning", "We study how large language models reason." + FILLER));
    index.replaceAll(papers, "f");

    assertThat(titles("dt")).containsExactly("Decision Transformer", "Sequence Models for Games");
    SearchHit writtenOut = index.search(SearchRequest.firstPage("dt", 10)).hits().get(1);
    assertThat(writtenOut.matched().toString()).contains("DT → decision transformer");
    // "set" is mostly an ordinary word in these papers: it is not read as the abbreviation.
    assertThat(titles("set")).doesNotContain("Equivariant Robots");
    // A plural finds the singular's definition and is named as papers write it.
    SearchHit plural = index.search(SearchRequest.firstPage("llms", 10)).hits().get(1);
    assertThat(plural.paper().title()).isEqualTo("Reasoning");
    assertThat(plural.matched().toString()).contains("LLMs → large language models");
    // A word left out leaves its defined long form out too.
    assertThat(titles("sequence -dt")).isEmpty();
  }

  @Test
  void aQuotedPhraseIsRequiredAsItStands() {
    index.replaceAll(
        List.of(
            paper("World Models for Control", "Learned world models plan actions." + FILLER),
            paper("Models of the World", "The world as seen by language models." + FILLER),
            paper("Robot Worlds", "Simulated worlds for robots." + FILLER)),
        "f");

    assertThat(titles("world models"))
        .containsExactlyInAnyOrder(
            "World Models for Control", "Models of the World", "Robot Worlds");
    assertThat(titles("\"world models\"")).containsExactly("World Models for Control");
    // Curly quotes, as chat apps type them; a phrase and a left-out word together.
    assertThat(titles("\u201cworld models\u201d planning"))
        .containsExactly("World Models for Control");
    assertThat(titles("\"world\" -robots"))
        .containsExactlyInAnyOrder("World Models for Control", "Models of the World");
    // An unclosed quote is just a character.
    assertThat(titles("\"world models")).hasSize(3);
  }

  @Test
  void papersSharingOneWordOfTheQueryBringNoRelatedPapers() {
    String laundry = " A robot sorts towels and shirts from a laundry basket.";
    index.replaceAll(
        List.of(
            paper("Cloth Folding with Robots", "Folding garments." + laundry),
            paper("Laundry Robots", "Towels and shirts from a basket." + laundry),
            paper("Robot Grasping", "Grasping objects with a robot arm.")),
        "f");

    SearchResults results = index.search(SearchRequest.firstPage("protein folding", 10));

    // The one match shares "folding" only: papers like it are not about proteins either.
    assertThat(results.hits())
        .extracting(h -> h.paper().title())
        .containsExactly("Cloth Folding with Robots");
    assertThat(results.hits()).noneSatisfy(hit -> assertThat(hit.related()).isTrue());
    assertThat(results.totalHits()).isEqualTo(1);
    assertThat(results.notice()).isEqualTo("No paper has all of your words; this one has some.");
  }

  @Test
  void abbreviationsNeverExpandToLooseWords() {
    index.replaceAll(
        List.of(
            paper(
                "Expressive Neural Voice Cloning",
                "Voice cloning with few samples of a speaker." + FILLER),
            paper(
                "Augmented Behavioral Cloning from Observation",
                "Imitation from observation." + FILLER)),
        "f");
    assertThat(titles("bc")).containsExactly("Augmented Behavioral Cloning from Observation");
    // Typed words may match apart (recall for longer queries), but the phrase ranks first.
    assertThat(titles("behavior cloning"))
        .first()
        .isEqualTo("Augmented Behavioral Cloning from Observation");
    assertThat(titles("voice cloning")).first().isEqualTo("Expressive Neural Voice Cloning");
  }

  @Test
  void ambiguousAbbreviationsFindEveryMeaningAndSayWhichMatched() {
    index.replaceAll(
        List.of(
            paper(
                "Speech synthesis", "A text-to-speech (TTS) system with prosody control." + FILLER),
            paper(
                "Reasoning at inference",
                "Test-time scaling improves reasoning of language models." + FILLER)),
        "f");
    SearchResults results = index.search(SearchRequest.firstPage("TTS", 10));
    assertThat(results.hits())
        .extracting(SearchHit::whyLine)
        .containsExactlyInAnyOrder(
            "matched: TTS (= text-to-speech) (abstract)",
            "matched: TTS → test-time scaling (abstract)");
  }

  @Test
  void spellingAndHyphenationVariantsMeet() {
    index.replaceAll(
        List.of(
            paper("Behaviour priors", "Behaviour regularisation for offline agents." + FILLER),
            paper("Bridging the Sim-to-Real Gap", "Transfer from simulation." + FILLER)),
        "f");
    assertThat(titles("behavior regularization")).first().isEqualTo("Behaviour priors");
    assertThat(titles("sim2real")).containsExactly("Bridging the Sim-to-Real Gap");
    assertThat(titles("sim to real")).containsExactly("Bridging the Sim-to-Real Gap");
  }

  @Test
  void aHyphenatedTermWithAChatWordKeepsItsMeaning() {
    index.replaceAll(
        List.of(
            paper("Robust classifiers", "OOD generalization of image classifiers." + FILLER),
            paper("Heat maps", "The distribution of heat across a plate." + FILLER)),
        "f");
    // "out" alone is chat ("get more out of"), but "out-of-distribution" is OOD.
    assertThat(titles("out-of-distribution generalization"))
        .first()
        .isEqualTo("Robust classifiers");
    assertThat(index.search(SearchRequest.firstPage("out-of-distribution", 10)).hits())
        .extracting(SearchHit::whyLine)
        .contains("matched: out-of-distribution → OOD (abstract)");
  }

  @Test
  void aQuestionAskingForNoTrainingFindsTrainingFreeMethods() {
    index.replaceAll(
        List.of(
            paper(
                "Reward fine-tuning for diffusion",
                "We steer a diffusion model towards a reward by fine-tuning its weights." + FILLER),
            paper(
                "Guidance at sampling time",
                "A training-free method to steer a frozen diffusion model towards a reward."
                    + FILLER)),
        "f");
    // "without fine-tuning" asks for what papers call training-free, not for fine-tuning.
    assertThat(titles("how can I steer a diffusion model without fine-tuning it?"))
        .first()
        .isEqualTo("Guidance at sampling time");
    assertThat(
            index
                .search(SearchRequest.firstPage("steer diffusion without retraining", 10))
                .hits()
                .get(0)
                .whyLine())
        .contains("without retraining → training-free");
  }

  @Test
  void twoWordsWrittenTogetherRankBeforeTheSameWordsApart() {
    index.replaceAll(
        List.of(
            paper(
                "Transformer Policies for Decision Making",
                "A transformer controls the robot; a larger transformer makes each decision faster."
                    + FILLER),
            paper(
                "Attacks on return-conditioned agents",
                "We attack a decision transformer trained on offline data." + FILLER),
            paper(
                "Graph Transformer for Embodiments",
                "A transformer reads the robot's joints as a graph to make a decision." + FILLER)),
        "f");
    // A query of two words is usually one term of art: the paper that names it comes first.
    assertThat(titles("decision transformer"))
        .first()
        .isEqualTo("Attacks on return-conditioned agents");
    // Three words are more often a description: their order is the fusion's.
    assertThat(titles("decision transformer robot"))
        .first()
        .isNotEqualTo("Attacks on return-conditioned agents");
  }

  @Test
  void aPaperNamingTwoWordsTogetherJoinsThePoolFromBehindTheWordsApart() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      papers.add(
          paper(
              "Real-World Robot Models " + i,
              "Models of robot arm " + i + " are tested in the real world." + FILLER));
    }
    Paper named =
        paper(
            "Learning to Act from Pixels",
            "An agent learns a compact latent dynamics model from image observations and plans"
                + " actions by imagining trajectories, a world model trained jointly with the"
                + " policy, reward and value heads, evaluated on continuous control suites."
                + FILLER);
    papers.add(named);
    index.replaceAll(papers, "f");
    // The first pass scores the two words apart, where every other paper has "World" in its title.
    assertThat(titles("world models")).first().isEqualTo(named.title());
    // Joining the pool moves it from deeper pages, which neither repeat nor skip a paper.
    List<String> all = new ArrayList<>();
    for (int offset = 0; offset < 70; offset += 10) {
      index.search(new SearchRequest("world models", offset, 10)).hits().stream()
          .filter(h -> !h.related())
          .forEach(h -> all.add(h.paper().title()));
    }
    assertThat(all).hasSize(61).doesNotHaveDuplicates().contains(named.title());
  }

  @Test
  void whyLineNamesPhrasesAndFieldsTitleFirst() {
    index.replaceAll(
        List.of(
            paper(
                "Diffusion Policy for Robots",
                "Our method builds on imitation learning from demonstrations." + FILLER)),
        "f");
    SearchHit hit =
        index
            .search(SearchRequest.firstPage("diffusion policy imitation learning", 5))
            .hits()
            .get(0);
    assertThat(hit.whyLine())
        .isEqualTo("matched: diffusion policy (title), imitation learning (abstract)");
    assertThat(hit.snippet()).contains("imitation learning");
    // A stop word at either end of a phrase is not named: "for" matches nothing.
    assertThat(
            index
                .search(SearchRequest.firstPage("diffusion policy for imitation learning", 5))
                .hits()
                .get(0)
                .whyLine())
        .isEqualTo("matched: diffusion policy (title), imitation learning (abstract)");
    assertThat(
            index
                .search(SearchRequest.firstPage("how do we learn from demonstrations", 5))
                .hits()
                .get(0)
                .whyLine())
        .isEqualTo("matched: learn from demonstrations (abstract)");
  }

  @Test
  void snippetIsAboutTwoLinesCutAtWordsAroundTheMatch() {
    String text =
        "Intro sentence about nothing in particular. ".repeat(8)
            + "Here the key idea of contrastive pretraining appears. "
            + "More words follow. ".repeat(30);
    index.replaceAll(List.of(paper("A paper", text)), "f");
    String snippet =
        index.search(SearchRequest.firstPage("contrastive pretraining", 5)).hits().get(0).snippet();
    assertThat(snippet).contains("contrastive pretraining").startsWith("…").endsWith(" …");
    assertThat(snippet.length()).isBetween(100, SnippetFormatter.LENGTH + 4);
  }

  @Test
  void pagesAreDisjointAndCountEveryMatch() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      papers.add(paper("Transformer study " + i, "Transformers number " + i + "." + FILLER));
    }
    index.replaceAll(papers, "f");
    SearchResults first = index.search(new SearchRequest("transformer", 0, 10));
    SearchResults third = index.search(new SearchRequest("transformer", 20, 10));
    assertThat(first.totalHits()).isEqualTo(23);
    assertThat(first.hasMore()).isTrue();
    assertThat(third.hits()).hasSize(3);
    assertThat(third.hasMore()).isFalse();
    assertThat(first.hits())
        .extracting(h -> h.paper().id())
        .doesNotContainAnyElementsOf(third.hits().stream().map(h -> h.paper().id()).toList());
    assertThat(index.search(new SearchRequest("transformer", 40, 10)).hits()).isEmpty();
  }

  @Test
  void aWildcardInsideAWordIsReadAsTheCommonestWordThatFitsNotThatStartsAlike() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      papers.add(paper("Different views " + i, "Different robust methods differ." + FILLER));
    }
    papers.add(paper("Diffusion robots", "A diffusion model for the robot arm." + FILLER));
    papers.add(paper("Robot diffusion", "Robots trained with diffusion." + FILLER));
    index.replaceAll(papers, "f");
    SearchResults results = index.search(SearchRequest.firstPage("diff*sion rob?t", 10));
    assertThat(results.notice())
        .startsWith(
            "I read diff*sion as “diffusion”, rob?t as “robot”: the words papers use most that"
                + " fit. Type whole words; each also finds its other forms (policy, policies).\n");
    assertThat(titles("diff*sion rob?t"))
        .containsExactlyInAnyOrder("Diffusion robots", "Robot diffusion");
  }

  @Test
  void hostileInputNeverThrows() {
    index.replaceAll(List.of(paper("Anything", "Some text about learning." + FILLER)), "f");
    List<String> inputs =
        List.of(
            "title:(a OR b)^3 \"unbalanced",
            "*:*",
            "\\",
            "~",
            "?*",
            "x*y?z".repeat(40_000),
            "ab?".repeat(60_000) + "*",
            "AND OR NOT",
            "((((",
            "a".repeat(5000),
            "learning ".repeat(700),
            "🙂🚀 learning",
            "\u0000\u0007\u200b\u202elearning",
            "",
            "   \t\n",
            "the of and",
            "-",
            "\"\"",
            "[1 TO 5]",
            "/regex.*/",
            "learning^1000000");
    for (String input : inputs) {
      SearchResults results = index.search(SearchRequest.firstPage(input, 5));
      assertThat(results).as(input).isNotNull();
    }
    assertThat(index.search(SearchRequest.firstPage("", 5)).notice())
        .contains("/papers diffusion policy");
    assertThat(index.search(SearchRequest.firstPage("the of and", 5)).notice()).isNotNull();
    assertThat(index.search(SearchRequest.firstPage("learning ".repeat(700), 5)).notice())
        .contains("first 32 words");
    // One long word is cut by its characters, not its words.
    assertThat(index.search(SearchRequest.firstPage("a".repeat(10_000), 5)).notice())
        .contains("first 500 characters");
    assertThat(index.search(SearchRequest.firstPage("🙂🚀 learning", 5)).hits()).hasSize(1);
  }

  @Test
  void aLetterRaisedToANumberFindsThePapersThatWriteTheNorm() {
    index.replaceAll(
        List.of(
            paper("Regularization", "Dropout regularization for deep networks." + FILLER),
            paper(
                "Weight Decay in Deep Networks",
                "We revisit L2 regularization and weight decay in deep networks." + FILLER)),
        "f");
    // Read as "l" weighed twice, "l" matched nothing and the regularization paper came first.
    SearchResults norm = index.search(SearchRequest.firstPage("l^2 regularization", 10));
    assertThat(norm.hits().get(0).paper().title()).isEqualTo("Weight Decay in Deep Networks");
    assertThat(norm.notice()).startsWith("I read l^2 as \u201cl2\u201d, as papers write it");
    assertThat(titles("L^2 regularization")).isEqualTo(titles("L2 regularization"));
  }

  @Test
  void aPaperWithEveryConceptOutranksPapersThatRepeatOneConceptsManyForms() {
    index.replaceAll(
        List.of(
            paper(
                "Conservative Offline Reinforcement Learning",
                "Offline reinforcement learning (offline RL) learns from fixed datasets; conservative"
                    + " value estimates keep offline RL stable."
                    + FILLER),
            paper(
                "Batch Reinforcement Learning at Scale",
                "Batch reinforcement learning, or offline RL, trains large models on logged data."
                    + FILLER),
            paper(
                "A Dataset Perspective on Offline Reinforcement Learning",
                "How the data shapes offline reinforcement learning: offline RL models and datasets."
                    + FILLER),
            paper(
                "Diffusion Models for Image Synthesis",
                "Diffusion models generate images by denoising." + FILLER),
            paper(
                "Video Diffusion Models",
                "Diffusion models generate videos frame by frame." + FILLER),
            paper(
                "Policy-Guided Diffusion",
                "Diffusion models synthesize trajectories from fixed datasets for offline"
                    + " reinforcement learning."
                    + FILLER)),
        "f");
    // The offline RL concept has four forms and three single words, each scored in title and
    // abstract; the papers that lack "diffusion", the query's rarer concept, came first.
    assertThat(titles("diffusion models for offline reinforcement learning"))
        .first()
        .isEqualTo("Policy-Guided Diffusion");
  }
}
