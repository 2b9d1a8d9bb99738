package paperbot.recommender.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Each field keeps its own analysis, whichever field a thread analysed first. */
final class PaperAnalyzerTest {
  @Test
  void authorNamesAndTextAreAnalysedEachTheirOwnWayInAnyOrder() throws IOException {
    PaperAnalyzer authorsFirst = new PaperAnalyzer();
    assertThat(terms(authorsFirst, PaperFields.AUTHORS, "Tom Jones"))
        .containsExactly("tom", "jones");
    assertThat(terms(authorsFirst, PaperFields.ABSTRACT, "the policies")).containsExactly("polici");

    PaperAnalyzer textFirst = new PaperAnalyzer();
    assertThat(terms(textFirst, PaperFields.TITLE, "the policies")).containsExactly("polici");
    assertThat(terms(textFirst, PaperFields.AUTHORS, "Tom Jones")).containsExactly("tom", "jones");
  }

  private static List<String> terms(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
