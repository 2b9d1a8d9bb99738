package paperbot.recommender.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.index.WordPairs;

/**
 * Builds the ranking queries: word scores ({@link paperbot.recommender.index.PaperSimilarity}) on
 * title (weighted higher) and abstract for every concept, equivalent forms as slightly weaker
 * alternatives; then, for the best matches, a bonus when the member's words appear together as a
 * phrase, and small recency and upvote priors that break near-ties but never outweigh a strong text
 * match.
 */
final class QueryPlan {
  /**
   * Title and abstract each score on their own and the scores add, so a word in the (short) title
   * already counts more; boosting the title by 2 on top let common title words outrank the query's
   * distinctive ones (dev set +0.03 at 1). A little extra keeps a title match ahead of an equally
   * strong abstract-only match.
   */
  static final float TITLE_BOOST = 1.25f;

  /** An equivalent form counts a little less than the member's own words. */
  static final float ALTERNATIVE_WEIGHT = 0.9f;

  /** A word of a multi-word form, matched on its own: part of the evidence the phrase gives. */
  static final float LOOSE_WORD_WEIGHT = 1.0f;

  /**
   * A word only an equivalent form has (e.g. "supervised" for SFT) counts this much of the member's
   * own words.
   */
  static final float ALTERNATIVE_WORD_WEIGHT = 0.5f;

  /** Bonus for the whole query appearing as a phrase (within a couple of words). */
  static final float PHRASE_BONUS = 1.5f;

  /** Bonus for each pair of adjacent query words appearing together. */
  static final float PAIR_BONUS = 0.5f;

  static final int PHRASE_SLOP = 2;

  /** Recency: a paper from today gets this much; one {@link #RECENCY_PIVOT_DAYS} old gets half. */
  static final float RECENCY_WEIGHT = 1.0f;

  static final long RECENCY_PIVOT_DAYS = 365;

  /**
   * Upvotes saturate: {@link #UPVOTE_PIVOT} upvotes give half of the weight, a hundred nearly all
   * of it.
   */
  static final float UPVOTE_WEIGHT = 1.0f;

  static final float UPVOTE_PIVOT = 5f;

  private final QueryBuilder builder;
  private final Analyzer analyzer;

  QueryPlan(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
  }

  /** The analysis every query of this plan goes through (the index's own). */
  Analyzer analyzer() {
    return analyzer;
  }

  /**
   * The text part of a query: what a paper must match, and the phrase bonus for the member's words
   * appearing together (null when there is none). They stay apart so the first pass can skip
   * non-competitive papers; the bonus is added in the second pass ({@link WindowRescorer}). {@code
   * highlight} marks the same words with real phrases for snippets. {@code match} needs {@code
   * minimumMatch} of the {@code concepts}.
   *
   * <p>{@code match} finds multi-word forms by their word-pair terms (fast, and nearly always the
   * phrase); {@code exact} is the same query with real phrases, which the second pass uses to score
   * the first pass's window exactly. When no form has several words the two are the same query.
   */
  record TextQuery(
      Query match,
      Query exact,
      Query bonus,
      Query highlight,
      List<Query> concepts,
      int minimumMatch) {
    /**
     * True when the first pass only approximates the phrases and the window must be scored again
     * exactly.
     */
    boolean approximate() {
      return !match.equals(exact);
    }
  }

  /** The text query; null when no concept has a searchable word (only stop words). */
  TextQuery textQuery(List<Concept> concepts) {
    return textQuery(concepts, false);
  }

  /**
   * As {@link #textQuery(List)}; with {@code matchAll} every concept must match. Saved topics use
   * that: a member who follows "diffusion policy" chose the phrase, while a typed query may be
   * loose.
   */
  TextQuery textQuery(List<Concept> concepts, boolean matchAll) {
    BooleanQuery.Builder required = new BooleanQuery.Builder();
    BooleanQuery.Builder exact = new BooleanQuery.Builder();
    List<Query> conceptQueries = new ArrayList<>();
    for (Concept concept : concepts) {
      Query query = weighed(conceptQuery(concept, false, !matchAll), concept.weight());
      if (query != null) {
        required.add(query, Occur.SHOULD);
        exact.add(weighed(conceptQuery(concept, true, !matchAll), concept.weight()), Occur.SHOULD);
        conceptQueries.add(query);
      }
    }
    int clauses = conceptQueries.size();
    if (clauses == 0) {
      return null;
    }
    // A typed query matches any of its concepts and the word scores rank the papers with more (and
    // rarer) of them first:
    // requiring most words lost most of the relevant papers of longer queries (docs/ranking.md).
    int minimumMatch = matchAll ? clauses : 1;
    required.setMinimumNumberShouldMatch(minimumMatch);
    exact.setMinimumNumberShouldMatch(minimumMatch);
    List<Query> bonuses = phraseBonuses(concepts);
    return new TextQuery(
        required.build(),
        exact.build(),
        bonuses.isEmpty() ? null : anyOf(bonuses),
        highlightQuery(concepts),
        List.copyOf(conceptQueries),
        minimumMatch);
  }

