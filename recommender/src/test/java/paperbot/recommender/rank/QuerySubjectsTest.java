package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class QuerySubjectsTest {
  private static final Set<String> KNOWN = Set.of("ppo", "sft", "rl");

  private static List<List<String>> subjects(String text) throws IOException {
    return QuerySubjects.of(text, KNOWN::contains);
  }

  @Test
  void subjectsAreJoinedByAndOrVersusAndCommas() throws IOException {
    assertThat(subjects("diffusion policy and offline rl"))
        .containsExactly(List.of("diffusion", "policy"), List.of("offline", "rl"));
    assertThat(subjects("World Models, model-free RL; mixture of experts"))
        .containsExactly(
            List.of("world", "models"),
            List.of("model", "free", "rl"),
            List.of("mixture", "of", "experts"));
    assertThat(subjects("world models vs. model-free rl")).hasSize(2);
    assertThat(subjects("ppo or sft")).containsExactly(List.of("ppo"), List.of("sft"));
    assertThat(subjects("robustness & generalization")).hasSize(2);
  }

  @Test
  void aLoneWordBelongsToItsNeighbour() throws IOException {
    // "filtering" of training data; "offline" rl.
    assertThat(subjects("training data curation and filtering")).isEmpty();
    assertThat(subjects("offline and online rl")).isEmpty();
    assertThat(subjects("training data curation and filtering and goal-conditioned rl"))
        .containsExactly(
            List.of("training", "data", "curation", "filtering"),
            List.of("goal", "conditioned", "rl"));
    // A term with known forms stands alone.
    assertThat(subjects("ppo and offline rl"))
        .containsExactly(List.of("ppo"), List.of("offline", "rl"));
  }

  @Test
  void aRequestsFramingIsNoQuestion() throws IOException {
    assertThat(subjects("any recent work on diffusion policy and offline rl?"))
        .containsExactly(List.of("diffusion", "policy"), List.of("offline", "rl"));
    assertThat(subjects("hi! I'm looking for papers about ppo or sft"))
        .containsExactly(List.of("ppo"), List.of("sft"));
  }

  @Test
  void oneSubjectStaysOne() throws IOException {
    assertThat(subjects("how can I filter out low-quality demonstrations or training data?"))
        .isEmpty();
    assertThat(subjects("what is the difference between ppo and sft")).isEmpty();
    assertThat(subjects("sandwich")).isEmpty();
    assertThat(subjects("android robots")).isEmpty();
    assertThat(subjects("a, b, c, d, e")).isEmpty();
    assertThat(subjects(" and , or ")).isEmpty();
  }
}
