package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperFields;

/**
 * An author's name typed in a search ("haoran he", "sergey levine diffusion"), as a scholarly
 * search engine reads one: the papers that list the author, ranked by the rest of the query (or by
 * recency and upvotes when the name is all of it). Only two or three neighbouring words that some
 * paper lists as one author's name count, so a topic's words never read as a name unless a paper's
 * author is called that.
 */
final class AuthorNames {
  /** The longest name looked for, in words ("Jan Willem van de Meent" is found by three). */
  static final int MAX_WORDS = 3;

  /** The name as typed, and the query for the papers that list it. */
  record Found(List<String> name, Query query) {
    /** The name as a notice shows it: "Haoran He". */
    String written() {
      StringBuilder written = new StringBuilder();
      for (String word : name) {
        written.append(written.length() == 0 ? "" : " ");
        written.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
      return written.toString();
    }

    /** Why a paper of the author's is here: the name as the paper lists it, before the rest. */
    List<Match> withName(Paper paper, List<Match> matched) {
      String listed = written();
      for (String author : paper.authors()) {
        if (Collections.indexOfSubList(QueryWords.of(author), name) >= 0) {
          listed = author;
          break;
        }
      }
      List<Match> all = new ArrayList<>();
      all.add(new Match(listed, PaperFields.AUTHORS));
      all.addAll(matched);
      return all;
    }

    /**
     * The text without the name's words; typed in quotes, the quotes stay around nothing and
     * require nothing.
     */
    String without(String text) {
      return QueryWords.typed(name).matcher(text).replaceFirst(" ");
    }
  }

  private AuthorNames() {}

  /** The first longest name among the words that a paper lists as an author; null when none. */
  static Found in(IndexReader reader, QueryPlan plan, List<String> words) throws IOException {
    IndexSearcher searcher = null;
    Map<String, Boolean> inNames = new HashMap<>();
    for (int length = Math.min(MAX_WORDS, words.size()); length >= 2; length--) {
      for (int i = 0; i + length <= words.size(); i++) {
        List<String> name = words.subList(i, i + length);
        if (!everyWordNamesSomeone(reader, plan, name, inNames)) {
          continue;
        }
        Query query = plan.fieldQuery(PaperFields.AUTHORS, String.join(" ", name), 0);
        searcher = searcher != null ? searcher : new IndexSearcher(reader);
        if (query != null && searcher.count(query) > 0) {
          return new Found(List.copyOf(name), query);
        }
      }
    }
    return null;
  }

  /**
   * True when each word is in some author's name: a term lookup per word (remembered in {@code
   * inNames}) rules most queries out.
   */
  private static boolean everyWordNamesSomeone(
      IndexReader reader, QueryPlan plan, List<String> name, Map<String, Boolean> inNames)
      throws IOException {
    for (String word : name) {
      Boolean known = inNames.get(word);
      if (known == null) {
        List<String> terms =
            PaperText.analyse(plan.analyzer(), PaperFields.AUTHORS, List.of(word)).terms();
        known =
            terms.size() == 1 && reader.docFreq(new Term(PaperFields.AUTHORS, terms.get(0))) > 0;
        inNames.put(word, known);
      }
      if (!known) {
        return false;
      }
    }
    return true;
  }
}
