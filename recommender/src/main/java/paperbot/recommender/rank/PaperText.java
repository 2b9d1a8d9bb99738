package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperFields;

/**
 * One paper's title and abstract analysed once, as the index analysed them (stems, positions with
 * gaps for stop words, offsets into the cleaned text), for everything a search does with the text
 * of a few papers: their feedback terms, snippets and why-lines. Reading the terms from here
 * instead of asking the index per phrase and re-analysing per use was a third of a search.
 */
final class PaperText {
  /** Position gap between a title and its aliases, as the index leaves it. */
  private static final int GAP_BETWEEN_VALUES = 100;

  final String cleanAbstract;
  private final Tokens title;
  private final Tokens abstractTokens;

  /** Analysed terms of one field: term, position and start offset of each. */
  record Tokens(List<String> terms, int[] positions, int[] starts) {
    /** True when the analysed words occur here in order at the same relative positions. */
    boolean containsPhrase(List<String> words, int[] relative) {
      for (int i = 0; i < terms.size(); i++) {
        if (!terms.get(i).equals(words.get(0))) {
          continue;
        }
        boolean all = true;
        for (int w = 1; w < words.size() && all; w++) {
          all = at(positions[i] + relative[w], words.get(w));
        }
        if (all) {
          return true;
        }
      }
      return false;
    }

    boolean contains(String term) {
      return terms.contains(term);
    }

    private boolean at(int position, String term) {
      for (int i = 0; i < terms.size(); i++) {
        if (positions[i] == position && terms.get(i).equals(term)) {
          return true;
        }
      }
      return false;
    }
  }

  private PaperText(String cleanAbstract, Tokens title, Tokens abstractTokens) {
    this.cleanAbstract = cleanAbstract;
    this.title = title;
    this.abstractTokens = abstractTokens;
  }

  static PaperText of(Analyzer analyzer, Paper paper) throws IOException {
    List<String> titles = new ArrayList<>();
    titles.add(CleanText.of(Objects.toString(paper.title(), "")));
    paper.aliases().forEach(alias -> titles.add(CleanText.of(alias)));
    String cleanAbstract = CleanText.of(paper.abstractText());
    return new PaperText(
        cleanAbstract,
        analyse(analyzer, PaperFields.TITLE, titles),
        analyse(analyzer, PaperFields.ABSTRACT, List.of(cleanAbstract)));
  }

  Tokens field(String field) {
    return PaperFields.TITLE.equals(field) ? title : abstractTokens;
  }

  /** Each term of title and abstract with its count, as the feedback terms read them. */
  Map<String, Integer> counts() {
    Map<String, Integer> counts = new HashMap<>();
    for (Tokens tokens : List.of(title, abstractTokens)) {
      for (int i = 0; i < tokens.terms().size(); i++) {
        String term = tokens.terms().get(i);
        // The title itself, not its aliases, as the feedback terms always read it.
        boolean alias = tokens == title && tokens.positions()[i] >= GAP_BETWEEN_VALUES;
        if (term.length() > 1 && !alias) {
          counts.merge(term, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  static Tokens analyse(Analyzer analyzer, String field, List<String> values) throws IOException {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int position = -1;
    for (int v = 0; v < values.size(); v++) {
      position += v == 0 ? 0 : GAP_BETWEEN_VALUES;
      try (TokenStream stream = analyzer.tokenStream(field, values.get(v))) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute increment =
            stream.addAttribute(PositionIncrementAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          position += increment.getPositionIncrement();
          terms.add(term.toString());
          positions.add(position);
          starts.add(offset.startOffset());
        }
        stream.end();
      }
    }
    return new Tokens(
        terms,
        positions.stream().mapToInt(Integer::intValue).toArray(),
        starts.stream().mapToInt(Integer::intValue).toArray());
  }
}