  /**
   * Whether a paper has a concept at all, in title or abstract: one of its forms as a phrase, or
   * its own words anywhere ("control of robots" has "robot control"). Null when it has no
   * searchable word.
   */
  Query presenceQuery(Concept concept) {
    Query forms = conceptQuery(concept, true, false);
    List<String> own = QueryWords.of(concept.text());
    if (own.size() < 2) {
      return forms;
    }
    BooleanQuery.Builder everyWord = new BooleanQuery.Builder();
    for (String word : own) {
      Query title = fieldQuery(PaperFields.TITLE, word, 0);
      Query abstractQuery = fieldQuery(PaperFields.ABSTRACT, word, 0);
      if (title != null && abstractQuery != null) {
        everyWord.add(anyOf(List.of(title, abstractQuery)), Occur.MUST);
      }
    }
    BooleanQuery words = everyWord.build();
    if (words.clauses().isEmpty()) {
      return forms;
    }
    return forms == null ? words : anyOf(List.of(forms, words));
  }

  /**
   * Every single word of the query's forms, as one bag of words over title and abstract: the
   * member's own words fully (or as they weighed them), words only an equivalent form has at {@link
   * #ALTERNATIVE_WORD_WEIGHT}. No phrases, no priors.
   */
  Query bagOfWords(List<Concept> concepts) {
    Map<String, Float> words = new LinkedHashMap<>();
    for (Concept concept : concepts) {
      QueryWords.of(concept.text()).forEach(word -> words.merge(word, concept.weight(), Math::max));
    }
    for (Concept concept : concepts) {
      for (String alternative : concept.alternatives()) {
        QueryWords.of(alternative)
            .forEach(word -> words.putIfAbsent(word, ALTERNATIVE_WORD_WEIGHT * concept.weight()));
      }
    }
    List<Query> forms = new ArrayList<>();
    words.forEach((word, weight) -> addForm(forms, word, weight, true));
    return anyOf(forms);
  }

  /**
   * A concept's query weighed as the member asked ({@code diffusion^3}); itself at weight 1, so a
   * query without weights is the very query it always was.
   */
  private static Query weighed(Query query, float weight) {
    return query == null || weight == 1f ? query : new BoostQuery(query, weight);
  }

