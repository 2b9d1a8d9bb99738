package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import paperbot.recommender.index.PaperFields;

/**
 * Explains one hit in the member's terms: which of their concepts it matched, and where. Adjacent
 * words that occur together are named as one phrase ("diffusion policy (title)"); a term found only
 * through an equivalent form says so ("RL → reinforcement learning (abstract)"). Runs only for the
 * hits shown, never for every match, on their text analysed once ({@link PaperText}).
 */
final class WhyMatched {
  /** Longest run of words tried as one phrase. */
  private static final int MAX_PHRASE = 4;

  private static final List<String> FIELDS = List.of(PaperFields.TITLE, PaperFields.ABSTRACT);

  private final Analyzer analyzer;

  WhyMatched(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The matches of one paper. {@code analysed} keeps the query's forms as analysed, shared by the
   * papers of one search: re-analysing them per paper and field was a tenth of a search.
   */
  List<Match> explain(
      PaperText paper, List<Concept> concepts, Map<String, PaperText.Tokens> analysed)
      throws IOException {
    Asked asked = new Asked(paper, analysed);
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < concepts.size()) {
      int used = phraseAt(asked, concepts, i, matches);
      if (used == 0) {
        conceptAt(asked, concepts.get(i), matches);
        used = 1;
      }
      i += used;
    }
    // A word typed twice ("diffusion diffusion") is named once.
    List<Match> named = new ArrayList<>(new LinkedHashSet<>(matches));
    named.sort(Comparator.comparing(m -> m.field().equals(PaperFields.TITLE) ? 0 : 1));
    return named;
  }

  /**
   * Tries the longest run of plain words from {@code start} as a phrase; returns how many concepts
   * it used.
   */
  private int phraseAt(Asked paper, List<Concept> concepts, int start, List<Match> out)
      throws IOException {
    int run = 0;
    while (start + run < concepts.size()
        && run < MAX_PHRASE
        && !concepts.get(start + run).isKnownTerm()) {
      run++;
    }
    for (int length = run; length >= 2; length--) {
      // "neural networks for" would match as "neural networks": a stop word at either end matches
      // nothing, so the named phrase leaves it out.
      if (stopWord(paper, concepts.get(start))
          || stopWord(paper, concepts.get(start + length - 1))) {
        continue;
      }
      String phrase =
          String.join(
              " ", concepts.subList(start, start + length).stream().map(Concept::text).toList());
      String field = fieldContaining(paper, phrase);
      if (field != null) {
        out.add(new Match(phrase, field));
        return length;
      }
    }
    return 0;
  }

  /**
   * Names where the concept matched: title before abstract, the member's own form before an
   * equivalent one.
   */
  private void conceptAt(Asked paper, Concept concept, List<Match> out) throws IOException {
    for (String field : FIELDS) {
      if (contains(paper, field, concept.text())) {
        out.add(new Match(concept.label() + meaning(paper, concept), field));
        return;
      }
      for (String alternative : concept.alternatives()) {
        if (contains(paper, field, alternative)) {
          out.add(new Match(concept.label() + " → " + alternative, field));
          return;
        }
      }
    }
    if (concept.words().size() > 1) {
      // A multi-word term matched only by some of its words (search matches them apart): name those
      // words.
      for (String word : concept.words()) {
        String field = fieldContaining(paper, word);
        if (field != null) {
          out.add(new Match(word, field));
        }
      }
    }
  }

  /**
   * For a term with several meanings, the one this paper uses, e.g. " (= text-to-speech)"; else
   * empty.
   */
  private String meaning(Asked paper, Concept concept) throws IOException {
    if (!concept.ambiguous()) {
      return "";
    }
    for (String alternative : concept.alternatives()) {
      for (String field : FIELDS) {
        if (contains(paper, field, alternative)) {
          return " (= " + alternative + ")";
        }
      }
    }
    return "";
  }

  /** True for a word the index leaves out ("for", "to"): it analyses to no term. */
  private boolean stopWord(Asked paper, Concept concept) throws IOException {
    return concept.words().size() == 1
        && tokens(paper, PaperFields.ABSTRACT, concept.text()).terms().isEmpty();
  }

  /** "title" when the text occurs in the title, else "abstract" when it occurs there, else null. */
  private String fieldContaining(Asked paper, String text) throws IOException {
    for (String field : FIELDS) {
      if (contains(paper, field, text)) {
        return field;
      }
    }
    return null;
  }

  /**
   * True when the paper's field has the text as search matches it (see {@code
   * QueryPlan.fieldQuery}): one word by any of its terms, several as an exact phrase.
   */
  private boolean contains(Asked paper, String field, String text) throws IOException {
    PaperText.Tokens words = tokens(paper, field, text);
    if (words.terms().isEmpty()) {
      return false;
    }
    PaperText.Tokens tokens = paper.text().field(field);
    if (QueryWords.of(text).size() == 1) {
      return words.terms().stream().anyMatch(tokens::contains);
    }
    int[] relative = new int[words.positions().length];
    for (int i = 0; i < relative.length; i++) {
      relative[i] = words.positions()[i] - words.positions()[0];
    }
    return tokens.containsPhrase(words.terms(), relative);
  }

  /** The text as the field analyses it, analysed once per search. */
  private PaperText.Tokens tokens(Asked paper, String field, String text) throws IOException {
    String key = field + '\u0000' + text;
    PaperText.Tokens words = paper.analysed().get(key);
    if (words == null) {
      words = PaperText.analyse(analyzer, field, List.of(text));
      paper.analysed().put(key, words);
    }
    return words;
  }

  /** A paper asked about, with the search's analysed query forms. */
  private record Asked(PaperText text, Map<String, PaperText.Tokens> analysed) {}
}
