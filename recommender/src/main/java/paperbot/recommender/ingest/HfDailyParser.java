package paperbot.recommender.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * authors[{name}], publishedAt, upvotes}}}. Upvotes are the trending signal. Malformed items are
 * rejected and counted.
 */
final class HfDailyParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Fetched parse(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return new Fetched(
          List.of(), 1, List.of("hf response is not JSON: " + e.getOriginalMessage()));
    }
    if (root == null || !root.isArray()) {
      return new Fetched(List.of(), 1, List.of("hf response is not a list of papers"));
    }
    List<Paper> papers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int rejected = 0;
    for (JsonNode item : root) {
      JsonNode paper = item.has("paper") ? item.get("paper") : item;
      String id = text(paper, "id");
      String title = text(paper, "title");
      String summary = text(paper, "summary");
      if (id == null || !PaperId.isArxivId(id) || title == null || summary == null) {
        rejected++;
        problems.add(
            "hf item rejected: "
                + (id == null ? "no id" : id)
                + " lacks an arXiv id, title or abstract");
        continue;
      }
      List<String> authors = new ArrayList<>();
      paper
          .path("authors")
          .forEach(a -> {
            if (a.hasNonNull("name")) {
              authors.add(a.get("name").asText());
            }
          });
      papers.add(
          new Paper(
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
              List.of(new SourceRecord("hf-daily-api", 0, "hf-json"))));
    }
    return new Fetched(papers, rejected, problems);
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
