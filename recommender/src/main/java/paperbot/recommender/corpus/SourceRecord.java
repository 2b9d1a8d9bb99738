package paperbot.recommender.corpus;

/**
 * Where one record of a paper came from: a file (or feed) and the 1-based line where the record
 * starts.
 *
 * @param source file name or source name, e.g. {@code 003_db543250a057e006.txt} or {@code arxiv}
 * @param line 1-based line of the record's first line in that file; 0 for sources without lines
 * @param layout the layout (reader) that produced it, e.g. {@code hf-daily}
 */
public record SourceRecord(String source, int line, String layout) {}
