package paperbot.recommender.rank;

/**
 * One reason a paper matched: a query concept (as the user would recognise it) found in a field.
 *
 * @param concept the user's term or phrase, e.g. {@code diffusion policy}; an expansion shows its
 *     long form
 * @param field where it was found: {@code title} or {@code abstract}
 */
public record Match(String concept, String field) {
  @Override
  public String toString() {
    return concept + " (" + field + ")";
  }
}
