package paperbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.rank.Recommendation;

final class WhyLinesTest {
  private static Recommendation rec(List<String> topics, double trending, String resembles) {
    return new Recommendation(
        new Paper(
            "pb-1",
            "A paper",
            List.of(),
            "An abstract.",
            List.of(),
            false,
            null,
            null,
            false,
            0,
            List.of(),
            null,
            List.of(),
            List.of()),
        1.0,
        "",
        topics,
        List.of(),
        trending,
        resembles,
        List.of());
  }

  @Test
  void aTopicMatchWithNothingTrendingSaysOnlyWhatMatched() {
    assertThat(WhyLines.forMember(rec(List.of("offline rl"), 0.01, "Diffusion Policy")))
        .isEqualTo(
            "your topics: offline rl · like "
                + UserText.emphasis("Diffusion Policy")
                + " you liked");
    assertThat(WhyLines.forChannel(rec(List.of("offline rl"), 0.0, null)))
        .isEqualTo("matches offline rl");
  }

  @Test
  void aPaperMatchingPartOfATopicNamesItAndNotLikes() {
    Recommendation rec = rec(List.of(), 0.0, null);
    Recommendation partly =
        new Recommendation(
            rec.paper(), 1.0, "", List.of(), List.of(), 0.0, null, List.of("video diffusion"));
    assertThat(WhyLines.forMember(partly)).isEqualTo("some words of your topics: video diffusion");
    // Nothing else picked it: the like model did.
    assertThat(WhyLines.forMember(rec)).isEqualTo("like papers you liked");
  }

  @Test
  void trendingIsShownWhenItIsSomethingOrTheOnlyReason() {
    assertThat(WhyLines.forMember(rec(List.of("offline rl"), 0.34, null)))
        .isEqualTo("your topics: offline rl · trending +0.3");
    assertThat(WhyLines.forChannel(rec(List.of(), 0.0, null))).isEqualTo("trending +0.0");
  }
}
