package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * A typed word that no paper has, corrected to the nearest word the papers use ("difusion polcy"
 * becomes "diffusion policy"), or with its spaces put right ({@link WordSpacing}), as a search
 * engine's "showing results for" does. A word the index does not know at all would match nothing,
 * so its correction can only add. A word some papers have stays as typed (it may be a name or a new
 * term), unless the corpus is large, the word rare and a near word far commoner ({@link
 * #RARE_PER}). Words with digits (names, versions), words the expansion list knows, and short
 * words, where one letter more or less is as likely another word as a typo, always stay.
 */
final class SpellingFixes {
  /** Shorter words are left alone: "moe" is one edit from "mode", "more" and "move". */
  static final int MIN_LENGTH = 5;

  /** A correction is a word this many papers use at least: one paper's word may be its own typo. */
  static final int MIN_PAPERS = 2;

  /** Candidates whose spelling in the papers is looked up ({@link #PAPERS_READ} papers each). */
  static final int CANDIDATES = 16;

  /**
   * Unknown words looked up per text: a text with more is not a few typos but another language or
   * noise, and each lookup costs about ten milliseconds at a million papers.
   */
  static final int MAX_TRIED = 3;

  /**
   * In a large corpus a typo is in a few abstracts too ("lerning"), and its rarity would put those
   * papers first. A word at most one paper in this many has is read as a typo of a near word {@link
   * #COMMONER} times commoner; below this many papers no known word is.
   */
  static final int RARE_PER = 20_000;

  /** How much commoner a near word must be for a rare word to be read as its typo. */
  static final int COMMONER = 1_000;

  /** Papers read for how they spell a candidate. */
  static final int PAPERS_READ = 5;

  private static final Pattern LETTERS = Pattern.compile("[a-z]+");

  /**
   * The words with their corrections, and each changed word (or two neighbouring words with a space
   * in the wrong place, "rein forcement") to what it became, in query order (one word, or two for
   * words typed together); {@code rare} are the changed words a few papers have.
   */
  record Fixed(List<String> words, Map<String, String> changes, Set<String> rare) {
    boolean changed() {
      return !changes.isEmpty();
    }

    /** The member's text with each changed word replaced, case aside. */
    String applyTo(String text) {
      String fixed = text;
      for (Map.Entry<String, String> change : changes.entrySet()) {
        Matcher word = QueryWords.typed(List.of(change.getKey().split(" "))).matcher(fixed);
        fixed = word.replaceAll(Matcher.quoteReplacement(change.getValue()));
      }
      return fixed;
    }

    /**
     * What to tell the member: the words no paper (or few) has and what was searched instead; a
     * word few papers have may be meant, and quotes keep it.
     */
    String notice(String text) {
      List<String> none = changes.keySet().stream().filter(word -> !rare.contains(word)).toList();
      List<String> few = changes.keySet().stream().filter(rare::contains).toList();
      String which =
          (none.isEmpty() ? "" : "No paper has " + quoted(none))
              + (few.isEmpty()
                  ? ""
                  : (none.isEmpty() ? "Few papers have " : ", and few have ") + quoted(few));
      return which
          + "; showing papers for \u201c"
          + applyTo(text).strip()
          + "\u201d."
          + (few.isEmpty() ? "" : " Put a word in quotes to search for it as typed.");
    }

    private static String quoted(List<String> words) {
      List<String> typed = words.stream().map(word -> "\u201c" + word + "\u201d").toList();
      return typed.size() == 1
          ? typed.get(0)
          : String.join(", ", typed.subList(0, typed.size() - 1))
              + " or "
              + typed.get(typed.size() - 1);
    }
  }

  private SpellingFixes() {}

  /** The subject words of a member's text (chat words left out), each fixed as below. */
  static Fixed ofText(String text, IndexReader reader, Analyzer analyzer, QueryExpander expander)
      throws IOException {
    return ofText(text, Set.of(), reader, analyzer, expander);
  }

  /** As {@link #ofText(String, IndexReader, Analyzer, QueryExpander)}, keeping quoted words. */
  static Fixed ofText(
      String text,
      Set<String> asTyped,
      IndexReader reader,
      Analyzer analyzer,
      QueryExpander expander)
      throws IOException {
    return of(ChatWords.subject(text), asTyped, reader, analyzer, expander);
  }

  /**
   * Each word no paper has replaced by the nearest word papers use, when one is close enough: one
   * slip of the fingers ({@link TypingEdits}) for words of up to seven letters, two for longer
   * ones. In a large corpus a word few papers have is replaced too, when a near word is far
   * commoner ({@link #RARE_PER}), unless the member quoted it ({@code asTyped}).
   */
  static Fixed of(
      List<String> words,
      Set<String> asTyped,
      IndexReader reader,
      Analyzer analyzer,
      QueryExpander expander)
      throws IOException {
    Map<String, String> changes = new LinkedHashMap<>();
    Set<String> rare = new HashSet<>();
    IndexSearcher searcher = null;
    WordLookups lookups = new WordLookups(reader, analyzer);
    int rareUpTo = reader.numDocs() / RARE_PER;
    int tried = 0;
    // Spaces put right first: "forcement" is near no word, and "rein forcement" is one.
    boolean[] respaced = new boolean[words.size()];
    for (int i = 0; i + 1 < words.size() && tried < MAX_TRIED; i++) {
      String first = words.get(i);
      String second = words.get(i + 1);
      if (asTyped.contains(first) || asTyped.contains(second)) {
        continue;
      }
      String word = WordSpacing.respaced(lookups, expander, first, second);
      if (word != null) {
        tried++;
        changes.put(first + " " + second, word);
        respaced[i] = respaced[i + 1] = true;
        i++;
      }
    }
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (tried == MAX_TRIED
          || respaced[i]
          || !candidate(word, expander)
          || changes.containsKey(word)) {
        continue;
      }
      String term = lookups.term(word);
      if (term == null) {
        continue;
      }
      int papers = lookups.papersWithTerm(term);
      if (papers > rareUpTo || (papers > 0 && asTyped.contains(word))) {
        continue;
      }
      tried++;
      searcher = searcher != null ? searcher : new IndexSearcher(reader);
      int commoner = papers == 0 ? MIN_PAPERS : Math.max(MIN_PAPERS, papers * COMMONER);
      Fix fix = nearest(searcher, analyzer, word, term, commoner);
      String correction = fix == null ? null : fix.word();
      // A space left out is one slip: two words papers use beat a word two slips away
      // ("offlinerl" is "offline rl", not "offline").
      if (papers == 0 && (fix == null || fix.edits() > 1)) {
        String split = WordSpacing.split(lookups, expander, word);
        if (split == null && fix == null) {
          split = WordSpacing.splitFixed(searcher, analyzer, lookups, expander, word);
        }
        correction = split != null ? split : correction;
      }
      if (correction != null) {
        changes.put(word, correction);
        if (papers > 0) {
          rare.add(word);
        }
      }
    }
    List<String> fixed = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String correction =
          respaced[i] ? changes.get(word + " " + words.get(++i)) : changes.get(word);
      if (correction == null) {
        fixed.add(word);
        continue;
      }
      for (String part : correction.split(" ")) {
        // A space put right may free a chat word ("functio ninstead"), left out as typed ones are.
        if (!ChatWords.contains(part)) {
          fixed.add(part);
        }
      }
    }
    return new Fixed(
        List.copyOf(fixed),
        Collections.unmodifiableMap(changes),
        Collections.unmodifiableSet(rare));
  }

  static boolean candidate(String word, QueryExpander expander) {
    return word.length() >= MIN_LENGTH
        && LETTERS.matcher(word).matches()
        && !ChatWords.contains(word)
        && !expander.knowsWord(word);
  }

  static int maxEdits(String word) {
    return word.length() <= 7 ? 1 : 2;
  }

  /** A term the papers use near the word, with how many papers use it. */
  private record Near(String term, int papers) {}

  /** A correction as the papers spell it, and how many slips ({@link TypingEdits}) away. */
  record Fix(String word, int edits) {}

  /** Letters a stem may have lost from the typed word's end ("imitaiton" to "imit"). */
  static final int SUFFIX = 5;

  /**
   * The spelling closest to the typed word among the abstract terms near the word, its stem or its
   * opening (an index term is a stem: "transfomers" is near "transformer", "polcy", stemmed
   * "polci", near "polici", and "imitaiton" opens like "imit"), fewest slips first ({@link
   * TypingEdits}) and then the commoner; null when none is close enough. Each candidate is judged
   * by how the papers spell it, so a loose candidate costs a few paper reads, never a wrong
   * correction.
   */
  static Fix nearest(
      IndexSearcher searcher, Analyzer analyzer, String word, String stem, int commoner)
      throws IOException {
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PaperFields.ABSTRACT);
    if (terms == null) {
      return null;
    }
    List<Near> best =
        near(terms, word, stem, commoner).stream()
            // The commonest first: a typo is likeliest of a word many papers use.
            .sorted(Comparator.comparingInt(Near::papers).reversed())
            .limit(CANDIDATES)
            .toList();
    String chosen = null;
    int chosenEdits = maxEdits(word) + 1;
    int chosenPapers = 0;
    for (Near candidate : best) {
      String spelled = spelling(searcher, analyzer, candidate.term(), word);
      if (spelled == null) {
        continue;
      }
      int edits = TypingEdits.between(word, spelled);
      if (edits > maxEdits(word)) {
        continue;
      }
      if (edits < chosenEdits || (edits == chosenEdits && candidate.papers() > chosenPapers)) {
        chosen = spelled;
        chosenEdits = edits;
        chosenPapers = candidate.papers();
      }
    }
    return chosen == null ? null : new Fix(chosen, chosenEdits);
  }

  /**
   * How many papers have the commonest abstract term near the word as {@link #nearest} looks for
   * one, a quick sign that it may find one (it reads no paper); 0 when none.
   */
  static int nearPapers(IndexReader reader, String word, String stem) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, PaperFields.ABSTRACT);
    return terms == null
        ? 0
        : near(terms, word, stem, MIN_PAPERS).stream().mapToInt(Near::papers).max().orElse(0);
  }

  /**
   * The abstract terms near the word, its stem or its opening that {@code commoner} papers have.
   */
  private static Collection<Near> near(Terms terms, String word, String stem, int commoner)
      throws IOException {
    Set<String> typed = new LinkedHashSet<>(List.of(stem, word));
    for (int cut = 1; cut <= SUFFIX && word.length() - cut >= 4; cut++) {
      typed.add(word.substring(0, word.length() - cut));
    }
    Map<String, Near> near = new LinkedHashMap<>();
    for (String form : typed) {
      int edits = form.equals(word) || form.equals(stem) ? maxEdits(word) : 1;
      FuzzyTermsEnum fuzzy =
          new FuzzyTermsEnum(terms, new Term(PaperFields.ABSTRACT, form), edits, 1, true);
      for (BytesRef term = fuzzy.next(); term != null; term = fuzzy.next()) {
        String text = term.utf8ToString();
        if (fuzzy.docFreq() >= commoner && LETTERS.matcher(text).matches()) {
          near.putIfAbsent(text, new Near(text, fuzzy.docFreq()));
        }
      }
    }
    return near.values();
  }

  /**
   * How the papers with the term spell it, the spelling nearest the typed word: "compression" and
   * "compress" share a stem, and one paper may use only one of them, so a few papers are read.
   */
  static String spelling(IndexSearcher searcher, Analyzer analyzer, String term, String word)
      throws IOException {
    Map<String, Integer> spellings = spellings(searcher, analyzer, term);
    return spellings.keySet().stream()
        .filter(form -> LETTERS.matcher(form).matches())
        .min(
            Comparator.comparingInt((String form) -> TypingEdits.between(word, form))
                .thenComparing(form -> -spellings.get(form)))
        .orElse(null);
  }

  /**
   * Every spelling of the term in the {@link #PAPERS_READ} papers that use it most, with how often
   * each occurs there.
   */
  static Map<String, Integer> spellings(IndexSearcher searcher, Analyzer analyzer, String term)
      throws IOException {
    TopDocs papers =
        searcher.search(new TermQuery(new Term(PaperFields.ABSTRACT, term)), PAPERS_READ);
    Map<String, Integer> spellings = new HashMap<>();
    // Each paper with the text the index analysed for it: nothing is analysed again per request.
    for (PaperDocuments.Stored paper : PaperDocuments.storedOf(searcher, papers.scoreDocs)) {
      PaperText text =
          paper.text() != null
              ? PaperText.of(paper.paper(), paper.text())
              : PaperText.of(analyzer, paper.paper());
      text.spellings(term).forEach((form, n) -> spellings.merge(form, n, Integer::sum));
    }
    return spellings;
  }
}
