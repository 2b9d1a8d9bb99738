package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.AnalysedText;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * One paper's title and abstract analysed once, as the index analysed them (stems, positions with
 * gaps for stop words, offsets into the cleaned text), for everything a search does with the text
 * of a few papers: their feedback terms, snippets and why-lines. Reading the terms from here
 * instead of asking the index per phrase and re-analysing per use was a third of a search.
 */
final class PaperText {
  /** Position gap between a title and its aliases, as the index leaves it. */
  static final int GAP_BETWEEN_VALUES = 100;

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

  /**
   * The paper's text as the index analysed and stored it ({@link AnalysedText}); {@code paper}
   * gives the abstract snippets are cut from (null when only the words are wanted).
   */
  static PaperText of(Paper paper, AnalysedText stored) {
    return of(paper, tokens(stored.title()), tokens(List.of(stored.abstractText())));
  }

  /** A paper's text from its title values' and abstract's tokens, as the index analysed them. */
  static PaperText of(Paper paper, Tokens title, Tokens abstractTokens) {
    return new PaperText(
        paper == null ? null : CleanText.of(paper.abstractText()), title, abstractTokens);
  }

  /**
   * The analysed text of these hits' papers, in order, as stored in the index; a paper indexed
   * without it is analysed here. Without the papers' JSON: for the words only.
   */
  static List<PaperText> words(IndexSearcher searcher, Analyzer analyzer, ScoreDoc[] hits)
      throws IOException {
    List<AnalysedText> stored = PaperDocuments.analysedOf(searcher, hits);
    List<PaperText> texts = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      texts.add(
          stored.get(i) != null
              ? of(null, stored.get(i))
              : of(analyzer, PaperDocuments.papersOf(searcher, new ScoreDoc[] {hits[i]}).get(0)));
    }
    return texts;
  }

  /** Positions as {@link #analyse} counts them, from stored increments. */
  private static Tokens tokens(List<AnalysedText.Value> values) {
    List<String> terms = new ArrayList<>();
    int size = values.stream().mapToInt(value -> value.terms().length).sum();
    int[] positions = new int[size];
    int[] starts = new int[size];
    int position = -1;
    for (int v = 0; v < values.size(); v++) {
      position += v == 0 ? 0 : GAP_BETWEEN_VALUES;
      AnalysedText.Value value = values.get(v);
      for (int i = 0; i < value.terms().length; i++) {
        position += value.increments()[i];
        positions[terms.size()] = position;
        starts[terms.size()] = value.starts()[i];
        terms.add(value.terms()[i]);
      }
    }
    return new Tokens(terms, positions, starts);
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

  /**
   * The commonest spelling of a stem in the abstract, lower case ("routing" for "rout"), or null
   * when the abstract lacks it or was not read.
   */
  String spelling(String stem) {
    return spellings(stem).entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /**
   * Every spelling of a stem in the abstract, lower case, with how often each occurs ("policy" 3,
   * "policies" 1 for "polici"); none when the abstract was not read.
   */
  Map<String, Integer> spellings(String stem) {
    Map<String, Integer> forms = new HashMap<>();
    if (cleanAbstract == null) {
      return forms;
    }
    for (int i = 0; i < abstractTokens.terms().size(); i++) {
      if (abstractTokens.terms().get(i).equals(stem)) {
        int start = abstractTokens.starts()[i];
        int end = start;
        while (end < cleanAbstract.length()
            && Character.isLetterOrDigit(cleanAbstract.charAt(end))) {
          end++;
        }
        forms.merge(cleanAbstract.substring(start, end).toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    forms.remove("");
    return forms;
  }

  Tokens field(String field) {
    return PaperFields.TITLE.equals(field) ? title : abstractTokens;
  }

  /** Each term of title and abstract with its count, as the feedback terms read them. */
  Map<String, Integer> counts() {
    Map<String, Integer> counts = new HashMap<>();
    for (String term : words()) {
      counts.merge(term, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The terms of the title (not its aliases) and then the abstract, in order, longer than one
   * character: the words feedback terms and the like model count (a pair is two neighbours here).
   */
  List<String> words() {
    List<String> words = new ArrayList<>(title.terms().size() + abstractTokens.terms().size());
    for (Tokens tokens : List.of(title, abstractTokens)) {
      for (int i = 0; i < tokens.terms().size(); i++) {
        String term = tokens.terms().get(i);
        // The title itself, not its aliases, as the feedback terms always read it.
        boolean alias = tokens == title && tokens.positions()[i] >= GAP_BETWEEN_VALUES;
        if (term.length() > 1 && !alias) {
          words.add(term);
        }
      }
    }
    return words;
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
