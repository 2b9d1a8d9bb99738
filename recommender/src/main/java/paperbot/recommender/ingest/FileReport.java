package paperbot.recommender.ingest;

import java.util.List;

/**
 * What reading one source file gave.
 *
 * @param file the file name
 * @param layout the layout recognised (e.g. {@code hf-daily}), or {@code unknown}
 * @param records records read
 * @param errors one message per problem, each naming the file and, where it applies, the line
 */
public record FileReport(String file, String layout, int records, List<String> errors) {
  public FileReport {
    errors = List.copyOf(errors);
  }
}