  /** A disjunction: any of the queries matches, and the scores of those that match add up. */
  static BooleanQuery anyOf(List<? extends Query> queries) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    queries.forEach(query -> any.add(query, Occur.SHOULD));
    return any.build();
  }

  /**
   * The second pass: phrase bonuses (already weighted) plus the recency and upvote priors, all
   * optional.
   */
  Query bonusAndPriors(List<Query> bonuses, LocalDate today) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    bonuses.forEach(bonus -> query.add(bonus, Occur.SHOULD));
    priors(today).clauses().forEach(query::add);
    return query.build();
  }

  /**
   * The recency and upvote priors alone, as flat optional clauses: a feature query lets Lucene skip
   * papers that cannot make the top (trending needs no text).
   */
  BooleanQuery priors(LocalDate today) {
    return new BooleanQuery.Builder()
        .add(recencyPrior(today), Occur.SHOULD)
        .add(upvotePrior(), Occur.SHOULD)
        .build();
  }

  /** The recency prior alone (ExactPoolScores recognises it to score it from doc values). */
  static Query recencyPrior(LocalDate today) {
    return LongField.newDistanceFeatureQuery(
        PaperFields.PUBLISHED, RECENCY_WEIGHT, today.toEpochDay(), RECENCY_PIVOT_DAYS);
  }

  /** The upvote prior alone. */
  static Query upvotePrior() {
    return FeatureField.newSaturationQuery(
        PaperFields.FEATURES, PaperFields.UPVOTES, UPVOTE_WEIGHT, UPVOTE_PIVOT);
  }

  /**
   * Title or abstract, own words or an equivalent form; their scores add up. (A max-of-forms
   * disjunction reads as more principled, but Lucene skips non-competitive papers far better for a
   * plain sum: 2-3x faster measured.)
   */
  private Query conceptQuery(Concept concept, boolean exact, boolean loose) {
    List<Query> forms = new ArrayList<>();
    addForm(forms, concept.text(), 1f, exact);
    for (String alternative : concept.alternatives()) {
      addForm(forms, alternative, ALTERNATIVE_WEIGHT, exact);
    }
    if (loose) {
      addLooseWords(forms, concept, exact);
    }
    return forms.isEmpty() ? null : anyOf(forms);
  }

  /**
   * The single words of the member's own multi-word form ("goal-conditioned reinforcement
   * learning"), so a paper that uses them apart still matches, and one with the whole phrase scores
   * higher, as it matches both. An equivalent form's words never match alone: "BC" must not find
   * "voice cloning".
   *
   * <p>The first pass ({@code exact} false) looks for them in abstracts only; the exact pass, which
   * orders the pool and the pages, scores them in titles too. A title's loose word ("learning",
   * "model") adds a large posting list to the first pass while it seldom decides which papers make
   * the pool (their abstracts have the word, or the title has the whole form): at a million papers
   * searches with a multi-word form got up to a third faster, p50 over the bench's queries 10%
   * (twentieth session), for dev 0.715 → 0.714 and the team set unchanged.
   */
  private void addLooseWords(List<Query> forms, Concept concept, boolean exact) {
    List<String> own = QueryWords.of(concept.text());
    if (own.size() < 2) {
      return;
    }
    for (String word : new LinkedHashSet<>(own)) {
      if (exact) {
        addForm(forms, word, LOOSE_WORD_WEIGHT, true);
      } else {
        Query inAbstract = fieldQuery(PaperFields.ABSTRACT, word, 0);
        if (inAbstract != null) {
          forms.add(
              LOOSE_WORD_WEIGHT == 1f ? inAbstract : new BoostQuery(inAbstract, LOOSE_WORD_WEIGHT));
        }
      }
    }
  }

  private void addForm(List<Query> forms, String text, float weight, boolean exact) {
    Query title =
        exact ? fieldQuery(PaperFields.TITLE, text, 0) : matchQuery(PaperFields.TITLE, text);
    Query abstractQuery =
        exact ? fieldQuery(PaperFields.ABSTRACT, text, 0) : matchQuery(PaperFields.ABSTRACT, text);
    if (title != null) {
      forms.add(new BoostQuery(title, TITLE_BOOST * weight));
    }
    if (abstractQuery != null) {
      forms.add(weight == 1f ? abstractQuery : new BoostQuery(abstractQuery, weight));
    }
  }

  /**
   * First-pass matching of a word or words in a field: one word as a term; several as all their
   * adjacent word pairs, which the index holds as terms ({@link WordPairs}), and every word in no
   * pair ("mixture of experts": both words). No positions are read: the second pass scores the
   * window with the real phrase. Reading the positions of every paper with a phrase's words was a
   * tenth of the first pass at a million papers, and up to half of it for a phrase such as
   * "generative flow network" (docs/performance.md).
   */
  Query matchQuery(String field, String text) {
    WordPairs.Analysed analysed = WordPairs.analyse(analyzer, field, text);
    if (analysed.terms().size() < 2) {
      return fieldQuery(field, text, 0);
    }
    String pairField = PaperFields.pairsOf(field);
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    analysed.pairs().forEach(pair -> all.add(new TermQuery(new Term(pairField, pair)), Occur.MUST));
    analysed
        .unpairedWords()
        .forEach(word -> all.add(new TermQuery(new Term(field, word)), Occur.MUST));
    BooleanQuery query = all.build();
    return query.clauses().size() == 1 ? query.clauses().get(0).query() : query;
  }

  /** The concepts as real phrases in the abstract, for highlighting what matched. */
  Query highlightQuery(List<Concept> concepts) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Concept concept : concepts) {
      List<String> forms = new ArrayList<>(concept.alternatives());
      forms.add(0, concept.text());
      for (String form : forms) {
        Query query = fieldQuery(PaperFields.ABSTRACT, form, 0);
        if (query != null) {
          any.add(query, Occur.SHOULD);
        }
      }
    }
    return any.build();
  }

  /**
   * A word as a term, several words as a phrase (so "behavior cloning" never matches "voice
   * cloning"). Null when the text is only stop words.
   */
  Query fieldQuery(String field, String text, int slop) {
    return QueryWords.of(text).size() == 1
        ? builder.createBooleanQuery(field, text)
        : builder.createPhraseQuery(field, text, slop);
  }

  /**
   * Two concepts written together, as the member wrote them, in title or abstract ({@link
   * PhraseFirst}); null unless there are exactly two.
   */
  Query namedTogether(List<Concept> concepts) {
    if (concepts.size() != 2) {
      return null;
    }
    String together = concepts.get(0).text() + " " + concepts.get(1).text();
    List<Query> phrases = new ArrayList<>();
    for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
      Query phrase = builder.createPhraseQuery(field, together, 0);
      if (phrase != null) {
        phrases.add(phrase);
      }
    }
    return phrases.isEmpty() ? null : anyOf(phrases);
  }

  /**
   * The papers that name two concepts together as typed, found by their word pair (no positions:
   * {@link #matchQuery}), title first; for joining them to a pool ({@link PhraseFirst#join}). Null
   * unless there are exactly two concepts.
   */
  Query namedTogetherByPairs(List<Concept> concepts) {
    if (concepts.size() != 2) {
      return null;
    }
    String together = concepts.get(0).text() + " " + concepts.get(1).text();
    Query title = matchQuery(PaperFields.TITLE, together);
    Query abstractQuery = matchQuery(PaperFields.ABSTRACT, together);
    if (title == null || abstractQuery == null) {
      return null;
    }
    return anyOf(List.of(new BoostQuery(title, TITLE_BOOST), abstractQuery));
  }

  /**
   * A topic of two concepts as the member means it, one thing ("world models"): any form of the
   * first directly followed by any form of the second, in title or abstract (a word between, as in
   * "real-world robot models", is already another thing). A why-line names such a topic for these
   * papers only: "real-world ... models" has both words and is not about world models. Null unless
   * there are exactly two concepts.
   */
  Query namedAsOne(List<Concept> concepts) {
    if (concepts.size() != 2) {
      return null;
    }
    List<Query> phrases = new ArrayList<>();
    for (String first : forms(concepts.get(0))) {
      for (String second : forms(concepts.get(1))) {
        for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
          Query phrase = builder.createPhraseQuery(field, first + " " + second, 0);
          if (phrase != null) {
            phrases.add(phrase);
          }
        }
      }
    }
    return phrases.isEmpty() ? null : anyOf(phrases);
  }

  private static List<String> forms(Concept concept) {
    List<String> forms = new ArrayList<>();
    forms.add(concept.text());
    forms.addAll(concept.alternatives());
    return forms;
  }

  private List<Query> phraseBonuses(List<Concept> concepts) {
    List<Query> bonuses = new ArrayList<>();
    if (concepts.size() < 2) {
      return bonuses;
    }
    String whole = String.join(" ", concepts.stream().map(Concept::text).toList());
    addPhrase(bonuses, whole, PHRASE_SLOP, PHRASE_BONUS);
    if (concepts.size() > 2) {
      for (int i = 0; i + 1 < concepts.size(); i++) {
        addPhrase(
            bonuses, concepts.get(i).text() + " " + concepts.get(i + 1).text(), 1, PAIR_BONUS);
      }
    }
    return bonuses;
  }

  private void addPhrase(List<Query> bonuses, String text, int slop, float weight) {
    Query title = builder.createPhraseQuery(PaperFields.TITLE, text, slop);
    Query abstractQuery = builder.createPhraseQuery(PaperFields.ABSTRACT, text, slop);
    if (title != null) {
      bonuses.add(new BoostQuery(title, weight * TITLE_BOOST));
    }
    if (abstractQuery != null) {
      bonuses.add(new BoostQuery(abstractQuery, weight));
    }
  }
}
