package paperbot.recommender.ingest;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import paperbot.recommender.corpus.Links;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Reads arXiv's daily listing feed (RSS 2.0, one per category): each item links to the abstract page, its description
 * reads "arXiv:ID Announce Type: new Abstract: …", and dc:creator lists the authors. Streamed like the Atom reader:
 * a truncated feed keeps the items before the break; items without an id, title or abstract are rejected.
 */
final class ArxivListingParser {
  private static final Pattern ABS_ID = Pattern.compile("arxiv\\.org/abs/(\\d{4}\\.\\d{4,5})");
  private static final Pattern ABSTRACT = Pattern.compile("Abstract:\\s*(.*)", Pattern.DOTALL);
  static Fetched parse(String xml) {
    List<Paper> papers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int rejected = 0;
    Item item = null;
    try {
      XMLStreamReader reader = SafeXml.reader(xml);
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals("item")) {
            item = new Item();
          } else if (item != null) {
            item.read(name, reader);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("item") && item != null) {
          if (item.complete()) {
            papers.add(item.toPaper());
          } else {
            rejected++;
            problems.add("arxiv listing item rejected: " + (item.id == null ? "no arXiv id" : item.id
                + " lacks a title or abstract"));
          }
          item = null;
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      if (item != null) {
        rejected++;
      }
      problems.add("arxiv listing broken after " + papers.size() + " items");
    }
    return new Fetched(papers, rejected, problems);
  }

  private static final class Item {
    String id;
    String title;
    String summary;
    LocalDate published;
    List<String> authors = List.of();
    final List<String> categories = new ArrayList<>();

    void read(String name, XMLStreamReader reader) throws XMLStreamException {
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
        case "creator" -> authors = Arrays.stream(reader.getElementText().split(",\\s*|\\s+and\\s+"))
            .map(String::strip).filter(a -> !a.isEmpty()).toList();
        case "category" -> categories.add(reader.getElementText().strip());
        case "pubDate" -> published = date(reader.getElementText());
        default -> { }
      }
    }

    boolean complete() {
      return id != null && title != null && !title.isBlank() && summary != null && !summary.isBlank();
    }

    Paper toPaper() {
      return new Paper(id, title, List.of(), summary, authors, false, authors.isEmpty() ? null : authors.size(),
          published, false, 0, categories, null, Links.find(summary),
          List.of(new SourceRecord("arxiv-listing", 0, "arxiv-rss")));
    }

    private static LocalDate date(String text) {
      try {
        return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
