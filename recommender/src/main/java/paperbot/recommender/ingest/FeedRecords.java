package paperbot.recommender.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import paperbot.recommender.corpus.Paper;

/**
 * Streams the records of an XML feed (Atom entries, RSS items): each record reads the elements
 * inside it, and is kept or rejected with a reason. Streaming means a truncated feed keeps the
 * records before the break and counts the broken one.
 */
final class FeedRecords {
  private FeedRecords() {}

  /** One record while it is read. */
  interface Record {
    void read(String element, XMLStreamReader reader) throws XMLStreamException;

    /** Why the record cannot be a paper, or null when it can. */
    String problem();

    Paper toPaper();

    /**
     * The service's own error message when this record is one (arXiv sends errors as an entry),
     * else null. Such a record is neither a paper nor a malformed one.
     */
    default String serviceError() {
      return null;
    }
  }

  /**
   * How a feed names things in its messages.
   *
   * @param rejected prefix of a rejected record's message, e.g. {@code arxiv entry rejected: }
   * @param broken start of the message for a feed that breaks off, e.g. {@code arxiv feed broken
   *     after }
   * @param records plural noun for the count in that message, e.g. {@code entries}
   */
  record Wording(String rejected, String broken, String records) {}

  /**
   * @param fetched what was kept and rejected
   * @param records records seen, kept or not
   * @param header text of the requested elements found outside records (e.g. {@code totalResults})
   * @param broken true when the feed broke off (truncated or malformed), so later pages are not
   *     worth asking for
   * @param serviceError the service's own error message when the feed carried one, else null
   */
  record Result(
      Fetched fetched,
      int records,
      Map<String, String> header,
      boolean broken,
      String serviceError) {}

  static Result read(
      String xml,
      String recordElement,
      Supplier<Record> newRecord,
      Set<String> headerElements,
      Wording wording) {
    List<Paper> papers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> header = new HashMap<>();
    int rejected = 0;
    int seen = 0;
    boolean broken = false;
    String serviceError = null;
    Record record = null;
    try {
      XMLStreamReader reader = SafeXml.reader(xml);
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals(recordElement)) {
            record = newRecord.get();
            seen++;
          } else if (record != null) {
            record.read(name, reader);
          } else if (headerElements.contains(name)) {
            header.put(name, reader.getElementText().strip());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && record != null
            && reader.getLocalName().equals(recordElement)) {
          String problem = record.problem();
          if (record.serviceError() != null) {
            serviceError = record.serviceError();
            seen--;
          } else if (problem == null) {
            papers.add(record.toPaper());
          } else {
            rejected++;
            problems.add(wording.rejected() + problem);
          }
          record = null;
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      broken = true;
      if (record != null) {
        rejected++;
      }
      String detail =
          e.getMessage() == null ? "malformed XML" : e.getMessage().lines().findFirst().orElse("");
      problems.add(wording.broken() + papers.size() + " " + wording.records() + ": " + detail);
    }
    return new Result(
        new Fetched(papers, rejected, broken ? 1 : 0, problems),
        seen,
        header,
        broken,
        serviceError);
  }
}
