package paperbot.recommender.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.ingest.SeedCorpus;

class CommonWordsTest {
  private static final int SIZE = 300;

  /**
   * The list is reproducible: the {@value #SIZE} stems in the most seed papers (title or abstract),
   * ties broken alphabetically. On failure, the expected list is printed; it belongs in the
   * resource (and a new index schema).
   */
  @Test
  void listIsTheMostFrequentStemsOfTheSeedCorpus() {
    PaperAnalyzer analyzer = new PaperAnalyzer();
    Map<String, Integer> papersWith = new HashMap<>();
    for (Paper paper : SeedCorpus.load(Path.of("..", "seeds"), Clock.systemUTC()).papers()) {
      Set<String> stems =
          new HashSet<>(
              WordPairs.analyse(analyzer, PaperFields.ABSTRACT, CleanText.of(paper.abstractText()))
                  .terms());
      if (paper.title() != null) {
        stems.addAll(
            WordPairs.analyse(analyzer, PaperFields.TITLE, CleanText.of(paper.title())).terms());
      }
      stems.forEach(stem -> papersWith.merge(stem, 1, Integer::sum));
    }
    List<String> ranked = new ArrayList<>(papersWith.keySet());
    ranked.sort(
        Comparator.comparing((String stem) -> -papersWith.get(stem))
            .thenComparing(Comparator.naturalOrder()));
    Set<String> expected = Set.copyOf(ranked.subList(0, SIZE));
    assertThat(CommonWords.all())
        .as(
            "common-words.txt should be:%n%s",
            String.join("\n", ranked.subList(0, SIZE).stream().sorted().toList()))
        .isEqualTo(expected);
  }

  @Test
  void pairsAreIndexedOnlyBetweenCommonWords() {
    WordPairs.Analysed common =
        WordPairs.analyse(new PaperAnalyzer(), PaperFields.ABSTRACT, "reinforcement learning");
    assertThat(common.pairs()).containsExactly("reinforc learn");
    assertThat(common.unpairedWords()).isEmpty();

    WordPairs.Analysed rare =
        WordPairs.analyse(new PaperAnalyzer(), PaperFields.ABSTRACT, "learning zyzzyva embeddings");
    assertThat(rare.pairs()).isEmpty();
    assertThat(rare.unpairedWords()).containsExactly("learn", "zyzzyva", "embed");

    // The first pass finds such a phrase by its common pair and its rarer word.
    WordPairs.Analysed mixed =
        WordPairs.analyse(
            new PaperAnalyzer(), PaperFields.ABSTRACT, "zyzzyva reinforcement learning");
    assertThat(mixed.pairs()).containsExactly("reinforc learn");
    assertThat(mixed.unpairedWords()).containsExactly("zyzzyva");
  }
}
