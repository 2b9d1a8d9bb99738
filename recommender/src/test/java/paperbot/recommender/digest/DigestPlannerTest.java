package paperbot.recommender.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import paperbot.recommender.rank.QueryExpander;
import paperbot.recommender.rank.Recommendation;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * The digest planner with a fixed clock on a small index: window, dedup, threshold, quiet day, time
 * zones.
 */
final class DigestPlannerTest {
  /** 23:30 UTC on Sunday Nov 22 is already Monday Nov 23 in Tokyo. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T23:30:00Z"), ZoneOffset.UTC);

  private static final LocalDate TODAY_UTC = LocalDate.of(2026, 11, 22);

  @TempDir Path dir;
  LucenePaperIndex index;
  DigestPlanner planner;

  private static Paper paper(String title, String text, LocalDate published, int upvotes) {
    return new Paper(
        PaperId.fromText(title),
        title,
        List.of(),
        text + " We report results on several benchmarks.",
        List.of(),
        false,
        null,
        published,
        false,
        upvotes,
        List.of(),
        null,
        List.of(),
        List.of(new SourceRecord("t", 1, "test")));
  }

  static final Paper NEW_RL =
      paper("Fresh Offline RL", "Offline reinforcement learning today.", TODAY_UTC, 3);
  static final Paper OLD_RL =
      paper(
          "Classic Offline RL",
          "Offline reinforcement learning long ago.",
          TODAY_UTC.minusYears(2),
          0);
  static final Paper HOT_OLDISH =
      paper(
          "Hot Offline RL",
          "Offline reinforcement learning, popular.",
          TODAY_UTC.minusDays(10),
          50);
  static final Paper NEW_VISION = paper("Fresh Vision", "Image segmentation today.", TODAY_UTC, 0);

  @BeforeEach
  void open() {
    index = LucenePaperIndex.open(dir, QueryExpander.defaults(), CLOCK);
    index.replaceAll(List.of(NEW_RL, OLD_RL, HOT_OLDISH, NEW_VISION), "f");
    planner = new DigestPlanner(index, DigestPlanner.Settings.defaults(), CLOCK);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private static Subscription channel(List<String> topics, int size, ZoneId zone) {
    return new Subscription(
        1,
        "SLACK",
        "T1",
        "C1",
        Subscription.Kind.CHANNEL,
        "U1",
        LocalTime.of(9, 0),
        zone,
        Subscription.WEEKDAYS,
        topics,
        size,
        null);
  }

  private static List<String> titles(DigestPlan plan) {
    return plan.papers().stream().map(Recommendation::paper).map(Paper::title).toList();
  }

  @Test
  void newPapersComeFirstThenTheBestNotYetPosted() {
    DigestPlan plan =
        planner.plan(channel(List.of("offline rl"), 3, ZoneOffset.UTC), null, Set.of());
    assertThat(titles(plan))
        .containsExactly("Fresh Offline RL", "Hot Offline RL", "Classic Offline RL");
    assertThat(plan.papers().get(0).topics()).containsExactly("offline rl");
  }

  @Test
  void papersAlreadyPostedThereAreNeverPlannedAgain() {
    DigestPlan plan =
        planner.plan(
            channel(List.of("offline rl"), 3, ZoneOffset.UTC),
            null,
            Set.of(NEW_RL.id(), HOT_OLDISH.id()));
    assertThat(titles(plan)).containsExactly("Classic Offline RL");
  }

  @Test
  void aChannelWithoutTopicsGetsWhatIsTrending() {
    DigestPlan plan = planner.plan(channel(List.of(), 3, ZoneOffset.UTC), null, Set.of());
    // Today's papers first (the upvoted one ahead), then the most trending of the rest.
    assertThat(titles(plan)).containsExactly("Fresh Offline RL", "Fresh Vision", "Hot Offline RL");
  }

  @Test
  void nothingAboveTheMinimumScoreIsAQuietDay() {
    DigestPlanner strict = new DigestPlanner(index, new DigestPlanner.Settings(7, 1000), CLOCK);
    assertThat(
            strict.plan(channel(List.of("offline rl"), 3, ZoneOffset.UTC), null, Set.of()).quiet())
        .isTrue();
    assertThat(
            planner
                .plan(channel(List.of("quantum gravity"), 3, ZoneOffset.UTC), null, Set.of())
                .quiet())
        .isTrue();
  }

  @Test
  void everyTopicOfAChannelHasItsShareOfTheDigest() {
    Paper cells =
        paper(
            "Counting Cells in Microscopy",
            "We count cells in microscopy slides with a detector trained on few labels; an image"
                + " segmentation baseline, stain normalisation and tiling are compared on three"
                + " hospital datasets, with error analysis by cell type and slide quality.",
            TODAY_UTC,
            0);
    List<Paper> papers = new java.util.ArrayList<>(List.of(NEW_RL, cells));
    for (int i = 1; i <= 3; i++) {
      papers.add(
          paper(
              "Trending Offline RL " + i,
              "Offline reinforcement learning with offline RL datasets.",
              TODAY_UTC,
              20 * i));
    }
    index.replaceAll(papers, "f");
    List<String> digest =
        titles(
            planner.plan(
                channel(List.of("offline rl", "image segmentation"), 3, ZoneOffset.UTC),
                null,
                Set.of()));
    // Four offline RL papers trend more, but the channel asked for image segmentation too.
    assertThat(digest).hasSize(3).contains(cells.title());
    assertThat(digest.get(0)).isEqualTo("Trending Offline RL 3");
  }

  @Test
  void theDigestDayIsTheSubscribersLocalDay() {
    assertThat(planner.plan(channel(List.of(), 1, ZoneId.of("Asia/Tokyo")), null, Set.of()).day())
        .isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(
            planner
                .plan(channel(List.of(), 1, ZoneId.of("America/New_York")), null, Set.of())
                .day())
        .isEqualTo(LocalDate.of(2026, 11, 22));
  }

  @Test
  void whatTheTeamLearnedReordersAChannelDigest() {
    // The team's like model (DigestRunner sums the likeTerms of the workspace's most liked papers):
    // it likes the classic paper's words and disliked the popular one's.
    InterestProfile team =
        new InterestProfile(
            Map.of(),
            List.of(),
            Map.of("classic", 1.0, "long ago", 0.5, "popular", -1.0),
            List.of(),
            Set.of(),
            Set.of(),
            List.of());
    Subscription channel = channel(List.of("offline rl"), 3, ZoneOffset.UTC);
    assertThat(titles(planner.plan(channel, null, Set.of())))
        .containsExactly("Fresh Offline RL", "Hot Offline RL", "Classic Offline RL");
    assertThat(titles(planner.plan(channel, team, Set.of())))
        .containsExactly("Fresh Offline RL", "Classic Offline RL", "Hot Offline RL");
  }

  @Test
  void aMemberDigestIsRankedByTheMembersProfile() {
    Subscription me =
        new Subscription(
            2,
            "SLACK",
            "T1",
            "U1",
            Subscription.Kind.MEMBER,
            "U1",
            LocalTime.of(9, 0),
            ZoneOffset.UTC,
            Subscription.WEEKDAYS,
            List.of(),
            1,
            null);
    InterestProfile likesVision =
        new InterestProfile(
            Map.of("image segmentation", 1.0),
            List.of(),
            Map.of(),
            List.of(),
            Set.of(),
            Set.of(),
            List.of());
    assertThat(titles(planner.plan(me, likesVision, Set.of()))).containsExactly("Fresh Vision");
  }
}
