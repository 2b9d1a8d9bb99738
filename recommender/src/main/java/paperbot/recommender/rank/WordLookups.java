package paperbot.recommender.rank;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import paperbot.recommender.index.PaperFields;

/**
 * A typed word's index term and how many papers have it, each looked up once per text: the spelling
 * fixes ask of the same word as a word, as part of a pair and as a part of a split.
 */
final class WordLookups {
  private final IndexReader reader;
  private final Analyzer analyzer;
  private final Map<String, List<String>> terms = new HashMap<>();
  private final Map<String, Integer> papers = new HashMap<>();

  WordLookups(IndexReader reader, Analyzer analyzer) {
    this.reader = reader;
    this.analyzer = analyzer;
  }

  /** The word as the index holds it (its stem), or null when it is a stop word or several terms. */
  String term(String word) throws IOException {
    List<String> analysed = analysed(word);
    return analysed.size() == 1 ? analysed.get(0) : null;
  }

  /** True when the analyser drops the word ("for", "that"). */
  boolean stopWord(String word) throws IOException {
    return analysed(word).isEmpty();
  }

  /** How many papers have the word (0 for a stop word or several terms). */
  int papers(String word) throws IOException {
    String term = term(word);
    return term == null ? 0 : papersWithTerm(term);
  }

  /** How many papers have the term in title or abstract (the more of the two). */
  int papersWithTerm(String term) throws IOException {
    Integer known = papers.get(term);
    if (known == null) {
      known =
          Math.max(
              reader.docFreq(new Term(PaperFields.ABSTRACT, term)),
              reader.docFreq(new Term(PaperFields.TITLE, term)));
      papers.put(term, known);
    }
    return known;
  }

  private List<String> analysed(String word) throws IOException {
    List<String> analysed = terms.get(word);
    if (analysed == null) {
      analysed = PaperText.analyse(analyzer, PaperFields.ABSTRACT, List.of(word)).terms();
      terms.put(word, analysed);
    }
    return analysed;
  }
}
