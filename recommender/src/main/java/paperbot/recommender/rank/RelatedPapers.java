package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import paperbot.recommender.index.PaperFields;

/**
 * When few papers match a query (an acronym such as "moe", a rare term), the papers closest to the
 * best matches follow them, so a page and the next ones stay full and on topic. They are ranked by
 * the best matches' feedback terms, the words those papers share ({@link FeedbackTerms}, as search
 * fuses them for a broad query), and come after every match: a paper with the query's own words
 * always ranks first. Each says why it is there ("related: expert (abstract), routing (title)"). On
 * the development set this put 6 more judged papers within the first 50 of three acronym queries
 * (recall@50 0.655 to 0.680) and changed no page of five or more matches (docs/ranking.md).
 */
final class RelatedPapers {
  /**
   * A search listing fewer matches than this fills up to it with related papers: ten pages of five,
   * what a researcher pages through at most.
   */
  static final int FILL = 50;

  /** Words named per paper, and in the notice. */
  private static final int NAMED = 3;

  private RelatedPapers() {}

  /**
   * The matches and, after them, the related papers.
   *
   * @param ranked every match, best first
   * @param related the related papers' documents
   * @param words the feedback terms, heaviest first, each under the best matches' spelling
   */
  record Found(ScoreDoc[] ranked, Set<Integer> related, Map<String, String> words) {
    /** The heaviest few words, as a reader would write them. */
    List<String> named() {
      return words.values().stream().distinct().limit(NAMED).toList();
    }
  }

  /** True when counting found every match and there are fewer than {@link #FILL}. */
  static boolean wanted(TotalHits matches) {
    return matches.relation() == TotalHits.Relation.EQUAL_TO
        && matches.value() > 0
        && matches.value() < FILL;
  }

  /**
   * Every match, then the papers with the most of the best matches' feedback {@code terms}
   * (heaviest first) up to {@link #FILL} in all, each scored just below the one before, so their
   * order continues the matches' whatever the page. The query's own words ({@code asked}) are left
   * out: a paper with a one-word form of the query is already a match, and one with "self" but not
   * "self-supervised" is not related by that word. Filler words ({@link FillerWords}) count but are
   * never named. Each meets the query's {@code limits} (its quoted phrases, none of its "-words").
   */
  static Found after(
      IndexSearcher searcher,
      ScoreDoc[] matched,
      Map<String, Double> feedback,
      Set<String> asked,
      Set<String> filler,
      List<PaperText> best,
      QueryLimits limits)
      throws IOException {
    Map<String, Double> terms = new LinkedHashMap<>(feedback);
    terms.keySet().removeAll(asked);
    Set<Integer> seen = new HashSet<>();
    for (ScoreDoc hit : matched) {
      seen.add(hit.doc);
    }
    List<ScoreDoc> all = new ArrayList<>(List.of(matched));
    Set<Integer> related = new HashSet<>();
    if (!terms.isEmpty()) {
      TopDocs closest =
          searcher.search(limits.apply(FeedbackTerms.query(terms)), FILL + matched.length);
      float floor = matched[matched.length - 1].score;
      for (ScoreDoc hit : closest.scoreDocs) {
        if (all.size() >= FILL) {
          break;
        }
        if (seen.add(hit.doc)) {
          floor = Math.nextDown(floor);
          all.add(new ScoreDoc(hit.doc, floor));
          related.add(hit.doc);
        }
      }
    }
    Map<String, Double> named = new LinkedHashMap<>(terms);
    named.keySet().removeAll(filler);
    return new Found(all.toArray(ScoreDoc[]::new), related, spelled(named, best));
  }

  /** Each term under its commonest spelling in the best matches' abstracts (the stem otherwise). */
  private static Map<String, String> spelled(Map<String, Double> terms, List<PaperText> best) {
    Map<String, String> words = new LinkedHashMap<>();
    for (String term : terms.keySet()) {
      String spelling = null;
      for (PaperText paper : best) {
        spelling = spelling != null ? spelling : paper.spelling(term);
      }
      words.put(term, spelling != null ? spelling : term);
    }
    return words;
  }

  /** Why a related paper is listed: the heaviest of the words it shares with the best matches. */
  static List<Match> why(PaperText paper, Map<String, String> words) {
    Set<Match> shared = new LinkedHashSet<>();
    for (Map.Entry<String, String> word : words.entrySet()) {
      if (shared.size() == NAMED) {
        break;
      }
      if (paper.field(PaperFields.TITLE).contains(word.getKey())) {
        shared.add(new Match(word.getValue(), PaperFields.TITLE));
      } else if (paper.field(PaperFields.ABSTRACT).contains(word.getKey())) {
        shared.add(new Match(word.getValue(), PaperFields.ABSTRACT));
      }
    }
    return List.copyOf(shared);
  }

  /** The notice above a page of few matches none of which has every word of the query. */
  static String partialNotice(long matches) {
    return (matches == 1
        ? "No paper has all of your words; this one has some."
        : "No paper has all of your words; these " + matches + " have some.");
  }

  /** The notice above a page: how many papers match, and what the others are. */
  static String notice(long matches, Found found) {
    return (matches == 1 ? "Only 1 paper matches" : "Only " + matches + " papers match")
        + "; the "
        + (found.related().size() == 1 ? "next is" : "next " + found.related().size() + " are")
        + " related to the best of them ("
        + String.join(", ", found.named())
        + ").";
  }
}
