package paperbot.recommender.profile;

/** What a member said about a paper. */
public enum Feedback {
  LIKE,
  DISLIKE,
  SAVE
}
