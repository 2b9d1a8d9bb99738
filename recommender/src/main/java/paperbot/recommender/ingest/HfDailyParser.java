package paperbot.recommender.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import paperbot.recommender.corpus.Links;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.corpus.PaperId;
import paperbot.recommender.corpus.SourceRecord;

/**
 * Reads the Hugging Face daily papers API: a JSON array of {@code {paper: {id, title, summary,
 * authors[{name}], publishedAt, upvotes}}}. Upvotes are the trending signal. Streamed item by item,
 * like the Atom reader: a response that breaks off keeps the items before the break and says where
 * it broke. Malformed items are rejected and counted.
 */
final class HfDailyParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Fetched parse(String body) {
    List<Paper> papers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int rejected = 0;
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return Fetched.brokenPage("hf response is not a list of papers");
      }
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (token == null) {
          throw new JsonEnd(parser.currentLocation());
        }
        JsonNode item = parser.readValueAsTree();
        Paper paper = item == null ? null : paper(item);
        if (paper == null) {
          rejected++;
          String id =
              item == null ? null : text(item.has("paper") ? item.get("paper") : item, "id");
          problems.add(
              "hf item rejected: "
                  + (id == null ? "no id" : id)
                  + " lacks an arXiv id, title or abstract");
        } else {
          papers.add(paper);
        }
      }
    } catch (JsonEnd e) {
      return broken(papers, rejected, problems, "it ends without closing the list", e.where);
    } catch (JsonProcessingException e) {
      return broken(papers, rejected, problems, e.getOriginalMessage(), e.getLocation());
    } catch (IOException e) {
      return broken(papers, rejected, problems, e.getMessage(), null);
    }
    return new Fetched(papers, rejected, problems);
  }

  /** The response broke off: what parsed is kept, and the summary says where it broke. */
  private static Fetched broken(
      List<Paper> papers, int rejected, List<String> problems, String why, JsonLocation where) {
    List<String> all = new ArrayList<>(problems);
    all.add(
        "hf response broken after "
            + papers.size()
            + " papers"
            + (where == null
                ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
            + ": "
            + (why == null ? "malformed JSON" : why.lines().findFirst().orElse(why)));
    return new Fetched(papers, rejected, 1, all);
  }

  /** The end of input inside the list, where a closing bracket was due. */
  private static final class JsonEnd extends IOException {
    private static final long serialVersionUID = 1L;
    final transient JsonLocation where;

    JsonEnd(JsonLocation where) {
      this.where = where;
    }
  }

  /** One item as a paper, or null when it lacks an arXiv id, title or abstract. */
  private static Paper paper(JsonNode item) {
    JsonNode paper = item.has("paper") ? item.get("paper") : item;
    String id = text(paper, "id");
    String title = text(paper, "title");
    String summary = text(paper, "summary");
    if (id == null || !PaperId.isArxivId(id) || title == null || summary == null) {
      return null;
    }
    List<String> authors = new ArrayList<>();
    paper
        .path("authors")
        .forEach(a -> {
          if (a.hasNonNull("name")) {
            authors.add(a.get("name").asText());
          }
        });
    return new Paper(
        id,
        title.replaceAll("\\s+", " ").strip(),
        List.of(),
        summary.strip(),
        authors,
        false,
        authors.isEmpty() ? null : authors.size(),
        date(text(paper, "publishedAt")),
        false,
        Math.max(0, paper.path("upvotes").asInt(0)),
        List.of(),
        null,
        Links.find(summary),
        List.of(new SourceRecord("hf-daily-api", 0, "hf-json")));
  }

  /** The message of an error answer ({@code {"error": "..."}}), or null. */
  static String error(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root != null && root.hasNonNull("error") ? root.get("error").asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
