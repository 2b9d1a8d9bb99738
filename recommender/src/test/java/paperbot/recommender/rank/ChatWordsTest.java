package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ChatWordsTest {
  private static String subject(String text) {
    return String.join(" ", ChatWords.subject(text));
  }

  @Test
  void aRequestsOpeningIsLeftOutUpToWhereItsSubjectStarts() {
    assertThat(subject("I'm looking for papers about generalization")).isEqualTo("generalization");
    assertThat(subject("any recent work on sft?")).isEqualTo("sft");
    assertThat(subject("what's new in transformers for robot control"))
        .isEqualTo("transformers for robot control");
    assertThat(subject("recent advances in learning diverse behaviours"))
        .isEqualTo("learning diverse behaviours");
    assertThat(subject("can you recommend papers on synthetic data for robot learning?"))
        .isEqualTo("synthetic data for robot learning");
    assertThat(subject("hey, anything about world models")).isEqualTo("world models");
    // A word a hyphen joins to the next is the subject's.
    assertThat(subject("what is in-context learning")).isEqualTo("in context learning");
    assertThat(subject("any papers on on-policy distillation")).isEqualTo("on policy distillation");
  }

  @Test
  void aChatWordJoinedByAHyphenIsPartOfATerm() {
    assertThat(subject("out-of-distribution generalization"))
        .isEqualTo("out of distribution generalization");
    assertThat(subject("one-shot imitation")).isEqualTo("one shot imitation");
    assertThat(subject("how does best-of-n sampling scale?")).isEqualTo("best of n sampling scale");
    // Apart, the same words are still chat.
    assertThat(subject("how can I get more out of my data?")).isEqualTo("of data");
  }

  @Test
  void aGreetingIsLeftOutWhateverFollows() {
    assertThat(subject("quick question: how can I filter out low-quality data?"))
        .isEqualTo("filter low quality data");
    assertThat(subject("hi there, offline rl")).isEqualTo("offline rl");
  }

  @Test
  void theSameWordsStayWhenTheyAreTheSubject() {
    // No word leads in to a subject: "research", "progress", "new", "question" are what is asked.
    assertThat(subject("research agents")).isEqualTo("research agents");
    assertThat(subject("progress measures for grokking"))
        .isEqualTo("progress measures for grokking");
    assertThat(subject("new benchmarks for offline rl")).isEqualTo("new benchmarks for offline rl");
    assertThat(subject("question answering")).isEqualTo("question answering");
    // The subject is never framed away whole.
    assertThat(subject("papers on")).isEqualTo("on");
    assertThat(subject("hi")).isEqualTo("hi");
  }
}
