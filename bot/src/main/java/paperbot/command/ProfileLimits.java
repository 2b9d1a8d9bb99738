package paperbot.command;

/**
 * What a member may store, so one member cannot grow the database or slow ranking without bound.
 *
 * @param maxTopics topics per member
 * @param maxTopicLength characters per topic, mute or followed author
 */
public record ProfileLimits(int maxTopics, int maxTopicLength) {
  /** Weights members may give a topic. */
  public static final double MIN_WEIGHT = 0.1;

  public static final double MAX_WEIGHT = 5;

  public static ProfileLimits defaults() {
    return new ProfileLimits(30, 60);
  }
}
