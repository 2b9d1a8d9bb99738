package paperbot.recommender.rank;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import paperbot.recommender.index.PaperFields;

/**
 * How many abstracts have a term, remembered per index generation: the feedback terms look up the
 * frequency of 60 candidate words per search, each a seek in every segment's term dictionary (a
 * seventh of a search at 100,000 papers), and the same topic words come back search after search. A
 * new reader (after a commit) starts afresh, so the counts are always the reader's own.
 */
final class DocFrequencies {
  /** Enough for the corpus's working vocabulary; past it, terms are looked up each time. */
  static final int MAX_TERMS = 200_000;

  private static final PerGeneration<DocFrequencies> CURRENT =
      new PerGeneration<>(DocFrequencies::new);

  private final Map<String, Integer> abstracts = new ConcurrentHashMap<>();

  private DocFrequencies() {}

  /** The frequencies of this reader's generation. */
  static DocFrequencies of(IndexReader reader) {
    return CURRENT.of(reader);
  }

  /** The number of documents whose abstract has {@code term}, as {@link IndexReader#docFreq}. */
  int inAbstracts(IndexReader reader, String term) throws IOException {
    Integer known = abstracts.get(term);
    if (known != null) {
      return known;
    }
    int frequency = reader.docFreq(new Term(PaperFields.ABSTRACT, term));
    if (abstracts.size() < MAX_TERMS) {
      abstracts.put(term, frequency);
    }
    return frequency;
  }
}
