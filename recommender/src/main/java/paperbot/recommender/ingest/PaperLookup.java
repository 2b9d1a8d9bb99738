package paperbot.recommender.ingest;

import java.util.List;

/**
 * A source that can fetch given papers by their ids, as the arXiv API does with {@code id_list}:
 * how a pasted link to a paper not yet in the corpus becomes one.
 */
public interface PaperLookup {
  /**
   * @param arxivIds modern arXiv ids without version, e.g. {@code 2406.12345}
   * @param deadline when to give up, retries included
   */
  Fetched byIds(List<String> arxivIds, Deadline deadline) throws InterruptedException;
}
