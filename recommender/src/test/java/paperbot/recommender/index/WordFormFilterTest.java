package paperbot.recommender.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.ingest.SeedCorpus;

/** Remembered word forms are exactly what the filters make of every word, every time. */
final class WordFormFilterTest {
  /** The same steps, run on every word (the chain before forms were remembered). */
  private static final Analyzer EVERY_WORD =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          StandardTokenizer source = new StandardTokenizer();
          return new TokenStreamComponents(source, WordFormFilter.steps(source));
        }
      };

  @Test
  void theSeedPapersAreAnalysedExactlyAsByTheFiltersThemselves() throws IOException {
    PaperAnalyzer analyzer = new PaperAnalyzer();
    List<Paper> papers =
        SeedCorpus.load(
                Path.of("..", "seeds"),
                Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC))
            .papers();
    assertThat(papers).hasSizeGreaterThan(300);
    // Twice: the second time every word's form comes from memory.
    for (int round = 0; round < 2; round++) {
      for (Paper paper : papers) {
        for (String text : new String[] {paper.title(), paper.abstractText()}) {
          if (text == null) {
            continue;
          }
          assertThat(tokens(analyzer, PaperFields.ABSTRACT, text))
              .isEqualTo(tokens(EVERY_WORD, PaperFields.ABSTRACT, text));
        }
      }
    }
  }

  @Test
  void stopWordsLeaveGapsAndSpellingAccentsAndExceptionsStillApply() throws IOException {
    PaperAnalyzer analyzer = new PaperAnalyzer();
    String text =
        "The behaviour of the optimisation: généralisation, Generalization and π; the policies' "
            + "behaviour of the optimisation. The Policy's POLICIES";
    List<String> expected = tokens(EVERY_WORD, PaperFields.TITLE, text);
    assertThat(tokens(analyzer, PaperFields.TITLE, text)).isEqualTo(expected);
    // Stop words leave gaps; accents, British spelling and a stem exception ("generaliz", not
    // Porter's "gener") apply the same the first and the second time a word is seen.
    assertThat(expected)
        .containsExactly(
            "behavior@2:4-13",
            "optim@3:21-33",
            "generaliz@1:35-49",
            "generaliz@1:51-65",
            "pi@2:70-71",
            "polici@2:77-85",
            "behavior@1:87-96",
            "optim@3:104-116",
            "polici@2:122-130",
            "polici@1:131-139",
            "end@0:139");
  }

  @Test
  void formsAreStillRightAfterTheMemoryStartsOver() throws IOException {
    PaperAnalyzer analyzer = new PaperAnalyzer();
    String manyWords =
        IntStream.range(0, WordFormFilter.REMEMBERED + 10)
            .mapToObj(i -> "w" + Integer.toString(i, 36) + "ing")
            .collect(Collectors.joining(" "));
    String again = "the training of policies and of the w1ing";
    assertThat(tokens(analyzer, PaperFields.ABSTRACT, again))
        .isEqualTo(tokens(EVERY_WORD, PaperFields.ABSTRACT, again));
    assertThat(tokens(analyzer, PaperFields.ABSTRACT, manyWords))
        .isEqualTo(tokens(EVERY_WORD, PaperFields.ABSTRACT, manyWords));
    assertThat(tokens(analyzer, PaperFields.ABSTRACT, again))
        .isEqualTo(tokens(EVERY_WORD, PaperFields.ABSTRACT, again));
  }

  /** Each token as term@increment:start-end. */
  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(
            term
                + "@"
                + increment.getPositionIncrement()
                + ":"
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      stream.end();
      tokens.add("end@" + increment.getPositionIncrement() + ":" + offset.endOffset());
    }
    return tokens;
  }
}
