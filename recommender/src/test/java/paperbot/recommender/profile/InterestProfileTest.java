package paperbot.recommender.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class InterestProfileTest {
  private static InterestProfile learning(Map<String, Double> learned) {
    return new InterestProfile(
        Map.of(), List.of(), learned, List.of(), Set.of(), Set.of(), List.of(), List.of());
  }

  @Test
  void learnedWordsLeaveOutAWordThatAShownPairAlreadySays() {
    InterestProfile profile =
        learning(
            Map.of(
                "conservatism", 0.9,
                "compositional", 0.8,
                "compositional conservatism", 0.7,
                "offline", 0.6,
                "offline reinforcement", 0.5,
                "dataset", 0.4,
                "voice", -0.9));
    assertThat(profile.learnedWords(8))
        .containsExactly("compositional conservatism", "offline reinforcement", "dataset");
    // The pair takes its words' place, even when it weighs less than the words beside it.
    assertThat(profile.learnedWords(2))
        .containsExactly("compositional conservatism", "offline reinforcement");
  }
}
