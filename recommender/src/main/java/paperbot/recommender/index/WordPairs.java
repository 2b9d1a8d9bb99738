package paperbot.recommender.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Word pairs: each word with the word before it ("reinforc learn"), or with one dropped stop word
 * between them ("chain _ thought"), when both words are {@link CommonWords}. The index keeps them
 * as terms of their own field, so the first ranking pass finds a phrase of common words by its rare
 * pair terms instead of reading the positions of every paper that has both words. Index and queries
 * make pairs here, the same way, from one analysis of the text.
 */
public final class WordPairs {
  /** Stands for one dropped stop word inside a pair. */
  public static final String GAP = "_";

  /**
   * A text as analysed: its terms, each term's position increment (2 after one dropped stop word)
   * and start offset in the text.
   */
  public record Analysed(List<String> terms, int[] increments, int[] starts) {
    /** The indexed pairs: of two common words, with at most one stop word between them. */
    public List<String> pairs() {
      List<String> pairs = new ArrayList<>();
      boolean previousCommon = false;
      for (int i = 0; i < terms.size(); i++) {
        boolean common = CommonWords.contains(terms.get(i));
        if (common && previousCommon && increments[i] <= 2) {
          pairs.add(
              increments[i] == 1
                  ? terms.get(i - 1) + " " + terms.get(i)
                  : terms.get(i - 1) + " " + GAP + " " + terms.get(i));
        }
        previousCommon = common;
      }
      return pairs;
    }

    /** The words that are in no indexed pair ({@link #pairs}), in order. */
    public List<String> unpairedWords() {
      List<String> unpaired = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        if (!pairedWithNeighbour(i)) {
          unpaired.add(terms.get(i));
        }
      }
      return unpaired;
    }

    private boolean pairedWithNeighbour(int i) {
      return (i > 0 && pairable(i - 1, i)) || (i + 1 < terms.size() && pairable(i, i + 1));
    }

    /** True when the words at {@code left} and {@code right = left + 1} make an indexed pair. */
    private boolean pairable(int left, int right) {
      return CommonWords.contains(terms.get(left))
          && CommonWords.contains(terms.get(right))
          && increments[right] <= 2;
    }

    /**
     * The words again as a token stream, positions kept, for indexing without analysing a second
     * time.
     */
    TokenStream words() {
      return new ListTokens(terms, increments);
    }

    /** The pairs as a token stream (positions do not matter: the pair field keeps none). */
    TokenStream pairTokens() {
      List<String> pairs = pairs();
      int[] ones = new int[pairs.size()];
      Arrays.fill(ones, 1);
      return new ListTokens(pairs, ones);
    }
  }

  private WordPairs() {}

  /**
   * The text's terms and positions as the analyser makes them (also what topic matching reads words
   * with).
   */
  public static Analysed analyse(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    int[] increments = new int[16];
    int[] starts = new int[16];
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (terms.size() == increments.length) {
          increments = Arrays.copyOf(increments, increments.length * 2);
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        increments[terms.size()] = increment.getPositionIncrement();
        starts[terms.size()] = offset.startOffset();
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Analysed(
        terms, Arrays.copyOf(increments, terms.size()), Arrays.copyOf(starts, terms.size()));
  }

  /** Replays a list of terms. */
  private static final class ListTokens extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final List<String> terms;
    private final int[] increments;
    private int next;

    ListTokens(List<String> terms, int[] increments) {
      this.terms = terms;
      this.increments = increments;
    }

    @Override
    public boolean incrementToken() {
      if (next == terms.size()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(terms.get(next));
      increment.setPositionIncrement(increments[next]);
      next++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
