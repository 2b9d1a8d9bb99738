package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import paperbot.recommender.index.PaperFields;

/**
 * How much of a query a paper covers: the share of the query's concepts, each weighed by its rarity
 * (and the weight the member gave it), that the paper has at all. The word scores add up per form
 * and per field, so a concept with many forms ("offline reinforcement learning", "offline RL",
 * "batch RL" and its single words) outscored a rarer one with a single word: "diffusion models for
 * offline reinforcement learning" listed offline RL papers without diffusion first, and "how do I
 * fine-tune a pretrained model on new tasks without catastrophic forgetting?" showed fine-tuning
 * papers that never mention forgetting. A pool paper's text score is multiplied by the square of
 * its share, so a paper missing a rare concept falls behind one that has every concept, while one
 * missing only a common word ("control", "model") loses little (docs/ranking.md, nineteenth
 * session).
 */
final class ConceptCoverage {
  /**
   * The share is squared: 1 let the many-form concept still win, 3 and more lost papers that
   * describe one common concept in other words (dev and team sets).
   */
  static final double EXPONENT = 2;

  /**
   * A paper with none of the concepts (matched by a loose word only) keeps a hundredth of its
   * score, so such papers still rank among themselves by their text.
   */
  private static final double LEAST_SHARE = 0.1;

  private final QueryPlan plan;
  private final List<Concept> concepts;
  private final List<Shape> shapes;
  private final double[] weights;
  private final double total;

  /** Search's form of each concept, made only for a paper indexed without its analysed text. */
  private List<Query> presence;

  private ConceptCoverage(
      QueryPlan plan, List<Concept> concepts, List<Shape> shapes, double[] weights) {
    this.plan = plan;
    this.concepts = concepts;
    this.shapes = shapes;
    this.weights = weights;
    this.total = Arrays.stream(weights).sum();
  }

  /**
   * A concept as the pool's analysed text is checked for it: each form as its terms with their
   * relative positions (a phrase), and the terms of its own words (null for a single word). A form
   * at its positions, or all its own terms anywhere, makes it present, as {@link
   * QueryPlan#presenceQuery} matches.
   */
  private record Shape(List<PaperText.Tokens> forms, List<String> ownTerms) {}

  /** No coverage: a query of one concept, which every match has (nothing is analysed). */
  static ConceptCoverage none(QueryPlan plan) {
    return new ConceptCoverage(plan, List.of(), List.of(), new double[0]);
  }

