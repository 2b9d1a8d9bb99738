package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class QueryExpanderTest {

  @Test
  void theLongestKnownTermWinsAndOtherWordsStandAlone() {
    QueryExpander expander =
        QueryExpander.parse(
            List.of(
                "# comment",
                "RL | reinforcement learning",
                "offline RL | offline reinforcement learning",
                ""));
    List<Concept> concepts = expander.concepts(QueryWords.of("Offline-RL for robots"));
    assertThat(concepts).extracting(Concept::text).containsExactly("offline rl", "for", "robots");
    assertThat(concepts.get(0).label()).isEqualTo("offline RL");
    assertThat(concepts.get(0).alternatives()).containsExactly("offline reinforcement learning");
    assertThat(concepts.get(2).isKnownTerm()).isFalse();
  }

  @Test
  void theMembersOwnWordsAreSearchedOnceHoweverTheListSpellsThem() {
    // British spellings and "-al" stem alike: each spelling was one more clause scoring the
    // member's own phrase again.
    QueryExpander expander =
        QueryExpander.parse(
            List.of(
                "BC | behavior cloning | behavioral cloning | behaviour cloning"
                    + " | behavioural cloning",
                "pretrained | pre-trained"));
    assertThat(expander.concepts(QueryWords.of("behaviour cloning")).get(0).alternatives())
        .containsExactly("BC");
    assertThat(expander.concepts(QueryWords.of("behavior cloning")).get(0).alternatives())
        .containsExactly("BC");
    // An abbreviation keeps its long form's spellings; forms the index reads differently stay.
    assertThat(expander.concepts(QueryWords.of("bc")).get(0).alternatives()).hasSize(4);
    assertThat(expander.concepts(QueryWords.of("pretrained")).get(0).alternatives())
        .containsExactly("pre-trained");
  }

  @Test
  void aFormInTwoGroupsHasBothMeaningsAndIsAmbiguous() {
    QueryExpander expander =
        QueryExpander.parse(List.of("TTS | test-time scaling", "TTS | text-to-speech"));
    Concept tts = expander.concepts(QueryWords.of("tts")).get(0);
    assertThat(tts.alternatives()).containsExactly("test-time scaling", "text-to-speech");
    assertThat(tts.ambiguous()).isTrue();
  }

  @Test
  void theShippedListLoadsFromConfigAndFromTheClasspath(@TempDir Path dir) throws Exception {
    QueryExpander fromConfig = QueryExpander.load(Path.of("..", "config", "expansions.txt"));
    assertThat(fromConfig.concepts(QueryWords.of("vla")).get(0).alternatives())
        .contains("vision-language-action");
    assertThat(QueryExpander.defaults().concepts(QueryWords.of("sim2real")).get(0).alternatives())
        .contains("sim-to-real");
    Path custom = dir.resolve("mine.txt");
    Files.writeString(custom, "KAN | Kolmogorov-Arnold network\n");
    assertThat(QueryExpander.load(custom).concepts(QueryWords.of("kan")).get(0).alternatives())
        .containsExactly("Kolmogorov-Arnold network");
    assertThat(
            QueryExpander.load(dir.resolve("missing.txt"))
                .concepts(QueryWords.of("rl"))
                .get(0)
                .isKnownTerm())
        .isTrue();
  }
}
