package paperbot.recommender.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import paperbot.recommender.corpus.Paper;
import paperbot.recommender.index.PaperDocuments;

/**
 * Papers as JSON Lines, one {@link Paper} per line: what {@code paperbot export} writes and {@code
 * ingest} reads.
 */
public final class JsonLinesFile {
  private JsonLinesFile() {}

  public static int write(Path file, Iterable<Paper> papers) {
    int[] count = {0};
    try {
      WholeFile.write(
          file,
          partial -> {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
              for (Paper paper : papers) {
                out.write(PaperDocuments.toJson(paper));
                out.newLine();
                count[0]++;
              }
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " (" + reason(e) + ")", e);
    }
    return count[0];
  }

  /** Why a file could not be written, in words: an exception's message alone is often a path. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof FileSystemException system && system.getReason() != null) {
      return system.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * Reads papers; a line that is not a paper is rejected with its line number, and the others are
   * kept.
   */
  public static Fetched read(Path file) {
    List<Paper> papers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SourceException("cannot read " + file + ": " + e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        papers.add(PaperDocuments.fromJson(lines.get(i)));
      } catch (RuntimeException e) {
        problems.add(file.getFileName() + ":" + (i + 1) + ": not a paper record");
      }
    }
    return new Fetched(papers, problems.size(), problems);
  }
}