  /**
   * The coverage of these concepts; it changes nothing (see {@link #weigh}) for fewer than two
   * searchable concepts.
   */
  static ConceptCoverage of(IndexReader reader, QueryPlan plan, List<Concept> concepts)
      throws IOException {
    List<Concept> searchable = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    int papers = Math.max(1, reader.numDocs());
    for (Concept concept : concepts) {
      Shape shape = shape(plan, concept);
      if (!shape.forms().isEmpty()) {
        searchable.add(concept);
        shapes.add(shape);
        double matching = Math.max(1, matchingEstimate(reader, shape));
        weights.add(concept.weight() * Math.log(1 + papers / matching));
      }
    }
    return new ConceptCoverage(
        plan, searchable, shapes, weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The ranked papers with each score multiplied by its share of the concepts squared, highest
   * first (ties keep their order); as they are when there is one concept or none.
   */
  ScoreDoc[] weigh(IndexSearcher searcher, ScoreDoc[] ranked, PoolText text) throws IOException {
    if (!counts()) {
      return ranked;
    }
    double[] factors = factors(searcher, ranked, text);
    float[] scores = new float[ranked.length];
    for (int i = 0; i < ranked.length; i++) {
      scores[i] = (float) (ranked[i].score * factors[i]);
    }
    return Arrays.stream(RankFusion.byScore(scores))
        .map(i -> new ScoreDoc(ranked[i].doc, scores[i]))
        .toArray(ScoreDoc[]::new);
  }

  /** False when coverage cannot tell papers apart: fewer than two searchable concepts. */
  boolean counts() {
    return shapes.size() >= 2 && total > 0;
  }

  /**
   * Each paper's factor: its share of the concepts' weight, squared (at least {@link
   * #LEAST_SHARE}'s square), even for a single concept (the feed compares a paper's shares of
   * several topics); all 1 when no concept is searchable. Read from the pool's analysed text
   * ({@code text}, which holds {@code docs}); only a paper indexed without it is matched by search.
   */
  double[] factors(IndexSearcher searcher, ScoreDoc[] docs, PoolText text) throws IOException {
    double[] factors = new double[docs.length];
    if (shapes.isEmpty() || total <= 0) {
      Arrays.fill(factors, 1);
      return factors;
    }
    Occurrences occurrences = new Occurrences(text);
    DocMatcher matcher = null;
    for (int i = 0; i < docs.length; i++) {
      int paper = text.paper(docs[i].doc);
      if (text.hasText(paper)) {
        occurrences.read(paper);
        for (int c = 0; c < shapes.size(); c++) {
          if (occurrences.has(shapes.get(c))) {
            factors[i] += weights[c];
          }
        }
      } else {
        matcher = matcher == null ? new DocMatcher(searcher) : matcher;
        for (int c = 0; c < shapes.size(); c++) {
          if (matcher.matches(docs[i].doc, presence().get(c))) {
            factors[i] += weights[c];
          }
        }
      }
    }
    for (int i = 0; i < docs.length; i++) {
      factors[i] = Math.pow(Math.max(LEAST_SHARE, factors[i] / total), EXPONENT);
    }
    return factors;
  }

  private static Shape shape(QueryPlan plan, Concept concept) throws IOException {
    List<PaperText.Tokens> forms = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    texts.add(concept.text());
    texts.addAll(concept.alternatives());
    for (String form : texts) {
      PaperText.Tokens tokens =
          PaperText.analyse(plan.analyzer(), PaperFields.ABSTRACT, List.of(form));
      if (!tokens.terms().isEmpty()) {
        forms.add(tokens);
      }
    }
    List<String> own =
        QueryWords.of(concept.text()).size() < 2
            ? null
            : PaperText.analyse(plan.analyzer(), PaperFields.ABSTRACT, List.of(concept.text()))
                .terms();
    return new Shape(forms, own == null || own.isEmpty() ? null : own);
  }

  /**
   * Where the concepts' terms occur in one pool paper's title and abstract, read with one walk over
   * its text.
   */
  private final class Occurrences {
    private final PoolText text;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final PoolText.Words words;
    private final List<List<Integer>> positions = new ArrayList<>();

    Occurrences(PoolText text) {
      this.text = text;
      for (Shape shape : shapes) {
        shape.forms().forEach(form -> form.terms().forEach(this::number));
        if (shape.ownTerms() != null) {
          shape.ownTerms().forEach(this::number);
        }
      }
      List<Term> terms = new ArrayList<>();
      for (String term : numbers.keySet()) {
        terms.add(new Term(PaperFields.TITLE, term));
        terms.add(new Term(PaperFields.ABSTRACT, term));
        positions.add(new ArrayList<>());
        positions.add(new ArrayList<>());
      }
      this.words = text.words(terms);
    }

    private void number(String term) {
      numbers.putIfAbsent(term, numbers.size());
    }

    /** Reads the paper's occurrences (title ones at even places, abstract ones at odd). */
    void read(int paper) {
      positions.forEach(List::clear);
      text.visit(paper, words, (word, position) -> positions.get(word).add(position));
    }

    boolean has(Shape shape) {
      for (PaperText.Tokens form : shape.forms()) {
        if (hasPhrase(form, 0) || hasPhrase(form, 1)) {
          return true;
        }
      }
      if (shape.ownTerms() == null) {
        return false;
      }
      for (String term : shape.ownTerms()) {
        int number = numbers.get(term);
        if (positions.get(2 * number).isEmpty() && positions.get(2 * number + 1).isEmpty()) {
          return false;
        }
      }
      return true;
    }

    /** The form's terms at their relative positions in the title (field 0) or abstract (1). */
    private boolean hasPhrase(PaperText.Tokens form, int field) {
      List<Integer> starts = positions.get(2 * numbers.get(form.terms().get(0)) + field);
      for (int start : starts) {
        boolean all = true;
        for (int t = 1; t < form.terms().size() && all; t++) {
          int wanted = start + form.positions()[t] - form.positions()[0];
          all = positions.get(2 * numbers.get(form.terms().get(t)) + field).contains(wanted);
        }
        if (all) {
          return true;
        }
      }
      return false;
    }
  }

  private List<Query> presence() {
    if (presence == null) {
      List<Query> queries = new ArrayList<>();
      for (Concept concept : concepts) {
        queries.add(plan.presenceQuery(concept)); // a searchable concept always has one
      }
      presence = queries;
    }
    return presence;
  }

  /**
   * About how many abstracts have the concept, from the term dictionary alone (no search): the
   * commonest of its forms, a form counted by its rarest word. Only the weights' proportions
   * matter.
   */
  private static int matchingEstimate(IndexReader reader, Shape shape) throws IOException {
    DocFrequencies frequencies = DocFrequencies.of(reader);
    int most = 0;
    for (PaperText.Tokens form : shape.forms()) {
      int rarest = Integer.MAX_VALUE;
      for (String term : form.terms()) {
        rarest = Math.min(rarest, frequencies.inAbstracts(reader, term));
      }
      most = Math.max(most, rarest);
    }
    return most;
  }
}
