package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.corpus.SourceRecord;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * Personal ranking on a small corpus: topics, mutes, learned terms, seen papers, followed authors,
 * trending.
 */
final class ProfileRankingTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
  private static final String FILLER =
      " Experiments on standard benchmarks show consistent gains across tasks.";

  @TempDir Path dir;
  LucenePaperIndex index;

  private static Paper paper(
      String title, String abstractText, List<String> authors, LocalDate date, int upvotes) {
    return new Paper(
        PaperId.fromText(title),
        title,
        List.of(),
        abstractText + FILLER,
        authors,
        false,
        null,
        date,
        false,
        upvotes,
        List.of(),
        null,
        List.of(),
        List.of(new SourceRecord("t", 1, "test")));
  }

  static final Paper OFFLINE =
      paper(
          "Conservative Offline Reinforcement Learning",
          "Offline reinforcement learning from fixed datasets with conservative value estimates. Conservative offline "
              + "reinforcement learning avoids overestimation on fixed datasets.",
          List.of("Ana Li"),
          null,
          0);
  static final Paper OFFLINE_VOICE =
      paper(
          "Offline RL for Voice Cloning Agents",
          "Offline reinforcement learning applied to voice cloning dialogue. Offline reinforcement learning uses fixed "
              + "datasets of voice cloning conversations.",
          List.of(),
          null,
          0);
  static final Paper DIFFUSION =
      paper(
          "Diffusion Policy for Manipulation",
          "A diffusion policy generates robot actions by denoising. Denoising diffusion gives multimodal robot actions.",
          List.of("Bo Chen"),
          null,
          0);
  static final Paper DIFFUSION_VIDEO =
      paper(
          "Video Diffusion Transformers",
          "Diffusion models generate video with a transformer denoiser. Video diffusion with denoising transformers.",
          List.of(),
          null,
          0);
  static final Paper HOT =
      paper(
          "Scaling Laws for Everything",
          "Large models scale with compute and data.",
          List.of(),
          LocalDate.of(2026, 11, 20),
          40);

  @BeforeEach
  void open() {
    index = LucenePaperIndex.open(dir, QueryExpander.defaults(), CLOCK);
    index.replaceAll(List.of(OFFLINE, OFFLINE_VOICE, DIFFUSION, DIFFUSION_VIDEO, HOT), "f");
  }

  @AfterEach
  void close() {
    index.close();
  }

  private static InterestProfile profile(
      Map<String, Double> topics,
      List<String> mutes,
      Map<String, Double> learned,
      List<String> follows,
      Set<String> seen) {
    return new InterestProfile(topics, mutes, learned, follows, seen, Set.of(), List.of());
  }

  private List<String> titles(InterestProfile profile) {
    return index.recommend(new ProfileQuery(profile, false, 0, 10)).items().stream()
        .map(r -> r.paper().title())
        .toList();
  }

  @Test
  void aMembersTopicComesFirstAndSaysWhichTopicMatched() {
    Map<String, Double> topics = new LinkedHashMap<>();
    topics.put("offline rl", 1.0);
    Recommendations recs =
        index.recommend(
            new ProfileQuery(
                profile(topics, List.of(), Map.of(), List.of(), Set.of()), false, 0, 10));
    assertThat(recs.items())
        .extracting(r -> r.paper().title())
        .containsExactlyInAnyOrder(OFFLINE.title(), OFFLINE_VOICE.title());
    assertThat(recs.items().get(0).topics()).containsExactly("offline rl");
  }

  @Test
  void aTopicOfTwoWordsWrittenTogetherFindsThePapersThatNameItFirst() {
    Paper named =
        paper(
            "Attacks on return-conditioned agents",
            "We attack a decision transformer trained on offline data.",
            List.of(),
            null,
            0);
    index.replaceAll(
        List.of(
            paper(
                "Transformer Policies for Decision Making",
                "A transformer controls the robot; a larger transformer makes each decision faster.",
                List.of(),
                null,
                0),
            named,
            paper(
                "Graph Transformer for Embodiments",
                "A transformer reads the robot's joints as a graph to make a decision.",
                List.of(),
                null,
                0)),
        "f");
    assertThat(
            titles(
                profile(
                    Map.of("decision transformer", 1.0), List.of(), Map.of(), List.of(), Set.of())))
        .first()
        .isEqualTo(named.title());
  }

  @Test
  void aPaperMatchingPartOfATopicSaysSoAndNotThatLikesPickedIt() {
    Recommendations recs =
        index.recommend(
            new ProfileQuery(
                profile(Map.of("video diffusion", 1.0), List.of(), Map.of(), List.of(), Set.of()),
                false,
                0,
                10));
    Recommendation whole = recs.items().get(0);
    assertThat(whole.paper().title()).isEqualTo(DIFFUSION_VIDEO.title());
    assertThat(whole.topics()).containsExactly("video diffusion");
    assertThat(whole.partly()).isEmpty();
    // The diffusion policy paper has "diffusion" and no "video": picked for part of the topic.
    Recommendation part =
        recs.items().stream()
            .filter(r -> r.paper().title().equals(DIFFUSION.title()))
            .findFirst()
            .orElseThrow();
    assertThat(part.topics()).isEmpty();
    assertThat(part.partly()).containsExactly("video diffusion");
    assertThat(part.resembles()).isNull();
  }

  @Test
  void aTopicOfTwoWordsIsNamedOnlyForPapersThatNameThemTogether() {
    Paper together =
        paper(
            "Planning with Learned Simulators",
            "We learn a world model of the scene and plan inside these world models.",
            List.of(),
            null,
            0);
    Paper apart =
        paper(
            "Real-World Robot Models",
            "Models of robot arms, tested in the real world.",
            List.of(),
            null,
            0);
    Paper robust =
        paper(
            "Robust Reinforcement Learning under Shift",
            "A policy learned from logged data that stays safe when the dynamics shift.",
            List.of(),
            null,
            0);
    index.replaceAll(List.of(apart, together, robust), "f");
    Map<String, Double> topics = new LinkedHashMap<>();
    topics.put("world models", 1.0);
    topics.put("robust rl", 1.0);
    Map<String, Recommendation> shown =
        index
            .recommend(
                new ProfileQuery(
                    profile(topics, List.of(), Map.of(), List.of(), Set.of()), false, 0, 10))
            .items()
            .stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.paper().title(), r -> r));
    assertThat(shown.get(together.title()).topics()).containsExactly("world models");
    // Both words, in other senses: picked for part of the topic, and said so.
    assertThat(shown.get(apart.title()).topics()).isEmpty();
    assertThat(shown.get(apart.title()).partly()).containsExactly("world models");
    // Any form of its words names it: "robust reinforcement learning" for "robust rl".
    assertThat(shown.get(robust.title()).topics()).containsExactly("robust rl");
  }

  @Test
  void aTopicSavedWithATypoFollowsTheWordPapersUse() {
    Map<String, Double> topics = new LinkedHashMap<>();
    topics.put("video difusion", 1.0);
    Recommendations recs =
        index.recommend(
            new ProfileQuery(
                profile(topics, List.of(), Map.of(), List.of(), Set.of()), false, 0, 10));
    // No paper has "difusion"; two have "diffusion", one edit away. The topic is named as saved.
    assertThat(recs.items().get(0).paper().title()).isEqualTo(DIFFUSION_VIDEO.title());
    assertThat(recs.items().get(0).topics()).containsExactly("video difusion");
  }

  @Test
  void aTopicIsReadAgainWhenNewPapersUseItsWord() {
    Map<String, Double> topics = Map.of("video difusion", 1.0);
    ProfileQuery query =
        new ProfileQuery(profile(topics, List.of(), Map.of(), List.of(), Set.of()), false, 0, 10);
    assertThat(index.recommend(query).items().get(0).paper().title())
        .isEqualTo(DIFFUSION_VIDEO.title());
    // Once papers use the word, the topic is read as saved (its reading is kept per index state).
    Paper named =
        paper(
            "Difusion: Video Tokens",
            "Difusion names a video tokenizer. Difusion.",
            List.of(),
            null,
            0);
    Paper again =
        paper(
            "Difusion Again",
            "A second video paper on the difusion tokenizer.",
            List.of(),
            null,
            0);
    index.upsert(List.of(named, again), java.util.Optional.empty());
    assertThat(index.recommend(query).items())
        .extracting(item -> item.paper().title())
        .startsWith(named.title());
  }

  @Test
  void heavierTopicsRankFirst() {
    Map<String, Double> topics = new LinkedHashMap<>();
    topics.put("offline rl", 1.0);
    topics.put("diffusion policy", 3.0);
    assertThat(titles(profile(topics, List.of(), Map.of(), List.of(), Set.of())).get(0))
        .isEqualTo(DIFFUSION.title());
  }

  @Test
  void everyTopicGetsPlacesOnTheFirstPage() {
    List<Paper> papers = new java.util.ArrayList<>(List.of(OFFLINE, OFFLINE_VOICE, DIFFUSION));
    for (String subject : List.of("Value Penalties", "Ensembles", "Model Rollouts")) {
      papers.add(
          paper(
              "Offline RL: Offline Reinforcement Learning with " + subject,
              "Offline reinforcement learning (offline RL) from fixed datasets with "
                  + subject.toLowerCase(java.util.Locale.ROOT)
                  + ". Offline RL without interaction; offline reinforcement learning benchmarks.",
              List.of(),
              null,
              0));
    }
    index.replaceAll(papers, "f");
    Map<String, Double> topics = new LinkedHashMap<>();
    topics.put("offline rl", 1.0);
    topics.put("denoising", 1.0);
    List<Recommendation> recs =
        index
            .recommend(
                new ProfileQuery(
                    profile(topics, List.of(), Map.of(), List.of(), Set.of()), false, 0, 10))
            .items();
    // Five offline RL papers match more strongly (the fusion alone put the denoising paper fifth),
    // yet the second topic has the second place.
    assertThat(recs.subList(0, 2))
        .flatExtracting(Recommendation::topics)
        .containsExactlyInAnyOrder("offline rl", "denoising");
    assertThat(recs).hasSize(6);
  }

  @Test
  void followedAuthorsShareTheirPlacesAsOneInterest() {
    List<Paper> papers = new java.util.ArrayList<>(List.of(OFFLINE, OFFLINE_VOICE));
    List<String> authors = List.of("Cai Wu", "Dana Ito", "Eli Moss");
    for (String author : authors) {
      papers.add(
          paper(
              "Protein Folding Notes by " + author,
              "Protein structure prediction with attention.",
              List.of(author),
              null,
              0));
    }
    for (String subject : List.of("Value Penalties", "Ensembles")) {
      papers.add(
          paper(
              "Offline RL with " + subject,
              "Offline reinforcement learning (offline RL) with " + subject + ".",
              List.of(),
              null,
              0));
    }
    index.replaceAll(papers, "f");
    List<Recommendation> recs =
        index
            .recommend(
                new ProfileQuery(
                    profile(Map.of("offline rl", 1.0), List.of(), Map.of(), authors, Set.of()),
                    false,
                    0,
                    10))
            .items();
    assertThat(recs).hasSize(7);
    // One topic and the followed authors together take turns: two of the first four places each,
    // where three authors counted apart would have taken three.
    assertThat(recs.subList(0, 4)).filteredOn(r -> !r.authors().isEmpty()).hasSize(2);
    assertThat(recs.subList(0, 4)).filteredOn(r -> !r.topics().isEmpty()).hasSize(2);
  }

  @Test
  void aMutedTermRemovesItsPapers() {
    List<String> ranked =
        titles(
            profile(
                Map.of("offline rl", 1.0),
                List.of("voice cloning"),
                Map.of(),
                List.of(),
                Set.of()));
    assertThat(ranked).containsExactly(OFFLINE.title());
  }

  @Test
  void seenPapersAreLeftOutUnlessAllAreAskedFor() {
    InterestProfile seen =
        profile(Map.of("offline rl", 1.0), List.of(), Map.of(), List.of(), Set.of(OFFLINE.id()));
    assertThat(titles(seen)).containsExactly(OFFLINE_VOICE.title());
    assertThat(index.recommend(new ProfileQuery(seen, true, 0, 10)).items()).hasSize(2);
  }

  @Test
  void likedAndDislikedPapersMoveTheRankingAndAreNotShownAgain() {
    Paper likedVideo =
        paper(
            "Generating Long Videos",
            "Video generation with transformers: long video synthesis "
                + "from text. Video transformers generate frames.",
            List.of(),
            null,
            0);
    index.replaceAll(
        List.of(OFFLINE, OFFLINE_VOICE, DIFFUSION, DIFFUSION_VIDEO, HOT, likedVideo), "f");
    Map<String, Double> topics = Map.of("diffusion", 1.0);
    List<String> plain = titles(profile(topics, List.of(), Map.of(), List.of(), Set.of()));
    assertThat(plain).containsExactlyInAnyOrder(DIFFUSION.title(), DIFFUSION_VIDEO.title());
    // What /like stores: the paper's weighted terms (a /dislike stores them negated).
    Map<String, Double> learned = index.likeTerms(likedVideo.id());
    assertThat(learned).containsKey("video");
    InterestProfile likes =
        new InterestProfile(
            topics,
            List.of(),
            learned,
            List.of(),
            Set.of(),
            Set.of(),
            List.of(),
            List.of(likedVideo.id()));
    List<Recommendation> liked = index.recommend(new ProfileQuery(likes, false, 0, 10)).items();
    assertThat(liked.get(0).paper().title()).isEqualTo(DIFFUSION_VIDEO.title());
    assertThat(liked.get(0).resembles()).isEqualTo(likedVideo.title());
    assertThat(liked).extracting(r -> r.paper().id()).doesNotContain(likedVideo.id());
    // In /papers all the liked paper shows again, and is not said to be like itself.
    Recommendation again =
        index.recommend(new ProfileQuery(likes, true, 0, 10)).items().stream()
            .filter(r -> r.paper().id().equals(likedVideo.id()))
            .findFirst()
            .orElseThrow();
    assertThat(again.resembles()).isNull();
    Map<String, Double> unlearned = new java.util.HashMap<>();
    learned.forEach((term, weight) -> unlearned.put(term, -weight));
    InterestProfile dislikes =
        new InterestProfile(
            topics, List.of(), unlearned, List.of(), Set.of(), Set.of(likedVideo.id()), List.of());
    assertThat(titles(dislikes).get(0)).isEqualTo(DIFFUSION.title());
  }

  @Test
  void followedAuthorsAreLiftedAndNamed() {
    Recommendations recs =
        index.recommend(
            new ProfileQuery(
                profile(
                    Map.of("offline rl", 1.0), List.of(), Map.of(), List.of("Bo Chen"), Set.of()),
                false,
                0,
                10));
    Recommendation followed =
        recs.items().stream().filter(r -> r.paper().equals(DIFFUSION)).findFirst().orElseThrow();
    assertThat(followed.authors()).containsExactly("Bo Chen");
    assertThat(followed.topics()).isEmpty();
    assertThat(titles(profile(Map.of("offline rl", 1.0), List.of(), Map.of(), List.of(), Set.of())))
        .doesNotContain(DIFFUSION.title());
  }

  @Test
  void trendingPutsRecentUpvotedPapersFirstAndReportsTheirPrior() {
    Recommendations trending = index.trending(3);
    assertThat(trending.items().get(0).paper().title()).isEqualTo(HOT.title());
    assertThat(trending.items().get(0).trending()).isGreaterThan(1.5);
    assertThat(index.recommend(new ProfileQuery(InterestProfile.empty(), false, 0, 5)).items())
        .isEmpty();
  }

  @Test
  void trendingPagesFollowOneAnotherWithoutRepeatsOrGaps() {
    List<Paper> dated = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      dated.add(
          paper(
              "Dated Paper " + (char) ('A' + i),
              "A paper from November.",
              List.of(),
              LocalDate.of(2026, 11, 10 + i),
              i));
    }
    index.replaceAll(dated, "f");
    List<String> firstFour = index.trending(4).items().stream().map(r -> r.paper().id()).toList();
    assertThat(firstFour).hasSize(4).doesNotHaveDuplicates();
    Recommendations second = index.trending(2, 2);
    assertThat(second.offset()).isEqualTo(2);
    assertThat(second.items())
        .extracting(r -> r.paper().id())
        .containsExactlyElementsOf(firstFour.subList(2, 4));
    Recommendations pastTheEnd = index.trending(6, 5);
    assertThat(pastTheEnd.items()).isEmpty();
    assertThat(pastTheEnd.hasMore()).isFalse();
  }

  @Test
  void moreLikeThisFindsSimilarPapersButNotThePaperItself() {
    SearchResults similar = index.moreLikeThis(OFFLINE.id(), 3);
    assertThat(similar.hits()).extracting(h -> h.paper().id()).doesNotContain(OFFLINE.id());
    assertThat(similar.hits().get(0).paper().title()).isEqualTo(OFFLINE_VOICE.title());
    assertThat(index.moreLikeThis("missing", 3).hits()).isEmpty();
  }

  @Test
  void likeTermsAreReadableWordsAndPairsWithTfIdfWeights() {
    Map<String, Double> terms = index.likeTerms(DIFFUSION.id());
    assertThat(terms)
        .isNotEmpty()
        .allSatisfy((term, weight) -> {
          assertThat((DIFFUSION.title() + " " + DIFFUSION.abstractText()).toLowerCase())
              .contains(term);
          assertThat(weight).isPositive().isLessThanOrEqualTo(1.0);
        });
    assertThat(terms.values().stream().mapToDouble(w -> w * w).sum()).isLessThanOrEqualTo(1.0001);
    assertThat(index.likeTerms("missing")).isEmpty();
  }

  @Test
  void moreLikeThisFollowsWhatTheMemberTaught() {
    indexDiffusionPapers();
    SearchResults plain = index.moreLikeThis(DIFFUSION_VIDEO.id(), 5);
    assertThat(plain.hits()).hasSizeGreaterThan(1);
    String first = plain.hits().get(0).paper().id();
    Paper firstPaper = plain.hits().get(0).paper();
    assertThat(firstPaper.title()).isEqualTo("Audio Diffusion Models");
    // A member whose dislikes taught "audio" (what /dislike stores: negative weights).
    Map<String, Double> disliked = Map.of("audio", -1.0);
    SearchResults taught = index.moreLikeThis(DIFFUSION_VIDEO.id(), 5, disliked);
    assertThat(taught.hits()).extracting(h -> h.paper().id()).contains(first);
    assertThat(taught.hits().get(0).paper().id())
        .as("first without the dislike: %s", firstPaper.title())
        .isNotEqualTo(first);
  }

  @Test
  void moreLikeThisSaysWhatEachPaperSharesWithIt() {
    indexDiffusionPapers();
    String source = text(DIFFUSION_VIDEO);
    List<SearchHit> hits = index.moreLikeThis(DIFFUSION_VIDEO.id(), 5).hits();
    assertThat(hits).hasSizeGreaterThan(2);
    for (SearchHit hit : hits) {
      List<String> shared = hit.matched().stream().map(Match::concept).toList();
      assertThat(shared)
          .as("why-line of %s", hit.paper().title())
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(3)
          .doesNotHaveDuplicates()
          .allSatisfy(term -> {
            assertThat(source).contains(term);
            assertThat(text(hit.paper())).contains(term);
            // The filler sentence every paper has teaches nothing.
            assertThat(FILLER.toLowerCase()).doesNotContain(term);
          })
          // A word inside a named pair is not named again.
          .noneSatisfy(term ->
              assertThat(shared.stream().filter(other -> other.contains(" ")).toList())
                  .anySatisfy(pair -> assertThat(List.of(pair.split(" "))).contains(term)));
    }
    assertThat(hits.stream().map(SearchHit::matched).distinct())
        .as("each paper shares its own words")
        .hasSizeGreaterThan(1);
  }

  private static String text(Paper paper) {
    return (paper.title() + " " + paper.abstractText()).toLowerCase();
  }

  private void indexDiffusionPapers() {
    index.replaceAll(
        List.of(
            OFFLINE,
            DIFFUSION,
            DIFFUSION_VIDEO,
            paper(
                "Audio Diffusion Models",
                "Denoising diffusion models generate audio. Video and audio diffusion.",
                List.of(),
                null,
                0),
            paper(
                "Diffusion Planning",
                "Diffusion models plan robot trajectories by denoising video predictions.",
                List.of(),
                null,
                0)),
        "f");
  }

  @Test
  void aTopicsEveryConceptCountsNotOnlyItsCommonestOne() {
    List<Paper> papers = new ArrayList<>();
    papers.add(
        paper(
            "Batch Reinforcement Learning at Scale",
            "Batch reinforcement learning, or offline RL, trains large models on logged data.",
            List.of(),
            null,
            0));
    papers.add(
        paper(
            "A Dataset Perspective on Offline Reinforcement Learning",
            "How the data shapes offline reinforcement learning: offline RL models and datasets.",
            List.of(),
            null,
            0));
    papers.add(
        paper(
            "Policy-Guided Diffusion",
            "Diffusion models synthesize trajectories from fixed datasets for offline reinforcement"
                + " learning.",
            List.of(),
            null,
            0));
    papers.addAll(List.of(OFFLINE, OFFLINE_VOICE, DIFFUSION, DIFFUSION_VIDEO, HOT));
    index.replaceAll(papers, "f");
    InterestProfile profile =
        profile(
            Map.of("diffusion models for offline reinforcement learning", 1.0),
            List.of(),
            Map.of(),
            List.of(),
            Set.of());
    // The topic's structured match ranks it first, its plain words (which count "offline",
    // "reinforcement" and "learning" against "diffusion") below two offline RL papers; without the
    // coverage it came fifth, after every offline RL paper.
    assertThat(titles(profile).subList(0, 3)).contains("Policy-Guided Diffusion");
  }
}
