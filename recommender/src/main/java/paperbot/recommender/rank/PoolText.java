package paperbot.recommender.rank;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.AnalysedText;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * The pool papers' analysed text ({@link AnalysedText}) read once per search and decoded into
 * numbered terms: every distinct term of the pool gets a number, and each paper's title values and
 * abstract become arrays of those numbers with their positions. A search's exact pass, its word
 * scores and its feedback terms each read and walked the same fifty papers' encoded text (hashing
 * every term's bytes against their few dozen words each time, a seventh of a search at a million
 * papers); now the text is walked once and each pass looks its words' numbers up once and then
 * reads arrays of ints.
 */
final class PoolText {
  /** Receives each occurrence of a known word: the word's number and its position in its field. */
  interface Visitor {
    void word(int word, int position);
  }

  /** The pool's documents, sorted, and each one's place in the hits. */
  private final int[] docs;

  private final int[] places;

  /** Per paper in hit order: term numbers and positions of title values and abstract. */
  private final int[][] titleTerms;

  private final int[][] titlePositions;
  private final int[][] titleStarts;
  private final int[][] abstractTerms;
  private final int[][] abstractPositions;
  private final int[][] abstractStarts;

  /** The distinct terms: their UTF-8 bytes one after another, and an open-addressing table. */
  private byte[] bytes = new byte[8192];

  private int used;
  private int[] starts = new int[1024];
  private int[] lengths = new int[1024];
  private String[] strings = new String[1024];
  private int terms;
  private int[] slots = new int[2048];

  private PoolText(int papers) {
    docs = new int[papers];
    places = new int[papers];
    titleTerms = new int[papers][];
    titlePositions = new int[papers][];
    titleStarts = new int[papers][];
    abstractTerms = new int[papers][];
    abstractPositions = new int[papers][];
    abstractStarts = new int[papers][];
  }

  /** The analysed text of the hits' papers, read segment by segment in document order. */
  static PoolText read(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    PoolText text = new PoolText(hits.length);
    Integer[] byDoc = PaperDocuments.inDocOrder(hits);
    for (int i = 0; i < byDoc.length; i++) {
      text.docs[i] = hits[byDoc[i]].doc;
      text.places[i] = byDoc[i];
    }
    Field title = new Field();
    Field abstractText = new Field();
    for (PoolSegments.Slice slice : PoolSegments.of(searcher, hits, byDoc)) {
      BinaryDocValues values = slice.leaf().reader().getBinaryDocValues(PaperFields.ANALYSED);
      for (int i = slice.first(); values != null && i < slice.next(); i++) {
        if (!values.advanceExact(hits[byDoc[i]].doc - slice.leaf().docBase)) {
          continue;
        }
        title.size = 0;
        abstractText.size = 0;
        AnalysedText.visitTerms(
            values.binaryValue(),
            (inTitle, termBytes, offset, length, position, start) ->
                (inTitle ? title : abstractText)
                    .add(text.number(termBytes, offset, length), position, start));
        int paper = byDoc[i];
        text.titleTerms[paper] = Arrays.copyOf(title.terms, title.size);
        text.titlePositions[paper] = Arrays.copyOf(title.positions, title.size);
        text.titleStarts[paper] = Arrays.copyOf(title.starts, title.size);
        text.abstractTerms[paper] = Arrays.copyOf(abstractText.terms, abstractText.size);
        text.abstractPositions[paper] = Arrays.copyOf(abstractText.positions, abstractText.size);
        text.abstractStarts[paper] = Arrays.copyOf(abstractText.starts, abstractText.size);
      }
    }
    return text;
  }

  /** The paper's place among the hits this text was read for, or -1 when it is not one. */
  int paper(int doc) {
    int at = Arrays.binarySearch(docs, doc);
    return at < 0 ? -1 : places[at];
  }

  /** True when the paper (its place among the hits) was indexed with its analysed text. */
  boolean hasText(int paper) {
    return paper >= 0 && titleTerms[paper] != null;
  }

  /** Words (title or abstract terms) numbered by their place in a list, found by term number. */
  static final class Words {
    private final int[] inTitle;
    private final int[] inAbstract;
    private final boolean[] known;
    private final boolean any;

    private Words(int[] inTitle, int[] inAbstract, boolean[] known, boolean any) {
      this.inTitle = inTitle;
      this.inAbstract = inAbstract;
      this.known = known;
      this.any = any;
    }

    /** True when some word is a title or abstract word. */
    boolean any() {
      return any;
    }

    /** True when this word is a title or abstract word, found in the analysed text. */
    boolean has(int word) {
      return known[word];
    }
  }

  /**
   * The words numbered by their place in {@code words}, for {@link #visit}; words of other fields
   * are left out (and never visited).
   */
  Words words(List<Term> words) {
    int[] inTitle = new int[terms];
    int[] inAbstract = new int[terms];
    Arrays.fill(inTitle, -1);
    Arrays.fill(inAbstract, -1);
    boolean[] known = new boolean[words.size()];
    boolean any = false;
    for (int w = 0; w < words.size(); w++) {
      Term word = words.get(w);
      boolean title = PaperFields.TITLE.equals(word.field());
      if (!title && !PaperFields.ABSTRACT.equals(word.field())) {
        continue;
      }
      known[w] = true;
      any = true;
      BytesRef text = word.bytes();
      int number = find(text.bytes, text.offset, text.length);
      if (number >= 0) {
        (title ? inTitle : inAbstract)[number] = w;
      }
    }
    return new Words(inTitle, inAbstract, known, any);
  }

