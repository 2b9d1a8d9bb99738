package paperbot.recommender.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import paperbot.recommender.corpus.CleanText;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.rank.FillerWords;
import paperbot.recommender.rank.LikeModel;
import paperbot.recommender.rank.Match;
import paperbot.recommender.rank.SearchHit;
import paperbot.recommender.rank.SearchResults;
import paperbot.recommender.rank.Snippets;

/**
 * "More like this" ({@code /more}): Lucene's MoreLikeThis finds the candidates, and the paper's own
 * like vector ranks them and says what each shares with it; and what liking a paper teaches.
 */
final class SimilarPapers {
  /** Terms MoreLikeThis keeps for a query; enough to describe a paper, few enough to stay fast. */
  private static final int QUERY_TERMS = 25;

  /** Punctuation that ends a sentence or clause: no word pair spans it. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.;:!?()\\[\\]]");

  /** MoreLikeThis matches the like model reorders for {@code /more}. */
  private static final int CANDIDATES = 30;

  /** Shared words a similar paper's why-line names. */
  private static final int SHARED_TERMS = 3;

  /** Terms of the paper's own model in {@code /more}, as one like teaches. */
  private static final int LIKE_TERMS = LucenePaperIndex.LIKE_TERMS;

  private final Analyzer analyzer;
  private final Set<String> fillerStems;

  SimilarPapers(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.fillerStems = FillerWords.stems(analyzer);
  }

