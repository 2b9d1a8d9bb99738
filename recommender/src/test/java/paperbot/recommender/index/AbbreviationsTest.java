package paperbot.recommender.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import paperbot.recommender.index.Abbreviations.Definition;

class AbbreviationsTest {
  private static List<String> definitions(String text) {
    return Abbreviations.in(text).stream()
        .map(definition -> definition.abbreviation() + " = " + definition.longForm())
        .toList();
  }

  @Test
  void readsTheLongFormBeforeAParenthesisedAbbreviation() {
    assertThat(definitions("We build on the Decision Transformer (DT) and its variants."))
        .containsExactly("dt = decision transformer");
    assertThat(definitions("Proximal Policy Optimization (PPO) is a policy gradient method."))
        .containsExactly("ppo = proximal policy optimization");
    assertThat(definitions("methods for reinforcement learning from human feedback (RLHF; 2022)"))
        .containsExactly("rlhf = reinforcement learning from human feedback");
  }

  @Test
  void spellsAbbreviationsWithLettersInsideWordsAndJoiningWords() {
    assertThat(definitions("a Mixture-of-Denoising Experts (MoDE) policy"))
        .containsExactly("mode = mixture of denoising experts");
    assertThat(definitions("Low-Rank Adaptation (LoRA) adapters"))
        .containsExactly("lora = low rank adaptation");
    assertThat(definitions("beats the state-of-the-art (SOTA) by far"))
        .containsExactly("sota = state of the art");
  }

  @Test
  void prefersTheLongFormWhoseInitialsSpellMostOfIt() {
    // "supervised learning" also spells SSL (the second s inside "supervised"), but one fewer
    // letter is an initial.
    assertThat(definitions("Self-supervised learning (SSL) of visual features"))
        .containsExactly("ssl = self supervised learning");
  }

  @Test
  void dropsAPluralsS() {
    assertThat(definitions("Large Language Models (LLMs) can plan"))
        .containsExactly("llm = large language models");
  }

  @Test
  void ignoresParenthesesThatDefineNothing() {
    assertThat(
            definitions(
                "We show (see Fig. 2) that it works (Table 1), unlike prior work (Smith et al.)."
                    + " The robot (UR5) moves. Results (AUC) improve."))
        .isEmpty();
    // One capital is a word, not an abbreviation.
    assertThat(definitions("the model (Mixtral) is large")).isEmpty();
    // The long form never reaches back past the sentence.
    assertThat(definitions("Data matters. Transformers (DT) scale.")).isEmpty();
    // A "word" of thousands of letters is no long form (as a keyword it would fail indexing).
    assertThat(definitions("a" + "x".repeat(40_000) + " bound (AB) holds")).isEmpty();
  }

  @Test
  void findsEveryDefinitionOfAText() {
    assertThat(Abbreviations.in("Behavior Cloning (BC) and Inverse Reinforcement Learning (IRL)."))
        .containsExactly(
            new Definition("bc", "behavior cloning"),
            new Definition("irl", "inverse reinforcement learning"));
  }
}
