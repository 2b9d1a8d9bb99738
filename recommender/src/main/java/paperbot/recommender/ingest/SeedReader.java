package paperbot.recommender.ingest;

import java.util.List;

/**
 * Reads the records of one seed layout. Problems become messages naming file and line; reading goes
 * on after them.
 */
interface SeedReader {

  /**
   * @param file the file name, for source records and messages
   * @param lines every line of the file
   * @param errors where to add a message per skipped record or line
   */
  List<SeedRecord> read(String file, List<NumberedLine> lines, List<String> errors);
}
