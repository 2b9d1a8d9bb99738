package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import paperbot.recommender.index.PaperFields;

/**
 * Relevance-model feedback (RM3-style): the words that the best few matches share, weighted by how
 * much of each paper they make up and how rare they are in the corpus. A query names a topic in two
 * or three words; the papers about it use a dozen more ("contrastive", "pretext", "masked" for
 * self-supervised learning), and those words find the relevant papers the query's own words miss.
 * The terms are counted from the papers' text as the index analysed and stored it ({@code
 * AnalysedText}).
 */
final class FeedbackTerms {
  /** Terms kept: enough to describe a topic, few enough that scoring them stays cheap. */
  static final int TERMS = 20;

  /**
   * Candidate terms whose corpus frequency is looked up (by their weight in the feedback papers).
   */
  private static final int CANDIDATES = 60;

  /** Heaviest first; equal weights by term, so the same papers always give the same query. */
  private static final Comparator<Map.Entry<String, Double>> BY_WEIGHT =
      Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey);

  private FeedbackTerms() {}

  /**
   * The feedback terms of papers (best first, each as its terms' counts, with their weights {@code
   * weights}), each with its weight (the largest is 1); terms used by no other paper are skipped (a
   * name or a typo finds nothing else).
   */
  static Map<String, Double> of(
      IndexReader reader, List<Map<String, Integer>> papers, double[] weights) throws IOException {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    Map<String, Double> relevance = new HashMap<>();
    for (int i = 0; i < papers.size(); i++) {
      Map<String, Integer> counts = papers.get(i);
      int length = counts.values().stream().mapToInt(Integer::intValue).sum();
      double share = total == 0 ? 1.0 / papers.size() : weights[i] / total;
      for (Map.Entry<String, Integer> count : counts.entrySet()) {
        relevance.merge(
            count.getKey(), share * count.getValue() / Math.max(1, length), Double::sum);
      }
    }
    return chosen(reader, heaviest(relevance.entrySet(), CANDIDATES));
  }

  /**
   * The feedback terms of the best pool papers ({@code best}, with their {@code weights}), counted
   * in the pool's text; when one of them was indexed without it, all are analysed.
   */
  static Map<String, Double> ofPool(
      IndexSearcher searcher, Analyzer analyzer, PoolText text, ScoreDoc[] best, double[] weights)
      throws IOException {
    int[] papers = new int[best.length];
    for (int i = 0; i < best.length; i++) {
      papers[i] = text.paper(best[i].doc);
      if (!text.hasText(papers[i])) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (PaperText paper : PaperText.words(searcher, analyzer, best)) {
          counts.add(paper.counts());
        }
        return of(searcher.getIndexReader(), counts, weights);
      }
    }
    return of(searcher.getIndexReader(), text, papers, weights);
  }

  /**
   * As {@link #of(IndexReader, List, double[])} for pool papers ({@code papers}, their places in
   * {@code text}, each with its text), with their words counted by term number: the same sums in
   * the same order, so the same terms and weights, without a map of strings per paper.
   */
  static Map<String, Double> of(IndexReader reader, PoolText text, int[] papers, double[] weights)
      throws IOException {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double[] relevance = new double[text.terms()];
    int[] counts = new int[text.terms()];
    int[] weighed = new int[text.terms()];
    boolean[] seen = new boolean[text.terms()];
    int distinct = 0;
    for (int i = 0; i < papers.length; i++) {
      int[] words = text.words(papers[i]);
      int length = words.length;
      double share = total == 0 ? 1.0 / papers.length : weights[i] / total;
      int[] own = new int[words.length];
      int size = 0;
      for (int word : words) {
        if (counts[word]++ == 0) {
          own[size++] = word;
        }
      }
      for (int k = 0; k < size; k++) {
        int word = own[k];
        // As the map's merge: each paper's share added in paper order.
        relevance[word] += share * counts[word] / Math.max(1, length);
        counts[word] = 0;
        if (!seen[word]) {
          seen[word] = true;
          weighed[distinct++] = word;
        }
      }
    }
    List<Map.Entry<String, Double>> entries = new ArrayList<>(distinct);
    for (int k = 0; k < distinct; k++) {
      entries.add(Map.entry(text.term(weighed[k]), relevance[weighed[k]]));
    }
    return chosen(reader, heaviest(entries, CANDIDATES));
  }

  /** The candidates' weights times their rarity, the {@link #TERMS} heaviest scaled to 1. */
  private static Map<String, Double> chosen(
      IndexReader reader, List<Map.Entry<String, Double>> candidates) throws IOException {
    int documents = Math.max(1, reader.numDocs());
    DocFrequencies frequencies = DocFrequencies.of(reader);
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (Map.Entry<String, Double> candidate : candidates) {
      int frequency = frequencies.inAbstracts(reader, candidate.getKey());
      if (frequency >= 2) {
        double idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
        scored.add(Map.entry(candidate.getKey(), candidate.getValue() * idf));
      }
    }
    scored.sort(BY_WEIGHT);
    Map<String, Double> terms = new LinkedHashMap<>();
    double top = scored.isEmpty() ? 1 : scored.get(0).getValue();
    scored.stream().limit(TERMS).forEach(term -> terms.put(term.getKey(), term.getValue() / top));
    return terms;
  }

  /**
   * The {@code limit} heaviest entries, heaviest first ({@link #BY_WEIGHT}): a bounded heap, as a
   * search's few papers have hundreds of distinct terms and sorting them all was most of this step.
   */
  static List<Map.Entry<String, Double>> heaviest(
      Collection<Map.Entry<String, Double>> weights, int limit) {
    PriorityQueue<Map.Entry<String, Double>> kept =
        new PriorityQueue<>(limit + 1, BY_WEIGHT.reversed());
    for (Map.Entry<String, Double> entry : weights) {
      if (kept.size() < limit) {
        kept.add(entry);
      } else if (BY_WEIGHT.compare(entry, kept.peek()) < 0) {
        kept.poll();
        kept.add(entry);
      }
    }
    List<Map.Entry<String, Double>> heaviest = new ArrayList<>(kept);
    heaviest.sort(BY_WEIGHT);
    return heaviest;
  }

  /** The terms as one weighted query over title (boosted as in search) and abstract. */
  static Query query(Map<String, Double> terms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    terms.forEach((term, weight) -> {
      query.add(
          new BoostQuery(new TermQuery(new Term(PaperFields.ABSTRACT, term)), weight.floatValue()),
          Occur.SHOULD);
      query.add(
          new BoostQuery(
              new TermQuery(new Term(PaperFields.TITLE, term)),
              weight.floatValue() * QueryPlan.TITLE_BOOST),
          Occur.SHOULD);
    });
    return query.build();
  }
}
