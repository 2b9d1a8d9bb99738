package paperbot.recommender.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * What the corpus says an abbreviation means: each paper's definitions ({@link Abbreviations}) are
 * indexed with it as "dt|decision transformer" keywords, so the meanings follow the corpus as
 * papers come and go, and looking one up is a seek in a small term dictionary.
 */
public final class DefinedAbbreviations {
  /** Between an abbreviation and its long form in a keyword; never part of either. */
  private static final char SEPARATOR = '|';

  /**
   * A word is read as an abbreviation only when at least one in this many papers that use it
   * defines it: "set" (SET, a subequivariant transformer) and "mode" (MoDE) are mostly ordinary
   * words, "dt" nearly always means what its definitions say.
   */
  static final int USES_PER_DEFINITION = 5;

  /** A rarer meaning counts when at least this share of the commonest meaning's papers give it. */
  static final double RARER_MEANING = 0.25;

  /** At most this many meanings are searched for one abbreviation. */
  static final int MAX_MEANINGS = 3;

  private static final PaperAnalyzer ANALYZER = new PaperAnalyzer();

  private DefinedAbbreviations() {}

  /** Adds the definitions of a paper's title and abstract to its document, each once. */
  static void index(Document doc, String title, String abstractText) {
    Set<String> keywords = new LinkedHashSet<>();
    for (String text : new String[] {title, abstractText}) {
      for (Abbreviations.Definition definition : Abbreviations.in(text)) {
        keywords.add(definition.abbreviation() + SEPARATOR + definition.longForm());
      }
    }
    keywords.forEach(
        keyword -> doc.add(new StringField(PaperFields.DEFINES, keyword, Field.Store.NO)));
  }

  /**
   * The long forms the corpus defines {@code word} as, the most often defined first; empty when it
   * defines none or the word is mostly used as an ordinary word.
   */
  public static List<String> meanings(IndexReader reader, String word) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, PaperFields.DEFINES);
    if (terms == null || word.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> papersPerMeaning = new TreeMap<>();
    String key = word;
    if (!definitions(terms, key, papersPerMeaning) && word.length() > 2 && word.endsWith("s")) {
      key = word.substring(0, word.length() - 1); // "llms"
      definitions(terms, key, papersPerMeaning);
    }
    int definers = papersPerMeaning.values().stream().mapToInt(Integer::intValue).sum();
    if (definers == 0 || definers * USES_PER_DEFINITION < uses(reader, key)) {
      return List.of();
    }
    Map<String, Integer> byWords = sameWordsOnce(papersPerMeaning);
    int commonest = byWords.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Map.Entry<String, Integer>> meanings = new ArrayList<>(byWords.entrySet());
    meanings.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    return meanings.stream()
        .filter(meaning -> meaning.getValue() >= commonest * RARER_MEANING)
        .limit(MAX_MEANINGS)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Long forms that analyse to the same words ("policy optimization", "policy optimisation") as
   * one, under the spelling most papers use, with all their papers: searched twice, one meaning
   * would count double.
   */
  private static Map<String, Integer> sameWordsOnce(Map<String, Integer> papersPerMeaning) {
    Map<List<String>, String> spelling = new HashMap<>();
    Map<String, Integer> merged = new LinkedHashMap<>();
    List<Map.Entry<String, Integer>> commonestFirst = new ArrayList<>(papersPerMeaning.entrySet());
    commonestFirst.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (Map.Entry<String, Integer> meaning : commonestFirst) {
      List<String> words =
          WordPairs.analyse(ANALYZER, PaperFields.ABSTRACT, meaning.getKey()).terms();
      String kept = spelling.computeIfAbsent(words, w -> meaning.getKey());
      merged.merge(kept, meaning.getValue(), Integer::sum);
    }
    return merged;
  }

  /** Adds each long form of {@code abbreviation} with its number of papers; true if any. */
  private static boolean definitions(Terms terms, String abbreviation, Map<String, Integer> into)
      throws IOException {
    String prefix = abbreviation + SEPARATOR;
    TermsEnum each = terms.iterator();
    if (each.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
      return false;
    }
    boolean any = false;
    for (BytesRef term = each.term(); term != null; term = each.next()) {
      String keyword = term.utf8ToString();
      if (!keyword.startsWith(prefix)) {
        break;
      }
      into.merge(keyword.substring(prefix.length()), each.docFreq(), Integer::sum);
      any = true;
    }
    return any;
  }

  /** How many papers use the word in their title or abstract (the larger of the two counts). */
  private static int uses(IndexReader reader, String word) throws IOException {
    List<String> terms = WordPairs.analyse(ANALYZER, PaperFields.ABSTRACT, word).terms();
    if (terms.size() != 1) {
      return 0;
    }
    return Math.max(
        reader.docFreq(new Term(PaperFields.ABSTRACT, terms.get(0))),
        reader.docFreq(new Term(PaperFields.TITLE, terms.get(0))));
  }
}
