package paperbot.recommender.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A word's indexed form: possessive dropped, lower case, accents folded, British spelling folded,
 * stop words dropped (their positions kept as gaps), then stemmed ({@link StemExceptions} before
 * Porter). Each of those steps looks at one word alone, so the form of a word is remembered: paper
 * text repeats the same few thousand words, and running seven filters on every occurrence was a
 * fifth of a bulk load's indexing thread (docs/performance.md). A word seen for the first time goes
 * through the filters themselves, so the forms are exactly theirs.
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
  private final Memory forms = new Memory();
  private final OneWord word = new OneWord();
  private final TokenStream steps = steps(word);
  private final CharTermAttribute stepped = steps.getAttribute(CharTermAttribute.class);

  WordFormFilter(TokenStream input) {
    super(input);
  }

  /** The filters a word goes through, in order. */
  static TokenStream steps(TokenStream words) {
    TokenStream stream = new EnglishPossessiveFilter(words);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new SpellingFilter(stream);
    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stream = new StemmerOverrideFilter(stream, StemExceptions.map());
    return new PorterStemFilter(stream);
  }

  @Override
  protected boolean accept() throws IOException {
    char[] buffer = term.buffer();
    int length = term.length();
    int hash = Memory.hash(buffer, length);
    char[] form = forms.get(buffer, length, hash);
    if (form == null) {
      form = formOf(buffer, length);
      forms.put(Arrays.copyOf(buffer, length), hash, form);
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

  /**
   * Words and their forms in an open-addressing table that keeps each word's hash, so a probe
   * compares whole words only when the hashes agree (Lucene's CharArrayMap compared characters at
   * every probe). It grows as words come (a query's chain holds a few) and starts over when full
   * (see {@link #REMEMBERED}).
   */
  private static final class Memory {
    private int[] hashes = new int[64];
    private char[][] words = new char[64][];
    private char[][] forms = new char[64][];
    private int size;

    static int hash(char[] buffer, int length) {
      int hash = 0;
      for (int i = 0; i < length; i++) {
        hash = 31 * hash + buffer[i];
      }
      return hash ^ (hash >>> 16);
    }

    char[] get(char[] buffer, int length, int hash) {
      int mask = words.length - 1;
      for (int slot = hash & mask; words[slot] != null; slot = (slot + 1) & mask) {
        char[] word = words[slot];
        if (hashes[slot] == hash && Arrays.equals(word, 0, word.length, buffer, 0, length)) {
          return forms[slot];
        }
      }
      return null;
    }

    void put(char[] word, int hash, char[] form) {
      if (size >= REMEMBERED) {
        Arrays.fill(words, null);
        Arrays.fill(forms, null);
        size = 0;
      } else if (size * 3 >= words.length) {
        grow();
      }
      insert(word, hash, form);
      size++;
    }

    private void insert(char[] word, int hash, char[] form) {
      int mask = words.length - 1;
      int slot = hash & mask;
      while (words[slot] != null) {
        slot = (slot + 1) & mask;
      }
      hashes[slot] = hash;
      words[slot] = word;
      forms[slot] = form;
    }

    private void grow() {
      int[] oldHashes = hashes;
      char[][] oldWords = words;
      char[][] oldForms = forms;
      hashes = new int[oldWords.length * 2];
      words = new char[oldWords.length * 2][];
      forms = new char[oldWords.length * 2][];
      for (int i = 0; i < oldWords.length; i++) {
        if (oldWords[i] != null) {
          insert(oldWords[i], oldHashes[i], oldForms[i]);
        }
      }
    }
  }
}
