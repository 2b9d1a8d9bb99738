package paperbot.chat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.rank.SearchHit;

/**
 * Words papers for people: author, date and link lines shared by every reply that shows a paper.
 */
public final class PaperCards {
  private static final DateTimeFormatter WITH_YEAR =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter WITHOUT_YEAR =
      DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final int MAX_NAMED_AUTHORS = 3;

  private PaperCards() {}

  /** A search hit as a card, with its snippet and why-line. */
  public static PaperCard of(SearchHit hit, List<ReplyButton> buttons) {
    Paper paper = hit.paper();
    return new PaperCard(
        paper.id(),
        paper.displayTitle(),
        url(paper),
        authors(paper),
        date(paper),
        upvotes(paper),
        hit.snippet(),
        hit.whyLine(),
        buttons);
  }

  /** Like, dislike, more like this and save: the buttons under every listed paper. */
  public static List<ReplyButton> feedbackButtons(String id) {
    return List.of(
        new ReplyButton(ReplyButton.LIKE, "👍 Like", id, "/like " + id),
        new ReplyButton(ReplyButton.DISLIKE, "👎 Not for me", id, "/dislike " + id),
        new ReplyButton(ReplyButton.MORE_LIKE_THIS, "More like this", id, "/more " + id),
        new ReplyButton(ReplyButton.SAVE, "Save", id, "/save " + id));
  }

  /** A paper with a reason line of the caller's wording. */
  public static PaperCard of(Paper paper, String snippet, String why) {
    return new PaperCard(
        paper.id(),
        paper.displayTitle(),
        url(paper),
        authors(paper),
        date(paper),
        upvotes(paper),
        snippet,
        why,
        feedbackButtons(paper.id()));
  }

  /**
   * Authors as a short line: up to three names, "et al." for the rest, or a count, or the
   * organisation.
   */
  public static String authors(Paper paper) {
    List<String> names = paper.authors();
    if (!names.isEmpty()) {
      String shown = String.join(", ", names.subList(0, Math.min(MAX_NAMED_AUTHORS, names.size())));
      boolean more = paper.authorsTruncated() || names.size() > MAX_NAMED_AUTHORS;
      return more ? shown + " et al." : shown;
    }
    if (paper.authorCount() != null) {
      return paper.authorCount() == 1 ? "1 author" : paper.authorCount() + " authors";
    }
    return paper.organisation() == null ? "" : paper.organisation();
  }

  /** The date, never showing an inferred year as if a source had given it. */
  public static String date(Paper paper) {
    LocalDate published = paper.published();
    if (published == null) {
      return "";
    }
    if (paper.yearInferred()) {
      return WITHOUT_YEAR.format(published) + " (year inferred: " + published.getYear() + ")";
    }
    return WITH_YEAR.format(published);
  }

  /** Upvotes when a source counted them; null means unknown rather than zero. */
  public static Integer upvotes(Paper paper) {
    return paper.upvotes() > 0 ? paper.upvotes() : null;
  }

  /**
   * Characters of title words an arXiv title search link carries, encoded: the link stands in a
   * card whose whole text Slack (3,000) and Discord (a field's 1,024) bound, and a title's first
   * words find the paper. A 1,000-character title of non-Latin letters encodes to 9,000.
   */
  static final int MAX_SEARCH_QUERY = 200;

  /** The arXiv abstract page when the id is an arXiv id, otherwise an arXiv title search. */
  public static String url(Paper paper) {
    if (paper.arxivId() != null) {
      return "https://arxiv.org/abs/" + paper.arxivId();
    }
    String title = paper.title() != null ? paper.title() : paper.displayTitle();
    return "https://arxiv.org/search/?searchtype=title&query=" + searchWords(title);
  }

  /** The title's first words, encoded, in at most {@link #MAX_SEARCH_QUERY} characters. */
  private static String searchWords(String title) {
    StringBuilder query = new StringBuilder();
    for (String word : title.strip().split("\\s+")) {
      String encoded = URLEncoder.encode(word, StandardCharsets.UTF_8);
      int room = MAX_SEARCH_QUERY - query.length() - (query.isEmpty() ? 0 : 1);
      if (encoded.length() > room) {
        if (query.isEmpty()) {
          query.append(encodedStart(word, room)); // one very long word: as much of it as fits
        }
        break;
      }
      query.append(query.isEmpty() ? "" : "+").append(encoded);
    }
    return query.toString();
  }

  /** The longest start of a word, whole characters only, whose encoding fits {@code room}. */
  private static String encodedStart(String word, int room) {
    StringBuilder encoded = new StringBuilder();
    for (int i = 0; i < word.length(); ) {
      int end = i + Character.charCount(word.codePointAt(i));
      String next = URLEncoder.encode(word.substring(i, end), StandardCharsets.UTF_8);
      if (encoded.length() + next.length() > room) {
        break;
      }
      encoded.append(next);
      i = end;
    }
    return encoded.toString();
  }
}
