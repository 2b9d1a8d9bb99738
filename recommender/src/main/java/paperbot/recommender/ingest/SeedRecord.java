package paperbot.recommender.ingest;

import java.util.List;
import paperbot.recommender.corpus.SourceRecord;

/**
 * One paper record exactly as one source listed it, before merging.
 *
 * @param title verbatim title, or null when the source gives none
 * @param abstractText verbatim abstract
 * @param authors names as listed (possibly cut short, see {@code authorsTruncated})
 * @param authorsTruncated true when the list ends in "et al."
 * @param authorCount exact author count when stated, else null
 * @param date the listed date (year possibly missing), or null
 * @param upvotes upvotes shown, 0 when none
 * @param categories arXiv categories
 * @param organisation organisation shown instead of authors, or null
 * @param source where the record starts
 */
public record SeedRecord(
    String title,
    String abstractText,
    List<String> authors,
    boolean authorsTruncated,
    Integer authorCount,
    ListedDate date,
    int upvotes,
    List<String> categories,
    String organisation,
    SourceRecord source) {

  public SeedRecord {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
  }

  /** A record with only a title and an abstract (most layouts carry nothing else). */
  static SeedRecord plain(String title, String abstractText, SourceRecord source) {
    return new SeedRecord(
        title, abstractText, List.of(), false, null, null, 0, List.of(), null, source);
  }

  SeedRecord withDate(ListedDate newDate) {
    return new SeedRecord(
        title,
        abstractText,
        authors,
        authorsTruncated,
        authorCount,
        newDate,
        upvotes,
        categories,
        organisation,
        source);
  }
}
