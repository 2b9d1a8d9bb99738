package paperbot.recommender.rank;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.index.AnalysedText;
import paperbot.recommender.index.PaperFields;

/**
 * Title and abstract words by their UTF-8 bytes, for finding them in a paper's analysed text
 * ({@link AnalysedText}) without decoding it: an open-addressing table of the distinct texts, each
 * with its word in either field. A query has a few dozen words and a paper a few hundred terms,
 * nearly all misses, so a miss costs one hash of the term's bytes.
 */
final class TextWords {
  /** Receives each occurrence of a known word: the word's number and its position in its field. */
  interface Visitor {
    void word(int word, int position);
  }

  private final byte[][] keys;
  private final int[] inTitle;
  private final int[] inAbstract;
  private final boolean[] known;
  private final int mask;
  private boolean any;

  /** The words numbered by their place in {@code words}; words of other fields are left out. */
  TextWords(List<Term> words) {
    int size = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
    keys = new byte[size][];
    inTitle = new int[size];
    inAbstract = new int[size];
    mask = size - 1;
    known = new boolean[words.size()];
    for (int w = 0; w < words.size(); w++) {
      Term word = words.get(w);
      boolean title = PaperFields.TITLE.equals(word.field());
      if (!title && !PaperFields.ABSTRACT.equals(word.field())) {
        continue;
      }
      BytesRef text = word.bytes();
      int slot = hash(text.bytes, text.offset, text.length) & mask;
      while (keys[slot] != null
          && !Arrays.equals(
              keys[slot],
              0,
              keys[slot].length,
              text.bytes,
              text.offset,
              text.offset + text.length)) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == null) {
        keys[slot] = Arrays.copyOfRange(text.bytes, text.offset, text.offset + text.length);
        inTitle[slot] = -1;
        inAbstract[slot] = -1;
      }
      if (title) {
        inTitle[slot] = w;
      } else {
        inAbstract[slot] = w;
      }
      known[w] = true;
      any = true;
    }
  }

  /** True when some word is a title or abstract word. */
  boolean any() {
    return any;
  }

  /** True when this word is a title or abstract word, found in the analysed text. */
  boolean has(int word) {
    return known[word];
  }

  /** Each occurrence of the known words in a paper's encoded analysed text. */
  void visit(BytesRef analysed, Visitor visitor) {
    AnalysedText.visitTerms(
        analysed,
        (title, bytes, offset, length, position) -> {
          int slot = hash(bytes, offset, length) & mask;
          for (byte[] key = keys[slot]; key != null; key = keys[slot]) {
            if (Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
              int word = title ? inTitle[slot] : inAbstract[slot];
              if (word >= 0) {
                visitor.word(word, position);
              }
              return;
            }
            slot = (slot + 1) & mask;
          }
        });
  }

  private static int hash(byte[] bytes, int offset, int length) {
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash ^ (hash >>> 16);
  }
}
