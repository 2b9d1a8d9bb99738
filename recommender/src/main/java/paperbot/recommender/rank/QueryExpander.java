package paperbot.recommender.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.recommender.index.DefinedAbbreviations;
import paperbot.recommender.index.PaperAnalyzer;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.index.WordPairs;

/**
 * Abbreviations and synonyms from {@code config/expansions.txt}: splits a member's words into
 * {@link Concept}s, recognising the longest known term at each position, and gives each known term
 * its equivalent forms.
 */
public final class QueryExpander {
  private static final Logger log = LoggerFactory.getLogger(QueryExpander.class);
  private static final String DEFAULTS = "expansions.txt";
  private static final PaperAnalyzer ANALYZER = new PaperAnalyzer();

  /** Every form, as words, to the forms (as written in the file) it is equivalent to. */
  private final Map<List<String>, Set<String>> equivalents;

  /** How the file spells each form, for showing it to members. */
  private final Map<List<String>, String> spelling;

  /** Forms listed in more than one group: they have several meanings. */
  private final Set<List<String>> ambiguous;

  private final int longestForm;

  /** Every word of every form: words the list knows are never corrected as typos. */
  private final Set<String> words;

  private QueryExpander(
      Map<List<String>, Set<String>> equivalents,
      Map<List<String>, String> spelling,
      Set<List<String>> ambiguous) {
    this.equivalents = equivalents;
    this.spelling = spelling;
    this.ambiguous = ambiguous;
    this.longestForm = equivalents.keySet().stream().mapToInt(List::size).max().orElse(1);
    this.words = new HashSet<>();
    equivalents.keySet().forEach(words::addAll);
  }

  /** Loads the groups from a file; falls back to the built-in list when the file is missing. */
  public static QueryExpander load(Path file) {
    if (!Files.isRegularFile(file)) {
      log.warn("expansions file missing, using built-in list file={}", file);
      return defaults();
    }
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The list shipped with paperbot (a copy of config/expansions.txt on the classpath). */
  public static QueryExpander defaults() {
    try (InputStream in = QueryExpander.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("built-in expansions.txt is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An expander that knows no terms: every word stands for itself. */
  public static QueryExpander none() {
    return parse(List.of());
  }

  static QueryExpander parse(List<String> lines) {
    Map<List<String>, Set<String>> equivalents = new HashMap<>();
    Map<List<String>, String> spelling = new HashMap<>();
    Map<List<String>, Integer> groupsPerForm = new HashMap<>();
    for (String line : lines) {
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      List<String> forms = new ArrayList<>();
      for (String form : content.split("\\|")) {
        if (!QueryWords.of(form).isEmpty()) {
          forms.add(form.strip());
        }
      }
      // Each form's words (how a query names it) and reading (how the index reads it), once.
      List<List<String>> wordsOf = forms.stream().map(QueryWords::of).toList();
      List<List<String>> readings = forms.stream().map(QueryExpander::reading).toList();
      for (int f = 0; f < forms.size(); f++) {
        List<String> words = wordsOf.get(f);
        spelling.putIfAbsent(words, forms.get(f));
        groupsPerForm.merge(words, 1, Integer::sum);
        Set<String> others = equivalents.computeIfAbsent(words, k -> new LinkedHashSet<>());
        // The member's own words are searched once: a spelling the index reads as them
        // ("behaviour cloning" for "behavior cloning") would be one more clause scoring the same
        // phrase. An abbreviation keeps every spelling of its long form (docs/ranking.md: counted
        // once, "bc" ranked papers naming BC in passing above those titled Behavioral Cloning).
        for (int o = 0; o < forms.size(); o++) {
          if (!wordsOf.get(o).equals(words) && !readings.get(o).equals(readings.get(f))) {
            others.add(forms.get(o));
          }
        }
      }
    }
    Set<List<String>> ambiguous = new HashSet<>();
    groupsPerForm.forEach((form, groups) -> {
      if (groups > 1) {
        ambiguous.add(form);
      }
    });
    return new QueryExpander(equivalents, spelling, ambiguous);
  }

  /** A form as the abstract field indexes it: its terms, each after the first with its distance. */
  private static List<String> reading(String form) {
    WordPairs.Analysed analysed = WordPairs.analyse(ANALYZER, PaperFields.ABSTRACT, form);
    List<String> reading = new ArrayList<>();
    for (int i = 0; i < analysed.terms().size(); i++) {
      reading.add((i == 0 ? "" : analysed.increments()[i] + " ") + analysed.terms().get(i));
    }
    return reading;
  }

  /**
   * Every form a query searches: the member's words and each equivalent form, e.g. "offline rl"
   * gives "offline", "rl", "reinforcement learning" (for tools that compare against plain term
   * search).
   */
  public List<String> searchedForms(String query) {
    List<String> forms = new java.util.ArrayList<>();
    for (Concept concept : concepts(QueryWords.of(query))) {
      forms.add(concept.text());
      forms.addAll(concept.alternatives());
    }
    return forms;
  }

  /**
   * As {@link #concepts(List)}; a word the list does not know that the corpus defines as an
   * abbreviation ("dt": "Decision Transformer (DT)") also searches the corpus's long forms of it.
   * The list comes first: it knows meanings the corpus never spells out.
   */
  List<Concept> concepts(List<String> words, IndexReader corpus) throws IOException {
    List<Concept> concepts = concepts(words);
    for (int i = 0; i < concepts.size(); i++) {
      Concept concept = concepts.get(i);
      if (concept.isKnownTerm() || concept.words().size() != 1) {
        continue;
      }
      List<String> meanings = DefinedAbbreviations.meanings(corpus, concept.text());
      if (!meanings.isEmpty()) {
        concepts.set(
            i,
            new Concept(concept.words(), written(concept.text()), meanings, meanings.size() > 1));
      }
    }
    return concepts;
  }

  /** How papers write an abbreviation typed in lower case: "DT", and "LLMs" for "llms". */
  private static String written(String word) {
    boolean plural = word.length() > 2 && word.endsWith("s");
    return plural
        ? word.substring(0, word.length() - 1).toUpperCase(Locale.ROOT) + "s"
        : word.toUpperCase(Locale.ROOT);
  }

  /** True when a form of the list has this word ("bc", "cloning"). */
  boolean knowsWord(String word) {
    return words.contains(word);
  }

  /** Splits words into concepts, taking the longest known term at each position. */
  List<Concept> concepts(List<String> words) {
    List<Concept> concepts = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int length = Math.min(longestForm, words.size() - i);
      while (length > 1 && !equivalents.containsKey(words.subList(i, i + length))) {
        length--;
      }
      List<String> span = words.subList(i, i + length);
      Set<String> others = equivalents.get(span);
      concepts.add(
          others == null
              ? new Concept(span, String.join(" ", span), List.of(), false)
              : new Concept(
                  span, spelling.get(span), List.copyOf(others), ambiguous.contains(span)));
      i += length;
    }
    return concepts;
  }
}
