package paperbot.recommender.ingest;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads arXiv's daily listing feed (RSS 2.0, one per category): each item links to the abstract
 * page, its description reads "arXiv:IDvN Announce Type: new Abstract: …", {@code
 * arxiv:announce_type} says why it is listed ({@code new}, {@code cross}, {@code replace}, {@code
 * replace-cross}), and dc:creator lists the authors. Streamed like the Atom reader: a truncated
 * feed keeps the items before the break; items without an id, title or abstract are rejected.
 *
 * <p>An item's {@code pubDate} is the day of the announcement, which is the paper's publication
 * date only for a {@code new} or {@code cross} listing. A replacement announces a new version of an
 * older paper, so its item carries no publication date: the paper keeps the date it has, and an
 * unknown one stays undated until a source with the first publication date (the API) brings it.
 */
final class ArxivListingParser {
  private static final Pattern ABS_ID = Pattern.compile("arxiv\\.org/abs/(\\d{4}\\.\\d{4,5})");
  private static final Pattern ABSTRACT = Pattern.compile("Abstract:\\s*(.*)", Pattern.DOTALL);
  private static final Pattern VERSIONED_ID = Pattern.compile("(\\d{4}\\.\\d{4,5})v(\\d+)");
  private static final Pattern ANNOUNCE_TYPE = Pattern.compile("Announce Type:\\s*([a-z-]+)");
  private static final FeedRecords.Wording WORDING =
      new FeedRecords.Wording(
          "arxiv listing item rejected: ", "arxiv listing broken after ", "items");

  static Fetched parse(String xml) {
    return FeedRecords.read(xml, "item", Item::new, Set.of(), WORDING).fetched();
  }

  private static final class Item implements FeedRecords.Record {
    String id;
    String title;
    String summary;
    LocalDate published;
    int version;
    String announceType;
    List<String> authors = List.of();
    final List<String> categories = new ArrayList<>();

    @Override
    public void read(String name, XMLStreamReader reader) throws XMLStreamException {
      switch (name) {
        case "link" -> {
          Matcher m = ABS_ID.matcher(reader.getElementText());
          id = m.find() ? m.group(1) : id;
        }
        case "title" -> title = reader.getElementText().strip().replaceAll("\\s+", " ");
        case "description" -> {
          String text = reader.getElementText();
          Matcher m = ABSTRACT.matcher(text);
          summary = m.find() ? m.group(1).strip().replaceAll("\\s+", " ") : null;
          Matcher v = VERSIONED_ID.matcher(text);
          if (v.find()) {
            version = Integer.parseInt(v.group(2));
          }
          Matcher type = ANNOUNCE_TYPE.matcher(text);
          if (announceType == null && type.find()) {
            announceType = type.group(1);
          }
        }
        // The element is the authority; the description's words are the fallback.
        case "announce_type" -> announceType = reader.getElementText().strip();
        case "creator" ->
            authors =
                Arrays.stream(reader.getElementText().split(",\\s*|\\s+and\\s+"))
                    .map(String::strip)
                    .filter(a -> !a.isEmpty())
                    .toList();
        case "category" -> categories.add(reader.getElementText().strip());
        case "pubDate" -> published = date(reader.getElementText());
        default -> {}
      }
    }

    @Override
    public String problem() {
      if (id == null) {
        return "no arXiv id";
      }
      return title == null || title.isBlank() || summary == null || summary.isBlank()
          ? id + " lacks a title or abstract"
          : null;
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
          replacement() ? null : published,
          false,
          0,
          categories,
          null,
          Links.find(summary),
          List.of(new SourceRecord("arxiv-listing", 0, "arxiv-rss")),
          version,
          announceType);
    }

    /** A new version of an older paper, announced today: today is not its publication date. */
    private boolean replacement() {
      return announceType != null && announceType.startsWith("replace");
    }

    private static LocalDate date(String text) {
      try {
        return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toLocalDate();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
