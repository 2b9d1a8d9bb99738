package paperbot.recommender.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A paper's title values (the title first, then its aliases) and abstract as the index analysed
 * them: each term with its position increment and start offset. Kept beside the paper (binary doc
 * values {@link PaperFields#ANALYSED}) so ranking never analyses a paper's text again: the like
 * model reads the words of every candidate, the feedback terms, snippets and why-lines those of a
 * few papers, and re-analysing them per request (Porter stems and all) was most of a search's and a
 * feed's own time. Written from the analysis indexing does anyway.
 *
 * @param title the title's terms, then each alias's (an untitled paper has an empty first value)
 * @param abstractText the abstract's terms
 */
public record AnalysedText(List<Value> title, Value abstractText) {
  /** One analysed value of a field: term, position increment and start offset per token. */
  public record Value(String[] terms, int[] increments, int[] starts) {
    static final Value EMPTY = new Value(new String[0], new int[0], new int[0]);

    static Value of(WordPairs.Analysed analysed) {
      return new Value(
          analysed.terms().toArray(String[]::new), analysed.increments(), analysed.starts());
    }
  }

  /** The compact binary form stored with the paper. */
  BytesRef encode() {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(title.size());
      for (Value value : title) {
        write(out, value);
      }
      write(out, abstractText);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  private static void write(ByteBuffersDataOutput out, Value value) throws IOException {
    out.writeVInt(value.terms().length);
    int previous = 0;
    for (int i = 0; i < value.terms().length; i++) {
      out.writeString(value.terms()[i]);
      out.writeVInt(value.increments()[i]);
      // Offsets only grow within a value; a delta keeps each in a byte or two.
      out.writeZInt(value.starts()[i] - previous);
      previous = value.starts()[i];
    }
  }

  /** The analysed text from its stored form. */
  public static AnalysedText decode(BytesRef bytes) {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    try {
      int values = in.readVInt();
      List<Value> title = new ArrayList<>(values);
      for (int v = 0; v < values; v++) {
        title.add(read(in));
      }
      return new AnalysedText(title, read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Receives the terms of an encoded text, as UTF-8 bytes, without decoding them to strings. */
  public interface TermVisitor {
    /**
     * A term of the title values ({@code title} true: the title and its aliases) or of the
     * abstract, as the index holds it: {@code length} bytes of {@code bytes} from {@code offset},
     * at {@code position} in its field (the index's positions up to a shift of the whole field:
     * stop-word gaps kept, titles apart by the analyser's gap between values), starting at {@code
     * start} in its value's text.
     */
    void term(boolean title, byte[] bytes, int offset, int length, int position, int start);
  }

  /**
   * Each term of the encoded text, in order: what the index counted as the paper's terms of title
   * and abstract, read in place. Decoding every term to a string costs more than most uses of the
   * terms (counting a few dozen words in fifty papers).
   */
  public static void visitTerms(BytesRef encoded, TermVisitor visitor) {
    ByteArrayDataInput in = new ByteArrayDataInput(encoded.bytes, encoded.offset, encoded.length);
    try {
      int values = in.readVInt();
      int position = -1;
      for (int v = 0; v <= values; v++) {
        boolean title = v < values;
        if (v == values) {
          position = -1; // the abstract, a field of its own
        } else if (v > 0) {
          position += PaperAnalyzer.GAP_BETWEEN_VALUES;
        }
        int size = in.readVInt();
        int start = 0;
        for (int i = 0; i < size; i++) {
          int length = in.readVInt();
          int bytesAt = in.getPosition();
          in.skipBytes(length);
          position += in.readVInt();
          start += in.readZInt(); // offsets are stored as deltas within a value
          visitor.term(title, encoded.bytes, bytesAt, length, position, start);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Value read(ByteArrayDataInput in) throws IOException {
    int size = in.readVInt();
    String[] terms = new String[size];
    int[] increments = new int[size];
    int[] starts = new int[size];
    int previous = 0;
    for (int i = 0; i < size; i++) {
      terms[i] = in.readString();
      increments[i] = in.readVInt();
      previous += in.readZInt();
      starts[i] = previous;
    }
    return new Value(terms, increments, starts);
  }
}
