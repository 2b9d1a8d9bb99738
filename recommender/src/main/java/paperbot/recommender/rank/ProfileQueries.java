package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import paperbot.recommender.index.PaperFields;
import paperbot.recommender.profile.InterestProfile;

/**
 * What a member's profile asks of the index, as queries: their interests (topics and followed
 * authors), what they never want to see again, and their like or dislike model. Shared by the feed
 * ({@link ProfileRanker}) and digests ({@link DigestRanker}).
 */
final class ProfileQueries {
  /** A followed author lifts a paper about as much as a strong topic match. */
  static final float AUTHOR_BOOST = 3f;

  /**
   * Learned terms the like (or dislike) model queries with, heaviest first: enough for a dozen
   * likes' distinctive words, few enough that scoring the candidates stays cheap.
   */
  static final int MODEL_TERMS = 60;

  /** Most saved topics whose reading is remembered per index generation. */
  static final int TOPICS_KEPT = 100_000;

  private final QueryExpander expander;
  private final QueryPlan plan;

  /**
   * Each saved topic as the spelling fixes read it, while the index is unchanged: a topic saved
   * with a typo costs a search of the term dictionary (about ten milliseconds at a million papers),
   * and would cost it on every /papers and digest.
   */
  private final PerGeneration<Map<String, SpellingFixes.Fixed>> topicsRead =
      new PerGeneration<>(ConcurrentHashMap::new);

  ProfileQueries(QueryExpander expander, QueryPlan plan) {
    this.expander = expander;
    this.plan = plan;
  }

  /**
   * The profile's interests. {@code loose} (the feed) matches a topic as search matches a query,
   * any of its words with the whole topic ranked first; otherwise (digests) every word of a topic
   * must match. Learned terms never widen the candidates here: the like model reorders them.
   * Why-lines name a topic only when all of it matches, and a topic of two concepts only when a
   * paper names them together ({@link QueryPlan#namedAsOne}).
   */
  Interests interests(InterestProfile profile, boolean loose, IndexReader corpus)
      throws IOException {
    Map<String, Query> topics = new LinkedHashMap<>();
    Map<String, Query> topicMatches = new LinkedHashMap<>();
    Map<String, Query> partly = new LinkedHashMap<>();
    List<Query> clauses = new ArrayList<>();
    List<Query> exactClauses = new ArrayList<>();
    List<Query> bonuses = new ArrayList<>();
    List<Query> highlights = new ArrayList<>();
    List<Query> words = new ArrayList<>();
    List<ConceptCoverage> coverages = new ArrayList<>();
    List<Query> namedTogether = new ArrayList<>();
    List<Map.Entry<String, Double>> heaviestFirst = new ArrayList<>(profile.topics().entrySet());
    heaviestFirst.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    for (Map.Entry<String, Double> topic : heaviestFirst) {
      // A topic saved with a typo ("difusion policy") follows what it was meant to.
      SpellingFixes.Fixed typed = read(topic.getKey(), corpus);
      List<Concept> concepts = expander.concepts(typed.words(), corpus);
      QueryPlan.TextQuery strict = plan.textQuery(concepts, true);
      if (strict != null) {
        float weight = topic.getValue().floatValue();
        QueryPlan.TextQuery text = loose ? plan.textQuery(concepts, false) : strict;
        clauses.add(new BoostQuery(text.match(), weight));
        exactClauses.add(new BoostQuery(text.exact(), weight));
        Query asOne = plan.namedAsOne(concepts);
        topics.put(topic.getKey(), new BoostQuery(asOne == null ? strict.exact() : asOne, weight));
        topicMatches.put(topic.getKey(), strict.match());
        partly.put(topic.getKey(), text.match());
        highlights.add(text.highlight());
        words.add(new BoostQuery(plan.bagOfWords(concepts), weight));
        coverages.add(ConceptCoverage.of(corpus, plan, concepts));
        Query named = plan.namedTogether(concepts);
        if (named != null) {
          namedTogether.add(named);
        }
        if (text.bonus() != null) {
          bonuses.add(new BoostQuery(text.bonus(), weight));
        }
      }
    }
    Map<String, Query> authors = authorQueries(profile);
    for (List<Query> list : List.of(clauses, exactClauses)) {
      list.addAll(authors.values());
    }
    return new Interests(
        topics,
        topicMatches,
        partly,
        authors,
        clauses,
        exactClauses,
        bonuses,
        highlights,
        words.isEmpty() ? null : QueryPlan.anyOf(words),
        coverages,
        namedTogether.isEmpty() ? null : QueryPlan.anyOf(namedTogether));
  }

