package paperbot.command;

/**
 * What a member may store, so one member cannot grow the database or slow ranking without bound.
 *
 * @param maxTopics topics per member, and as many muted terms and followed authors (each is a
 *     clause of every personal query)
 * @param maxTopicLength characters per topic, mute or followed author
 */
public record ProfileLimits(int maxTopics, int maxTopicLength) {
  /** Weights members may give a topic. */
  public static final double MIN_WEIGHT = 0.1;

  public static final double MAX_WEIGHT = 5;

  /**
   * Why {@code adding} more {@code things} to the {@code have} a member has would be more than
   * {@link #maxTopics} (the reply), or null when they fit.
   *
   * @param remove the command that makes room, e.g. {@code /topics remove <topic>}
   */
  String tooMany(int have, int adding, String things, String remove) {
    if (adding == 0 || have + adding <= maxTopics) {
      return null;
    }
    if (have == 1) {
      things = things.substring(0, things.length() - 1); // "1 muted term"
    }
    if (have == 0) {
      return "I keep at most " + maxTopics + " " + things + "; that list has " + adding + ".";
    }
    return have >= maxTopics
        ? "You have "
            + have
            + " "
            + things
            + ", the most I keep. Remove one first with `"
            + remove
            + "`."
        : "You have "
            + have
            + " "
            + things
            + ", and these "
            + adding
            + " would make more than the "
            + maxTopics
            + " I keep. Add fewer, or remove one first with `"
            + remove
            + "`.";
  }

  public static ProfileLimits defaults() {
    return new ProfileLimits(30, 60);
  }
}
