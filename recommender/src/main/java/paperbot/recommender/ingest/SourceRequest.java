package paperbot.recommender.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.IntConsumer;

/**
 * What one ingest asks of a source. Each source reads the parts that apply to it and ignores the
 * rest.
 *
 * @param query a search query (arXiv: e.g. {@code all:diffusion}); empty for the source's default
 * @param max most records to fetch, where a source pages
 * @param day the day to fetch, where a source is dated (Hugging Face); null for its latest
 * @param file the file to read, for the file source; null otherwise
 * @param deadline when to give up on the whole ingest, retries included
 * @param progress told the number of records read so far, after each page
 */
public record SourceRequest(
    String query, int max, LocalDate day, Path file, Deadline deadline, IntConsumer progress) {
  /** Patience of a scheduled refresh: nobody waits at a prompt, so it may retry for longer. */
  public static final Duration SCHEDULED_PATIENCE = Duration.ofMinutes(10);

  /** Most arXiv entries of a scheduled refresh. */
  public static final int SCHEDULED_MAX = 500;

  public SourceRequest {
    query = query == null ? "" : query;
    progress = progress == null ? n -> {} : progress;
  }

  /** What a scheduled refresh asks: the default query, today's papers, long patience. */
  public static SourceRequest scheduled(LocalDate today) {
    return new SourceRequest(
        "", SCHEDULED_MAX, today, null, Deadline.in(SCHEDULED_PATIENCE), n -> {});
  }
}