  /**
   * Each occurrence of the words in the paper's title values and then its abstract, in order, as
   * {@link AnalysedText#visitTerms} gives them.
   */
  void visit(int paper, Words words, Visitor visitor) {
    visit(titleTerms[paper], titlePositions[paper], words.inTitle, visitor);
    visit(abstractTerms[paper], abstractPositions[paper], words.inAbstract, visitor);
  }

  private static void visit(int[] terms, int[] positions, int[] numbers, Visitor visitor) {
    for (int i = 0; i < terms.length; i++) {
      int word = numbers[terms[i]];
      if (word >= 0) {
        visitor.word(word, positions[i]);
      }
    }
  }

  /**
   * The numbers of the paper's words as {@link PaperText#words} gives them, in order: the title
   * (not its aliases) and then the abstract, terms longer than one character.
   */
  int[] words(int paper) {
    int[] title = titleTerms[paper];
    int[] abstractText = abstractTerms[paper];
    int[] words = new int[title.length + abstractText.length];
    int size = 0;
    for (int i = 0; i < title.length; i++) {
      if (titlePositions[paper][i] < PaperText.GAP_BETWEEN_VALUES && isWord(title[i])) {
        words[size++] = title[i];
      }
    }
    for (int term : abstractText) {
      if (isWord(term)) {
        words[size++] = term;
      }
    }
    return Arrays.copyOf(words, size);
  }

  /**
   * The paper's text as {@link PaperText#of(Paper, AnalysedText)} gives it from the stored text
   * (for snippets and why-lines), without reading and decoding the text again.
   */
  PaperText text(int paper, Paper stored) {
    return PaperText.of(
        stored,
        tokens(titleTerms[paper], titlePositions[paper], titleStarts[paper]),
        tokens(abstractTerms[paper], abstractPositions[paper], abstractStarts[paper]));
  }

  private PaperText.Tokens tokens(int[] numbers, int[] positions, int[] starts) {
    List<String> terms = new ArrayList<>(numbers.length);
    for (int number : numbers) {
      terms.add(string(number));
    }
    return new PaperText.Tokens(terms, positions, starts);
  }

  /** The number of distinct terms in the pool's text: term numbers are below it. */
  int terms() {
    return terms;
  }

  /** The term of this number, as the index holds it. */
  String term(int number) {
    return string(number);
  }

  private boolean isWord(int number) {
    return string(number).length() > 1;
  }

  private String string(int number) {
    String known = strings[number];
    if (known == null) {
      known =
          strings[number] =
              new String(bytes, starts[number], lengths[number], StandardCharsets.UTF_8);
    }
    return known;
  }

  /** The term's number, or -1 when no pool paper has it. */
  private int find(byte[] term, int offset, int length) {
    int mask = slots.length - 1;
    for (int slot = hash(term, offset, length) & mask; ; slot = (slot + 1) & mask) {
      int number = slots[slot] - 1;
      if (number < 0 || same(number, term, offset, length)) {
        return number;
      }
    }
  }

  /** The term's number, numbering it when it is new. */
  private int number(byte[] term, int offset, int length) {
    int mask = slots.length - 1;
    int slot = hash(term, offset, length) & mask;
    for (int number = slots[slot] - 1; number >= 0; number = slots[slot] - 1) {
      if (same(number, term, offset, length)) {
        return number;
      }
      slot = (slot + 1) & mask;
    }
    if (terms == starts.length) {
      starts = Arrays.copyOf(starts, terms * 2);
      lengths = Arrays.copyOf(lengths, terms * 2);
      strings = Arrays.copyOf(strings, terms * 2);
    }
    if (used + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
    }
    System.arraycopy(term, offset, bytes, used, length);
    starts[terms] = used;
    lengths[terms] = length;
    used += length;
    slots[slot] = terms + 1;
    int number = terms++;
    if (terms * 2 > slots.length) {
      rehash();
    }
    return number;
  }

  private boolean same(int number, byte[] term, int offset, int length) {
    if (lengths[number] != length) {
      return false;
    }
    // A plain loop: terms are a few bytes long, shorter than the vectorised compare pays for.
    int start = starts[number];
    for (int i = 0; i < length; i++) {
      if (bytes[start + i] != term[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int number = 0; number < terms; number++) {
      int slot = hash(bytes, starts[number], lengths[number]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = number + 1;
    }
  }

  private static int hash(byte[] bytes, int offset, int length) {
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash ^ (hash >>> 16);
  }

  /** One field's terms of the paper being read. */
  private static final class Field {
    int[] terms = new int[256];
    int[] positions = new int[256];
    int[] starts = new int[256];
    int size;

    void add(int term, int position, int start) {
      if (size == terms.length) {
        terms = Arrays.copyOf(terms, size * 2);
        positions = Arrays.copyOf(positions, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
      }
      terms[size] = term;
      positions[size] = position;
      starts[size++] = start;
    }
  }
}
