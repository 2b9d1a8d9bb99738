package paperbot.recommender.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * After each word, also emits the pair of it and the word before ("reinforc learn"), at the same position. One
 * dropped stop word in between shows as {@link #GAP} ("chain _ thought"); across a longer gap there is no pair.
 * Pairs overlap their word, so BM25 does not count them in a field's length. Lighter than Lucene's ShingleFilter,
 * which copies every token's whole state: at a million papers the pairs are most of the indexing work.
 */
final class WordPairFilter extends TokenFilter {
  /** Stands for one dropped stop word inside a pair. */
  static final String GAP = "_";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final StringBuilder previous = new StringBuilder();
  private final StringBuilder pending = new StringBuilder();
  private boolean hasPrevious;
  private boolean hasPending;

  WordPairFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (hasPending) {
      hasPending = false;
      term.setEmpty().append(pending);
      increment.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    int gap = increment.getPositionIncrement();
    if (hasPrevious && (gap == 1 || gap == 2)) {
      pending.setLength(0);
      pending.append(previous).append(' ');
      if (gap == 2) {
        pending.append(GAP).append(' ');
      }
      pending.append(term);
      hasPending = true;
    }
    previous.setLength(0);
    previous.append(term);
    hasPrevious = true;
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    hasPrevious = false;
    hasPending = false;
  }
}