  /**
   * Papers like this one: MoreLikeThis finds {@link #CANDIDATES} candidates, and they are ranked by
   * reciprocal-rank fusion of MoreLikeThis's order with the like model the feed uses, trained on
   * this paper's words plus what the member's likes and dislikes taught ({@code learned}), so a
   * member who disliked a subject sees less of it here too.
   */
  SearchResults like(IndexSearcher searcher, String id, int limit, Map<String, Double> learned)
      throws IOException {
    Optional<Paper> source = paperOf(searcher, id);
    if (source.isEmpty()) {
      return new SearchResults(List.of(), 0, 0, null);
    }
    Query like = mlt(searcher).like(textOf(source.get()));
    Query query =
        new BooleanQuery.Builder()
            .add(like, Occur.MUST)
            .add(new TermQuery(new Term(PaperFields.ID, id)), Occur.MUST_NOT)
            .build();
    TopDocs top = searcher.search(query, Math.max(CANDIDATES, limit));
    List<WeightedTerm> own = weightedTerms(searcher.getIndexReader(), source.get(), LIKE_TERMS);
    Map<String, Double> model = new HashMap<>(readable(own));
    double norm = Math.sqrt(learned.values().stream().mapToDouble(w -> w * w).sum());
    // The member's model counts half as much as the paper itself: /more is about this paper.
    learned.forEach((term, weight) -> model.merge(term, weight / norm / 2, Double::sum));
    List<Paper> candidates = PaperDocuments.papersOf(searcher, top.scoreDocs);
    ScoreDoc[] ranked = LikeModel.fuse(searcher, analyzer, model, top.scoreDocs);
    Map<Integer, Paper> byDoc = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      byDoc.put(top.scoreDocs[i].doc, candidates.get(i));
    }
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, ranked.length); i++) {
      Paper paper = byDoc.get(ranked[i].doc);
      hits.add(
          new SearchHit(
              paper,
              ranked[i].score,
              Snippets.lead(paper),
              shared(own, paper).stream()
                  .map(word -> new Match(word, PaperFields.ABSTRACT))
                  .toList()));
    }
    return new SearchResults(hits, top.totalHits.value(), 0, null);
  }

  /**
   * What liking a paper teaches: its words and adjacent word pairs as a tf-idf vector (sublinear
   * term frequency, corpus idf, unit length, as arxiv-sanity-lite's features), the {@code limit}
   * heaviest kept, each under the readable form the paper uses ("diffusion policy", not "diffus
   * polici"). A member's model is the sum of these vectors over likes minus dislikes: what a linear
   * classifier of likes against the rest reduces to under strong regularisation, kept in the
   * database and updated by each like (docs/ranking.md). Filler words and words no other paper uses
   * are left out: they teach nothing.
   */
  Map<String, Double> likeTerms(IndexSearcher searcher, String id, int limit) throws IOException {
    Optional<Paper> source = paperOf(searcher, id);
    if (source.isEmpty()) {
      return Map.of();
    }
    return readable(weightedTerms(searcher.getIndexReader(), source.get(), limit));
  }

  /** A term of a paper's like vector: its stem (or two stems), its spelling there, its weight. */
  private record WeightedTerm(String key, String readable, double weight) {}

  /** The terms by their spelling (two stems spelt alike add up), heaviest first. */
  private static Map<String, Double> readable(List<WeightedTerm> terms) {
    Map<String, Double> byWord = new LinkedHashMap<>();
    terms.forEach(term -> byWord.merge(term.readable(), term.weight(), Double::sum));
    return byWord;
  }

  /** The {@code limit} heaviest terms of the paper's like vector (see {@link #likeTerms}). */
  private List<WeightedTerm> weightedTerms(IndexReader reader, Paper paper, int limit)
      throws IOException {
    Map<String, String> readable = new HashMap<>();
    Map<String, Integer> counts = termCounts(paper, readable);
    int documents = Math.max(1, reader.numDocs());
    Map<String, Double> vector = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      double frequency = documentFrequency(reader, count.getKey(), documents);
      if (frequency < 2) {
        continue;
      }
      double value =
          (1 + Math.log(count.getValue())) * (Math.log((1.0 + documents) / (1.0 + frequency)) + 1);
      vector.put(count.getKey(), value);
      norm += value * value;
    }
    double length = Math.sqrt(norm);
    return vector.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(entry ->
            new WeightedTerm(
                entry.getKey(), readable.get(entry.getKey()), entry.getValue() / length))
        .toList();
  }

  /**
   * The paper's words (stems) and adjacent word pairs of one sentence with their counts, filler
   * words left out; {@code readable} gets each one's commonest spelling in the paper.
   */
  private Map<String, Integer> termCounts(Paper paper, Map<String, String> readable)
      throws IOException {
    String text =
        CleanText.of(Objects.toString(paper.title(), ""))
            + " . "
            + CleanText.of(paper.abstractText());
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> formCounts = new HashMap<>();
    try (TokenStream stream = analyzer.tokenStream(PaperFields.ABSTRACT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      String previous = null;
      String previousWord = null;
      int previousEnd = 0;
      while (stream.incrementToken()) {
        String stem = term.toString();
        String word =
            text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
        boolean usable = stem.length() > 2 && !fillerStems.contains(stem);
        // Only truly adjacent words of one sentence make a pair, so it matches as an exact phrase.
        boolean adjacent =
            increment.getPositionIncrement() == 1
                && !SENTENCE_END.matcher(text.substring(previousEnd, offset.startOffset())).find();
        previousEnd = offset.endOffset();
        if (usable) {
          counts.merge(stem, 1, Integer::sum);
          // The stem's commonest spelling in the paper names it ("video", not "videos").
          int seen = formCounts.merge(stem + "\t" + word, 1, Integer::sum);
          String best = readable.get(stem);
          if (best == null || seen > formCounts.get(stem + "\t" + best)) {
            readable.put(stem, word);
          }
          if (previous != null && adjacent) {
            String pair = previous + " " + stem;
            counts.merge(pair, 1, Integer::sum);
            readable.putIfAbsent(pair, previousWord + " " + word);
          }
        }
        previous = usable ? stem : null;
        previousWord = word;
      }
      stream.end();
    }
    return counts;
  }

  /**
   * What a similar paper shares with the one asked about, for its why-line: the heaviest terms of
   * that paper's like vector (its distinctive words and word pairs, as it spells them) that the
   * similar paper uses too, a word inside a shown pair left out.
   */
  private List<String> shared(List<WeightedTerm> own, Paper similar) throws IOException {
    Set<String> theirs = termCounts(similar, new HashMap<>()).keySet();
    List<String> shared =
        own.stream()
            .filter(term -> theirs.contains(term.key()))
            .map(WeightedTerm::readable)
            .distinct()
            .toList();
    return InterestProfile.fuller(shared, SHARED_TERMS);
  }

  /**
   * Papers with this stem, or for a pair of stems an estimate: the pair's own term where the index
   * keeps it ({@link WordPairs}), else the rarer word's papers times the share of the commoner
   * (words taken as independent, at least one paper: the pair is in this one).
   */
  private static double documentFrequency(IndexReader reader, String term, int documents)
      throws IOException {
    int space = term.indexOf(' ');
    if (space < 0) {
      return reader.docFreq(new Term(PaperFields.ABSTRACT, term));
    }
    int indexed = reader.docFreq(new Term(PaperFields.ABSTRACT_PAIRS, term));
    if (indexed > 0) {
      return indexed;
    }
    double first = reader.docFreq(new Term(PaperFields.ABSTRACT, term.substring(0, space)));
    double second = reader.docFreq(new Term(PaperFields.ABSTRACT, term.substring(space + 1)));
    if (first < 2 || second < 2) {
      return 0;
    }
    return Math.max(2, first * second / documents);
  }

  /**
   * A paper's title and abstract as MoreLikeThis reads them. The index stores only the paper's JSON
   * (storing the text twice cost a sixth of ingest), so the fields are rebuilt from it, cleaned as
   * they were indexed.
   */
  private static Map<String, Collection<Object>> textOf(Paper paper) {
    return Map.of(
        PaperFields.TITLE, List.of(CleanText.of(Objects.toString(paper.title(), ""))),
        PaperFields.ABSTRACT, List.of(CleanText.of(paper.abstractText())));
  }

  private MoreLikeThis mlt(IndexSearcher searcher) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT});
    // A word a paper repeats (often title and abstract) is what it is about; one-off words are
    // mostly filler.
    mlt.setMinTermFreq(2);
    // A word no other paper uses finds nothing similar (a typo, a dataset's name).
    mlt.setMinDocFreq(2);
    mlt.setStopWords(fillerStems);
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(QUERY_TERMS);
    return mlt;
  }

  private static Optional<Paper> paperOf(IndexSearcher searcher, String id) throws IOException {
    return PaperDocuments.first(searcher, new Term(PaperFields.ID, id));
  }
}