  /** The topic's words with their spelling fixed, remembered for the index generation. */
  private SpellingFixes.Fixed read(String topic, IndexReader corpus) throws IOException {
    Map<String, SpellingFixes.Fixed> read = topicsRead.of(corpus);
    SpellingFixes.Fixed fixed = read.get(topic);
    if (fixed == null) {
      fixed = SpellingFixes.ofText(topic, corpus, plan.analyzer(), expander);
      if (read.size() < TOPICS_KEPT) {
        read.put(topic, fixed);
      }
    }
    return fixed;
  }

  private Map<String, Query> authorQueries(InterestProfile profile) {
    Map<String, Query> queries = new LinkedHashMap<>();
    for (String author : profile.follows()) {
      Query query = plan.fieldQuery(PaperFields.AUTHORS, author, 0);
      if (query != null) {
        queries.put(author, new BoostQuery(query, AUTHOR_BOOST));
      }
    }
    return queries;
  }

  /**
   * Muted terms anywhere in title, abstract or authors; seen, liked and dismissed papers unless
   * asked for.
   */
  List<Query> exclusions(InterestProfile profile, boolean includeSeen) {
    List<Query> exclusions = new ArrayList<>();
    for (String mute : profile.mutes()) {
      for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperFields.AUTHORS)) {
        Query query = plan.fieldQuery(field, mute, 0);
        if (query != null) {
          exclusions.add(query);
        }
      }
    }
    if (!includeSeen) {
      List<BytesRef> ids = new ArrayList<>();
      profile.seen().forEach(id -> ids.add(new BytesRef(id)));
      profile.disliked().forEach(id -> ids.add(new BytesRef(id)));
      profile.liked().forEach(id -> ids.add(new BytesRef(id)));
      if (!ids.isEmpty()) {
        exclusions.add(new TermInSetQuery(PaperFields.ID, ids));
      }
    }
    return exclusions;
  }

  /**
   * The member's like model ({@code positive}) or dislike model as one weighted query over title
   * and abstract: the {@code limit} heaviest learned terms of that sign, each weighted by its
   * learned weight (see {@code PaperIndex.likeTerms}); null when there are none. {@code
   * approximate} matches several words by their word pairs (a first pass), else as phrases.
   */
  Query modelQuery(InterestProfile profile, boolean positive, int limit, boolean approximate) {
    List<Map.Entry<String, Double>> terms =
        profile.learned().entrySet().stream()
            .filter(term -> positive ? term.getValue() > 0 : term.getValue() < 0)
            .sorted(
                Comparator.comparingDouble(
                        (Map.Entry<String, Double> term) -> -Math.abs(term.getValue()))
                    .thenComparing(Map.Entry::getKey))
            .limit(limit)
            .toList();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean any = false;
    for (Map.Entry<String, Double> term : terms) {
      float weight = (float) Math.abs(term.getValue());
      for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
        Query match =
            approximate
                ? plan.matchQuery(field, term.getKey())
                : plan.fieldQuery(field, term.getKey(), 0);
        if (match != null) {
          query.add(new BoostQuery(match, weight), Occur.SHOULD);
          any = true;
        }
      }
    }
    return any ? query.build() : null;
  }

  /** The dislike model's query (its {@link #MODEL_TERMS} heaviest terms); null without dislikes. */
  Query dislikeQuery(InterestProfile profile) {
    return modelQuery(profile, false, MODEL_TERMS, false);
  }

  /** {@code query} with none of the excluded papers. */
  static Query withExclusions(Query query, List<Query> exclusions) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.SHOULD);
    exclusions.forEach(q -> builder.add(q, Occur.MUST_NOT));
    return builder.build();
  }
}
