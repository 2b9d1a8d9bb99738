package paperbot.recommender.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Combines the records of one paper into one {@link Paper}, keeping the best of each field. */
final class PaperMerge {
  private PaperMerge() {}

  /**
   * @param group the paper's records, in input order (the first title seen becomes the title, the
   *     rest aliases)
   * @param precedence lower wins for metadata fields such as date and author count
   */
  static Paper of(List<Paper> group, Function<SourceRecord, Integer> precedence) {
    List<Paper> ranked = new ArrayList<>(group);
    ranked.sort(Comparator.comparing((Paper p) -> precedence.apply(p.sources().get(0))));

    List<String> titles = CorpusMerger.distinctTitles(group);
    String title = titles.isEmpty() ? null : titles.get(0);
    List<String> aliases = titles.isEmpty() ? List.of() : titles.subList(1, titles.size());
    String abstractText =
        group.stream()
            .map(Paper::abstractText)
            .max(Comparator.comparingInt(String::length))
            .orElse("");
    Paper authorsFrom =
        group.stream().max(Comparator.comparingInt((Paper p) -> p.authors().size())).orElseThrow();
    Paper dated =
        ranked.stream()
            .filter(p -> p.published() != null)
            .min(
                Comparator.comparing(
                    Paper::yearInferred)) // a printed year beats an inferred one; stable sort keeps
            // rank
            .orElse(null);

    return new Paper(
        id(group, title, abstractText),
        title,
        aliases,
        abstractText,
        authorsFrom.authors(),
        authorsFrom.authorsTruncated(),
        ranked.stream().map(Paper::authorCount).filter(Objects::nonNull).findFirst().orElse(null),
        dated == null ? null : dated.published(),
        dated != null && dated.yearInferred(),
        group.stream().mapToInt(Paper::upvotes).max().orElse(0),
        union(ranked, Paper::categories),
        ranked.stream().map(Paper::organisation).filter(Objects::nonNull).findFirst().orElse(null),
        union(group, Paper::links),
        group.stream().flatMap(p -> p.sources().stream()).toList());
  }

  /**
   * The arXiv id when any record knows it, otherwise a hash of the title (or, untitled, of the
   * abstract).
   */
  private static String id(List<Paper> group, String title, String abstractText) {
    return group.stream()
        .map(Paper::arxivId)
        .filter(Objects::nonNull)
        .findFirst()
        .orElseGet(() -> PaperId.fromText(title != null ? title : abstractText));
  }

  private static List<String> union(List<Paper> papers, Function<Paper, List<String>> field) {
    Set<String> values = new LinkedHashSet<>();
    papers.forEach(p -> values.addAll(field.apply(p)));
    return List.copyOf(values);
  }
}
