package paperbot.recommender.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import paperbot.recommender.corpus.Links;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Reads an arXiv API Atom feed. Streams it, so entries before a truncation are kept; an entry
 * without an arXiv id, title or abstract is rejected and counted, and the rest are kept. arXiv
 * reports a bad query as a feed with one entry whose id is under {@code arxiv.org/api/errors} and
 * whose summary is the message ("incorrect id format for 1234.12345"); that message is kept as the
 * page's error, not counted as a malformed paper.
 */
final class ArxivAtomParser {
  private static final Pattern ABS_ID =
      Pattern.compile("arxiv\\.org/abs/(\\d{4}\\.\\d{4,5})(v\\d+)?");

  /**
   * One page: its entries, the feed's total result count (-1 when absent), and whether it broke
   * off.
   */
  record Page(Fetched fetched, int entries, long totalResults, boolean broken, String error) {}

  private static final String ERROR_ID = "arxiv.org/api/errors";

  private static final FeedRecords.Wording WORDING =
      new FeedRecords.Wording("arxiv entry rejected: ", "arxiv feed broken after ", "entries");

  static Page parse(String xml) {
    FeedRecords.Result result =
        FeedRecords.read(xml, "entry", Entry::new, Set.of("totalResults"), WORDING);
    String total = result.header().get("totalResults");
    long totalResults = total == null || !total.matches("\\d+") ? -1 : Long.parseLong(total);
    return new Page(
        result.fetched(), result.records(), totalResults, result.broken(), result.serviceError());
  }

  /** arXiv's own message in an error feed (sent with status 400 or 200), or null. */
  static String error(String xml) {
    return parse(xml).error();
  }

  /** The fields of one entry while it is read. */
  private static final class Entry implements FeedRecords.Record {
    String id;
    int version;
    boolean error;
    String title;
    String summary;
    LocalDate published;
    final List<String> authors = new ArrayList<>();
    final List<String> categories = new ArrayList<>();

    @Override
    public void read(String name, XMLStreamReader reader) throws XMLStreamException {
      switch (name) {
        case "id" -> {
          String text = reader.getElementText();
          Matcher m = ABS_ID.matcher(text);
          id = m.find() ? m.group(1) : null;
          version =
              id != null && m.group(2) != null ? Integer.parseInt(m.group(2).substring(1)) : 0;
          error = text.contains(ERROR_ID);
        }
        case "title" -> title = oneLine(reader.getElementText());
        case "summary" -> summary = oneLine(reader.getElementText());
        case "published" -> published = date(reader.getElementText());
        case "name" -> authors.add(oneLine(reader.getElementText()));
        case "category" -> {
          String term = reader.getAttributeValue(null, "term");
          if (term != null) {
            categories.add(term);
          }
        }
        default -> {}
      }
    }

    @Override
    public String problem() {
      if (id == null) {
        return "no arXiv id";
      }
      if (title == null || title.isBlank()) {
        return id + " has no title";
      }
      if (summary == null || summary.isBlank()) {
        return id + " has no abstract";
      }
      return null;
    }

    @Override
    public Paper toPaper() {
      return new Paper(
          id,
          title,
          List.of(),
          summary,
          authors,
          false,
          authors.isEmpty() ? null : authors.size(),
          published,
          false,
          0,
          categories.stream().distinct().toList(),
          null,
          Links.find(summary),
          List.of(new SourceRecord("arxiv", 0, "arxiv-atom")),
          version,
          null);
    }

    @Override
    public String serviceError() {
      return error ? (summary == null ? "an error without a message" : summary) : null;
    }

    private static LocalDate date(String text) {
      try {
        return OffsetDateTime.parse(text.strip()).toLocalDate();
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private static String oneLine(String text) {
      return text.strip().replaceAll("\\s+", " ");
    }
  }
}
