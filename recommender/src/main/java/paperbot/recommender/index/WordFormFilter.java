package paperbot.recommender.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A lower-cased word's indexed form: accents folded, British spelling folded, stop words dropped
 * (their positions kept as gaps), then stemmed ({@link StemExceptions} before Porter). Each of
 * those steps looks at one word alone, so the form of a word is remembered: paper text repeats the
 * same few thousand words, and running the five filters on every occurrence was a sixth of a bulk
 * load's indexing thread (docs/performance.md). A word seen for the first time goes through the
 * filters themselves, so the forms are exactly theirs.
 */
final class WordFormFilter extends FilteringTokenFilter {
  /**
   * Forms remembered per chain (one per field and thread, at most about 2 MB each); past this many
   * the memory starts over, so a long tail of rare words cannot grow it without bound, and the
   * frequent words, which most of a text is, are back in it within a few papers.
   */
  static final int REMEMBERED = 20_000;

  /** The remembered form of a stop word. */
  private static final char[] DROPPED = new char[0];

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final CharArrayMap<char[]> forms = new CharArrayMap<>(1024, false);
  private final OneWord word = new OneWord();
  private final TokenStream steps = steps(word);
  private final CharTermAttribute stepped = steps.getAttribute(CharTermAttribute.class);

  WordFormFilter(TokenStream input) {
    super(input);
  }

  /** The filters a word goes through, in order. */
  static TokenStream steps(TokenStream words) {
    TokenStream stream = new ASCIIFoldingFilter(words);
    stream = new SpellingFilter(stream);
    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stream = new StemmerOverrideFilter(stream, StemExceptions.map());
    return new PorterStemFilter(stream);
  }

  @Override
  protected boolean accept() throws IOException {
    char[] buffer = term.buffer();
    int length = term.length();
    char[] form = forms.get(buffer, 0, length);
    if (form == null) {
      form = formOf(buffer, length);
      if (forms.size() >= REMEMBERED) {
        forms.clear();
      }
      forms.put(Arrays.copyOf(buffer, length), form);
    }
    if (form == DROPPED) {
      return false;
    }
    term.copyBuffer(form, 0, form.length);
    return true;
  }

  private char[] formOf(char[] buffer, int length) throws IOException {
    word.set(buffer, length);
    steps.reset();
    char[] form =
        steps.incrementToken() ? Arrays.copyOf(stepped.buffer(), stepped.length()) : DROPPED;
    steps.end();
    return form;
  }

  @Override
  public void close() throws IOException {
    steps.close();
    super.close();
  }

  /** A stream of one word: the word whose form is asked for. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] chars = new char[0];
    private int length;
    private boolean done;

    void set(char[] buffer, int length) {
      if (chars.length < length) {
        chars = new char[length];
      }
      System.arraycopy(buffer, 0, chars, 0, length);
      this.length = length;
    }

    @Override
    public boolean incrementToken() {
      if (done) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(chars, 0, length);
      done = true;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      done = false;
    }
  }
}
