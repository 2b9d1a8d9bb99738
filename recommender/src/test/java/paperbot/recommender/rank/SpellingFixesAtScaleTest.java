package paperbot.recommender.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static paperbot.recommender.rank.TestPapers.paper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.search.LucenePaperIndex;

/**
 * In a corpus of {@link SpellingFixes#RARE_PER} papers a typo one paper makes ("lerning") is read
 * as the far commoner word, while a rare word whose neighbour is only a little commoner, and a
 * quoted one, stay as typed.
 */
final class SpellingFixesAtScaleTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  @TempDir static Path dir;
  static LucenePaperIndex index;

  @BeforeAll
  static void build() {
    index = LucenePaperIndex.open(dir, QueryExpander.defaults(), CLOCK);
    List<Paper> papers = new ArrayList<>();
    IntStream.range(0, SpellingFixes.RARE_PER)
        .forEach(i -> papers.add(paper("Study " + i, "Robot learning of task " + i + ".")));
    // One paper misspells learning; "zorblax" is in one paper and "zorblaz", a key away, in ten.
    papers.set(0, paper("Study 0", "Robot lerning of task 0 with a zorblax."));
    for (int i = 1; i <= 10; i++) {
      papers.set(i, paper("Study " + i, "Robot learning of task " + i + " with a zorblaz."));
    }
    index.replaceAll(papers, "f");
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static String notice(String query) {
    String notice = index.search(SearchRequest.firstPage(query, 5)).notice();
    return notice == null ? "" : notice;
  }

  @Test
  void aTypoOnePaperMakesIsReadAsTheFarCommonerWord() {
    assertThat(notice("robot lerning"))
        .isEqualTo(
            "Few papers have \u201clerning\u201d; showing papers for \u201crobot learning\u201d."
                + " Put a word in quotes to search for it as typed.");
  }

  @Test
  void aRareWordWhoseNeighbourIsOnlyALittleCommonerStaysAsTyped() {
    assertThat(notice("zorblax")).doesNotContain("showing papers for");
  }

  @Test
  void aQuotedRareWordStaysAsTyped() {
    assertThat(notice("robot \"lerning\"")).doesNotContain("showing papers for");
    assertThat(index.search(SearchRequest.firstPage("robot \"lerning\"", 5)).hits())
        .singleElement()
        .satisfies(hit -> assertThat(hit.paper().title()).isEqualTo("Study 0"));
  }
}
