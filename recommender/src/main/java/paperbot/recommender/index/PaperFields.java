package paperbot.recommender.index;

/** Names of the index fields, shared by the document mapping and the ranking queries. */
public final class PaperFields {
  /** Exact paper id, for updates by id and {@code /paper <id>}. */
  public static final String ID = "id";

  /** Title and every alias, cleaned, analysed with positions and offsets. */
  public static final String TITLE = "title";

  /** Cleaned abstract, analysed with positions and offsets and stored for snippets. */
  public static final String ABSTRACT = "abstract";

  /** Word pairs of the title and aliases ({@link WordPairs}), without positions. */
  public static final String TITLE_PAIRS = "title_pairs";

  /** Word pairs of the abstract ({@link WordPairs}), without positions. */
  public static final String ABSTRACT_PAIRS = "abstract_pairs";

  /** The pair field of a text field. */
  public static String pairsOf(String field) {
    return TITLE.equals(field) ? TITLE_PAIRS : ABSTRACT_PAIRS;
  }

  /**
   * The abbreviations the paper defines, each with its long form, as exact keywords ({@link
   * DefinedAbbreviations}).
   */
  public static final String DEFINES = "defines";

  /** Normalised title and aliases as exact keywords, for joining records by title. */
  public static final String TITLE_KEY = "titlekey";

  /** Author names and organisation, analysed, for following authors. */
  public static final String AUTHORS = "authors";

  /** Publication day (epoch day) for the recency prior. */
  public static final String PUBLISHED = "published";

  /** Feature field holding ranking signals such as {@link #UPVOTES}. */
  public static final String FEATURES = "features";

  /** Feature name of the upvote count inside {@link #FEATURES}. */
  public static final String UPVOTES = "upvotes";

  /**
   * Title and abstract as analysed at indexing ({@link AnalysedText}), binary doc values, not
   * searched.
   */
  public static final String ANALYSED = "analysed";

  /** The whole Paper as JSON, so the index returns exactly what was stored. */
  public static final String JSON = "json";

  private PaperFields() {}
}
