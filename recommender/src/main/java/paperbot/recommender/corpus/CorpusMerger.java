package paperbot.recommender.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges records that describe the same paper: the same normalised title, or abstracts so alike in
 * wording (word 3-gram containment at or above {@link #SAME_PAPER}) that they are versions of one
 * paper. That joins retitled versions and the untitled abstracts of other arXiv versions to their
 * titled papers.
 */
public final class CorpusMerger {
  /**
   * True versions in the seeds score 0.39-1.00 and the closest unrelated pair 0.09
   * (shared/notes/seeds.md).
   */
  static final double SAME_PAPER = 0.25;

  /**
   * A shingle shared by more records than this is boilerplate ("in this paper we"), not evidence;
   * skipping it keeps candidate lookup near-linear on large corpora.
   */
  private static final int COMMON_SHINGLE = 64;

  private CorpusMerger() {}

  /**
   * Groups the records into distinct papers.
   *
   * @param records every record, as one-source {@link Paper}s (ids are recomputed)
   * @param precedence orders sources for metadata: lower wins (e.g. the daily page's date beats a
   *     profile page's)
   * @return merged papers, in the order of their first record
   */
  public static List<Paper> merge(List<Paper> records, Function<SourceRecord, Integer> precedence) {
    UnionFind groups = new UnionFind(records.size());
    joinByTitle(records, groups);
    joinByWording(records, groups);
    Map<Integer, List<Paper>> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      byRoot.computeIfAbsent(groups.find(i), k -> new ArrayList<>()).add(records.get(i));
    }
    List<Paper> merged = new ArrayList<>();
    for (List<Paper> group : byRoot.values()) {
      merged.add(PaperMerge.of(group, precedence));
    }
    return merged;
  }

  private static void joinByTitle(List<Paper> records, UnionFind groups) {
    Map<String, Integer> firstWithTitle = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String title : titles(records.get(i))) {
        Integer first = firstWithTitle.putIfAbsent(PaperId.normalise(title), i);
        if (first != null) {
          groups.union(first, i);
        }
      }
    }
  }

  private static void joinByWording(List<Paper> records, UnionFind groups) {
    List<Set<String>> shingles = records.stream().map(p -> Shingles.of(p.abstractText())).toList();
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String shingle : shingles.get(i)) {
        postings.computeIfAbsent(shingle, k -> new ArrayList<>()).add(i);
      }
    }
    for (int i = 0; i < records.size(); i++) {
      Map<Integer, Integer> shared = new HashMap<>();
      for (String shingle : shingles.get(i)) {
        List<Integer> holders = postings.get(shingle);
        if (holders.size() > COMMON_SHINGLE) {
          continue;
        }
        for (int j : holders) {
          if (j > i) {
            shared.merge(j, 1, Integer::sum);
          }
        }
      }
      for (Map.Entry<Integer, Integer> entry : shared.entrySet()) {
        int j = entry.getKey();
        int smaller = Math.min(shingles.get(i).size(), shingles.get(j).size());
        if (smaller > 0 && entry.getValue() >= SAME_PAPER * smaller) {
          groups.union(i, j);
        }
      }
    }
  }

  private static List<String> titles(Paper record) {
    List<String> titles = new ArrayList<>();
    if (record.title() != null && !record.title().isBlank()) {
      titles.add(record.title());
    }
    titles.addAll(record.aliases());
    return titles;
  }

  /**
   * Disjoint sets of record indexes; the smaller index is kept as root so group order follows input
   * order.
   */
  private static final class UnionFind {
    private final int[] parent;

    UnionFind(int size) {
      parent = new int[size];
      for (int i = 0; i < size; i++) {
        parent[i] = i;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }

  /** Titles of a group, distinct by normalised form, in the order given. */
  static List<String> distinctTitles(List<Paper> group) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Paper record : group) {
      for (String title : titles(record)) {
        byKey.putIfAbsent(PaperId.normalise(title), title);
      }
    }
    return new ArrayList<>(new LinkedHashSet<>(byKey.values()));
  }
}
