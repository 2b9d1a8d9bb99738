package paperbot.recommender.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The subjects of a typed query that names several: "diffusion policy and offline rl", "ppo, sac"
 * or "world models vs model-free rl". Each should have places on the page, as a member's saved
 * topics have ({@link InterestShares}); ranked as one query, the subject with more and stronger
 * matches fills the page ("offline rl" put ten offline RL papers and no diffusion policy first).
 *
 * <p>English leaves out what the parts share, so a part only counts as a subject when it stands
 * alone:
 *
 * <ul>
 *   <li>a question is one subject ("filter out low-quality demonstrations or training data?": the
 *       training data is to be filtered too);
 *   <li>a part of one word beside longer parts is not a subject but belongs to its neighbour
 *       ("training data curation and filtering", "offline and online rl"), unless it is a term with
 *       known forms ("ppo and offline rl"); parts of one word each are subjects ("robustness and
 *       generalization").
 * </ul>
 */
final class QuerySubjects {
  /** Most subjects shared; more is a list of keywords, not of subjects. */
  static final int MAX_SUBJECTS = 4;

  /** What joins subjects: a comma or semicolon, "and", "or", "vs", "versus" or a spaced "&". */
  private static final Pattern JOINS =
      Pattern.compile(
          "[,;]|\\s&\\s|(?<![\\p{L}\\p{N}])(?:and|or|vs\\.?|versus)(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Whether a single word is a term with known forms ("ppo", "rlhf"). */
  interface KnownTerm {
    boolean test(String word) throws IOException;
  }

  private QuerySubjects() {}

  /**
   * Each subject's words; empty when the text names fewer than two subjects.
   *
   * @param text the searched text (left-out words removed, spelling fixed)
   */
  static List<List<String>> of(String text, KnownTerm knownTerm) throws IOException {
    // "any recent work on offline rl and ppo?" asks for two subjects: the request's framing and its
    // question mark make it no question.
    String query = ChatWords.withoutFraming(text.strip());
    boolean framed = !query.equals(text.strip());
    List<String> words = QueryWords.of(query);
    if (!framed && query.endsWith("?") || words.isEmpty() || ChatWords.contains(words.get(0))) {
      return List.of();
    }
    List<List<String>> parts = new ArrayList<>();
    for (String part : JOINS.split(query)) {
      List<String> partWords = ChatWords.subject(part);
      if (!partWords.isEmpty()) {
        parts.add(partWords);
      }
    }
    if (parts.size() < 2 || parts.size() > MAX_SUBJECTS) {
      return List.of();
    }
    if (parts.stream().allMatch(part -> part.size() == 1)) {
      return List.copyOf(parts);
    }
    // A lone word shares the words of the part before it ("curation and filtering" of training
    // data), or, first, of the part after it ("offline and online rl").
    List<List<String>> subjects = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (List<String> part : parts) {
      boolean alone = part.size() == 1 && !knownTerm.test(part.get(0));
      if (alone && !subjects.isEmpty()) {
        subjects.get(subjects.size() - 1).addAll(part);
      } else if (alone) {
        pending.addAll(part);
      } else {
        List<String> subject = new ArrayList<>(pending);
        subject.addAll(part);
        pending.clear();
        subjects.add(subject);
      }
    }
    return subjects.size() < 2 ? List.of() : subjects.stream().map(List::copyOf).toList();
  }
}
