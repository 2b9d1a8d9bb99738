package paperbot.recommender.ingest;

import java.util.List;
import paperbot.recommender.corpus.Paper;

/**
 * The result of loading a directory of sources.
 *
 * @param papers the distinct papers after merging, in the order their first record was read
 * @param files one report per file, in name order
 * @param merges records that were merged into another record's paper (records read minus distinct
 *     papers)
 * @param fingerprint identifies the exact inputs and reader version; the index re-ingests when it
 *     changes
 */
public record CorpusLoad(
    List<Paper> papers, List<FileReport> files, int merges, String fingerprint) {
  public CorpusLoad {
    papers = List.copyOf(papers);
    files = List.copyOf(files);
  }

  /** Records read over all files. */
  public int records() {
    return files.stream().mapToInt(FileReport::records).sum();
  }
}
