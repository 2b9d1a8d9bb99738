package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TopicSubjectTest {
  @Test
  void aQuestionIsKeptAsWhatItAsksAbout() {
    assertThat(TopicSubject.of("how can i filter out noisy demonstrations?"))
        .isEqualTo("filter out noisy demonstrations");
    assertThat(TopicSubject.of("what are the best papers on world models?"))
        .isEqualTo("world models");
    assertThat(TopicSubject.of("offline rl.")).isEqualTo("offline rl");
  }

  @Test
  void functionWordsOpenATopicOnlyAfterAQuestionWord() {
    assertThat(TopicSubject.of("a and and b")).isEqualTo("a and and b");
    assertThat(TopicSubject.of("-a -b")).isEqualTo("-a -b");
    assertThat(TopicSubject.of("t1 and t2")).isEqualTo("t1 and t2");
    assertThat(TopicSubject.of("the a of")).isEqualTo("the a of");
  }

  @Test
  void aTopicOfOnlyStopWordsIsTold() {
    assertThat(TopicSubject.hasOnlyStopWords("the")).isTrue();
    assertThat(TopicSubject.hasOnlyStopWords("The a of")).isTrue();
    assertThat(TopicSubject.hasOnlyStopWords("sim-to-real")).isFalse();
    assertThat(TopicSubject.hasOnlyStopWords("what is it")).isFalse();
    assertThat(TopicSubject.hasOnlyStopWords("???")).isFalse();
  }
}
