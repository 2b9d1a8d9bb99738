package paperbot.recommender.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for titles and abstracts: words split at hyphens (sim-to-real = sim to real),
 * lower case, accents folded, British spelling folded, stop words dropped (leaving position gaps so
 * phrases stay exact), Porter stems (policies = policy) except where Porter merges different
 * meanings ({@link StemExceptions}). Queries are analysed with the same chain. Author names are
 * only lower-cased and folded.
 */
public final class PaperAnalyzer extends Analyzer {
  /**
   * Titles and aliases are separate values of one field; the gap keeps a phrase from spanning two
   * titles.
   */
  static final int GAP_BETWEEN_VALUES = 100;

  /**
   * One analysis chain per field and thread. Lucene's default keeps one chain per thread for every
   * field, made for whichever field came first: a thread that indexed author names first then
   * analysed titles without stems, and one that analysed a title first stemmed author names.
   */
  public PaperAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    if (PaperFields.AUTHORS.equals(fieldName)) {
      // Names are not English: no stems or stop words ("Wang Yang" stays itself), only case and
      // accents folded.
      return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
    }
    return new TokenStreamComponents(source, new WordFormFilter(source));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return GAP_BETWEEN_VALUES;
  }

  @Override
  public int getOffsetGap(String fieldName) {
    return 1;
  }
}
