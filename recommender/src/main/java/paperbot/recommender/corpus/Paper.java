package paperbot.recommender.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One distinct paper, merged from every source record that describes it.
 *
 * @param id stable id: the arXiv id when known, otherwise derived from the normalised title (see
 *     {@link PaperId})
 * @param title the stored title, verbatim as a source printed it; null only for papers no source
 *     titled
 * @param aliases every other title the paper was seen under (retitled versions), verbatim
 * @param abstractText the abstract, verbatim (the longest version seen)
 * @param authors author names as listed; may be a truncated list (see {@code authorsTruncated})
 * @param authorsTruncated true when the source cut the list ("... et al.")
 * @param authorCount exact number of authors when a source states it, else null
 * @param published publication date, or null when unknown
 * @param yearInferred true when the source gave no year and it was inferred; never print such a
 *     year as given
 * @param upvotes community upvotes (Hugging Face), 0 when unknown
 * @param categories arXiv categories, e.g. {@code cs.LG}
 * @param organisation the publishing organisation when a source names one instead of authors, else
 *     null
 * @param links URLs found in the abstract, cleaned
 * @param sources the source records this paper was merged from
 * @param version the newest arXiv version seen (2 for {@code 2611.07777v2}); 0 when no source said.
 *     Its title and abstract are the ones shown
 * @param announcement how arXiv's daily listing last announced the paper ({@code new}, {@code
 *     cross}, {@code replace}, {@code replace-cross}); null when no listing did
 */
public record Paper(
    String id,
    String title,
    List<String> aliases,
    String abstractText,
    List<String> authors,
    boolean authorsTruncated,
    Integer authorCount,
    LocalDate published,
    boolean yearInferred,
    int upvotes,
    List<String> categories,
    String organisation,
    List<String> links,
    List<SourceRecord> sources,
    int version,
    String announcement) {

  public Paper {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    abstractText = abstractText == null ? "" : abstractText;
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    links = List.copyOf(links);
    sources = List.copyOf(sources);
  }

  /** A paper from a source that says nothing of arXiv versions or announcements. */
  public Paper(
      String id,
      String title,
      List<String> aliases,
      String abstractText,
      List<String> authors,
      boolean authorsTruncated,
      Integer authorCount,
      LocalDate published,
      boolean yearInferred,
      int upvotes,
      List<String> categories,
      String organisation,
      List<String> links,
      List<SourceRecord> sources) {
    this(
        id,
        title,
        aliases,
        abstractText,
        authors,
        authorsTruncated,
        authorCount,
        published,
        yearInferred,
        upvotes,
        categories,
        organisation,
        links,
        sources,
        0,
        null);
  }

  /**
   * The title to show: the stored title, or the abstract's opening words for a paper no source
   * titled.
   */
  public String displayTitle() {
    if (title != null && !title.isBlank()) {
      return title;
    }
    String text = abstractText.strip();
    int cut = Math.min(text.length(), 80);
    int space = text.lastIndexOf(' ', cut);
    String head = text.length() <= 80 ? text : text.substring(0, space > 40 ? space : cut) + "…";
    return "[untitled] " + head;
  }

  /** The arXiv id when this paper's id is one, else null. */
  public String arxivId() {
    return PaperId.isArxivId(id) ? id : null;
  }
}
