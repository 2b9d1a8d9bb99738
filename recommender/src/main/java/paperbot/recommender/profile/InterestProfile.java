package paperbot.recommender.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything personal ranking needs about one member.
 *
 * @param topics topics the member set, with weights, in the order added
 * @param mutes terms whose papers are never shown
 * @param learned terms learned from feedback: positive from likes, negative from dislikes
 * @param follows followed authors
 * @param seen papers already shown in personal recommendations
 * @param disliked papers the member dismissed
 * @param saved papers the member saved, newest first
 * @param liked papers the member liked, newest first (never shown again in {@code /papers}; they
 *     teach the ranking)
 */
public record InterestProfile(
    Map<String, Double> topics,
    List<String> mutes,
    Map<String, Double> learned,
    List<String> follows,
    Set<String> seen,
    Set<String> disliked,
    List<String> saved,
    List<String> liked) {

  public InterestProfile {
    topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    mutes = List.copyOf(mutes);
    learned = Map.copyOf(learned);
    follows = List.copyOf(follows);
    seen = Set.copyOf(seen);
    disliked = Set.copyOf(disliked);
    saved = List.copyOf(saved);
    liked = List.copyOf(liked);
  }

  /**
   * A profile without likes (topics, mutes and exclusions only), as digests and older callers build
   * it.
   */
  public InterestProfile(
      Map<String, Double> topics,
      List<String> mutes,
      Map<String, Double> learned,
      List<String> follows,
      Set<String> seen,
      Set<String> disliked,
      List<String> saved) {
    this(topics, mutes, learned, follows, seen, disliked, saved, List.of());
  }

  public static InterestProfile empty() {
    return new InterestProfile(
        Map.of(), List.of(), Map.of(), List.of(), Set.of(), Set.of(), List.of());
  }

  /**
   * The heaviest positively learned terms, as a member reads them: a word already inside a shown
   * word pair is left out ("compositional conservatism" says what "compositional" would; the pair
   * takes the word's place), so the few shown say more.
   */
  public List<String> learnedWords(int limit) {
    List<String> heaviest =
        learned.entrySet().stream()
            .filter(term -> term.getValue() > 0)
            .sorted(
                Map.Entry.<String, Double>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(3L * limit)
            .map(Map.Entry::getKey)
            .toList();
    return fuller(heaviest, limit);
  }

  /**
   * The first {@code limit} of these terms (words and word pairs, heaviest first), a word already
   * inside a shown pair left out and a pair taking the place of a word it contains.
   */
  public static List<String> fuller(List<String> heaviestFirst, int limit) {
    List<String> shown = new ArrayList<>();
    for (String term : heaviestFirst) {
      if (shown.stream().anyMatch(s -> words(s).contains(term))) {
        continue;
      }
      List<String> words = words(term);
      int place = -1;
      for (int i = 0; place < 0 && words.size() > 1 && i < shown.size(); i++) {
        if (words.contains(shown.get(i))) {
          place = i;
        }
      }
      if (place < 0) {
        shown.add(term);
      } else {
        shown.set(place, term);
        shown.removeIf(words::contains);
      }
    }
    return List.copyOf(shown.subList(0, Math.min(limit, shown.size())));
  }

  private static List<String> words(String term) {
    return List.of(term.split(" "));
  }

  /** True when nothing tells us what this member likes yet. */
  public boolean isNew() {
    return topics.isEmpty() && follows.isEmpty() && learned.values().stream().noneMatch(w -> w > 0);
  }
}
