package paperbot.recommender.ingest;

/**
 * A place papers come from: the port that {@code paperbot ingest}, the scheduled refreshes and the
 * configuration loop over. A new source is one class implementing this, its parser, and one line in
 * {@code Wiring}; its name is then a {@code --source} value, a refresh job, and the key of its
 * settings ({@code sources.<name>.url} and {@code .cron}, or {@code PAPERBOT_<NAME>_URL} and {@code
 * _CRON}).
 */
public interface PaperSource {
  /** Short lower-case name: {@code --source} value, refresh job name and settings key. */
  String name();

  /** One line for {@code paperbot ingest --help}. */
  String description();

  /**
   * Quartz cron (UTC) of the scheduled refresh when the configuration names none; empty for a
   * source that is only run by hand.
   */
  String defaultCron();

  /**
   * Fetches papers. Malformed records and broken pages are counted in the result and the good ones
   * kept; a source that cannot be read at all throws {@link SourceException}.
   */
  Fetched fetch(SourceRequest request) throws InterruptedException;
}
