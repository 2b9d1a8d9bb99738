package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;

/**
 * The people papers list under a name typed in its parts, as a bibliography writes it ("Levine,
 * Sergey", "Levine, S.", "Levine, Sergey M."): each person once, spelled as most of their papers
 * list them, most papers first. Names compare as the author field is searched (case and accents
 * folded). A given name of one letter is an initial and matches any given name it begins; a middle
 * initial the papers leave out, or a middle name the member left out, is no obstacle.
 */
public final class NamedAuthors {
  /**
   * Papers whose author lists are read. The lookup runs for one typed name at a time, and a person
   * with more papers than this is among the first of them anyway.
   */
  static final int PAPERS_READ = 200;

  /** Middle names a listed author may have between the typed given name and the surname. */
  private static final int MIDDLE_NAMES = 2;

  private final Analyzer analyzer;

  public NamedAuthors(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The people named so, by the spelling most of their papers use; empty when no paper lists such
   * an author.
   *
   * @param given the given names as typed ("Sergey", "S.", "Sergey M.")
   * @param surname the surname as typed ("Levine")
   */
  public List<String> named(IndexSearcher searcher, String given, String surname)
      throws IOException {
    List<String> givenWords = words(given);
    List<String> surnameWords = words(surname);
    if (givenWords.isEmpty() || surnameWords.isEmpty()) {
      return List.of();
    }
    TopDocs top =
        searcher.search(
            new IntervalQuery(PaperFields.AUTHORS, candidates(givenWords, surnameWords)),
            PAPERS_READ);
    // Each person (by the first given name papers list) with the papers per spelling.
    Map<String, Map<String, Integer>> people = new LinkedHashMap<>();
    for (Paper paper : PaperDocuments.papersOf(searcher, top.scoreDocs)) {
      for (String author : paper.authors()) {
        List<String> listed = words(author);
        if (matches(listed, givenWords, surnameWords)) {
          people
              .computeIfAbsent(listed.get(0), first -> new LinkedHashMap<>())
              .merge(author.strip(), 1, Integer::sum);
        }
      }
    }
    // A paper that lists only an initial ("S. Levine") names no one the others don't.
    if (people.keySet().stream().anyMatch(first -> first.length() > 1)) {
      people.keySet().removeIf(first -> first.length() == 1);
    }
    List<Map<String, Integer>> byPapers = new ArrayList<>(people.values());
    byPapers.sort(Comparator.comparingInt(NamedAuthors::papers).reversed());
    return byPapers.stream().map(NamedAuthors::mostListed).toList();
  }

  /**
   * The papers that may list the person: the surname, after the given name when it is more than an
   * initial (an initial would expand to every name with that letter).
   */
  private static IntervalsSource candidates(List<String> given, List<String> surname) {
    IntervalsSource last =
        surname.size() == 1
            ? term(surname.get(0))
            : Intervals.phrase(
                surname.stream().map(NamedAuthors::term).toArray(IntervalsSource[]::new));
    String first = given.get(0);
    return first.length() == 1
        ? last
        : Intervals.maxgaps(MIDDLE_NAMES, Intervals.ordered(term(first), last));
  }

  private static IntervalsSource term(String word) {
    return Intervals.term(word);
  }

  /**
   * True when a listed name (its words) is the typed one: it ends with the surname, its first given
   * name agrees with the typed one, and each further typed given name agrees with a later listed
   * one (an initial the paper leaves out may also go unmatched).
   */
  static boolean matches(List<String> listed, List<String> given, List<String> surname) {
    int givenCount = listed.size() - surname.size();
    if (givenCount < 1 || !listed.subList(givenCount, listed.size()).equals(surname)) {
      return false;
    }
    if (!agree(given.get(0), listed.get(0))) {
      return false;
    }
    int next = 1;
    for (String typed : given.subList(1, given.size())) {
      int found = -1;
      for (int i = next; i < givenCount && found < 0; i++) {
        found = agree(typed, listed.get(i)) ? i : -1;
      }
      if (found >= 0) {
        next = found + 1;
      } else if (typed.length() > 1) {
        return false;
      }
    }
    return true;
  }

  /** The same given name, or one of them the other's initial. */
  private static boolean agree(String typed, String listed) {
    return typed.equals(listed)
        || (typed.length() == 1 && listed.startsWith(typed))
        || (listed.length() == 1 && typed.startsWith(listed));
  }

  /** A name's words as the author field indexes them ("S." is "s", "Müller" is "muller"). */
  private List<String> words(String name) throws IOException {
    return PaperText.analyse(analyzer, PaperFields.AUTHORS, List.of(name)).terms();
  }

  private static int papers(Map<String, Integer> spellings) {
    return spellings.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static String mostListed(Map<String, Integer> spellings) {
    return spellings.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElseThrow();
  }
}
