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
 * page, its description reads "arXiv:ID Announce Type: new Abstract: …", and dc:creator lists the
 * authors. Streamed like the Atom reader: a truncated feed keeps the items before the break; items
 * without an id, title or abstract are rejected.
 */
final class ArxivListingParser {
  private static final Pattern ABS_ID = Pattern.compile("arxiv\\.org/abs/(\\d{4}\\.\\d{4,5})");
  private static final Pattern ABSTRACT = Pattern.compile("Abstract:\\s*(.*)", Pattern.DOTALL);
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
          Matcher m = ABSTRACT.matcher(reader.getElementText());
          summary = m.find() ? m.group(1).strip().replaceAll("\\s+", " ") : null;
        }
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
          published,
          false,
          0,
          categories,
          null,
          Links.find(summary),
          List.of(new SourceRecord("arxiv-listing", 0, "arxiv-rss")));
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
