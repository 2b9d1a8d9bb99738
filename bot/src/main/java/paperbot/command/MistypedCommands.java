package paperbot.command;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import paperbot.recommender.rank.TypingEdits;

/**
 * The command a member most likely meant by a name paperbot does not have: a slip ({@code /topic},
 * {@code /papres}, {@code /likes}) or another bot's word for one of ours ({@code /search}, {@code
 * /subscribe}). Only suggested, never run: a guess must not change anyone's profile.
 */
final class MistypedCommands {
  /** Words researchers reach for, and the command (with its subcommand) that does it here. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("search", "papers"),
          Map.entry("find", "papers"),
          Map.entry("query", "papers"),
          Map.entry("recommend", "papers"),
          Map.entry("feed", "papers"),
          Map.entry("interests", "topics"),
          Map.entry("add", "topics add"),
          Map.entry("remove", "topics remove"),
          Map.entry("mute", "topics mute"),
          Map.entry("unmute", "topics unmute"),
          Map.entry("list", "topics list"),
          Map.entry("subscribe", "digest subscribe"),
          Map.entry("unsubscribe", "digest unsubscribe"),
          Map.entry("bookmark", "save"),
          Map.entry("bookmarks", "saved"),
          Map.entry("similar", "more"),
          Map.entry("commands", "help"));

  private MistypedCommands() {}

  /**
   * The command meant by {@code typed}, with its subcommand where a synonym names one: a synonym,
   * else the nearest of {@code names} within one slip for short names and two for longer ones (ties
   * go to the earlier name), else a name the typed one begins (at least three letters).
   */
  static Optional<String> meant(String typed, Collection<String> names) {
    String name = typed.toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.length() > 30) {
      return Optional.empty();
    }
    String synonym = SYNONYMS.get(name);
    if (synonym != null && names.contains(synonym.split(" ")[0])) {
      return Optional.of(synonym);
    }
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String candidate : names) {
      int distance = TypingEdits.plain(name, candidate);
      if (distance < best && distance <= (candidate.length() <= 4 ? 1 : 2)) {
        nearest = candidate;
        best = distance;
      }
    }
    if (nearest == null && name.length() >= 3) {
      nearest =
          names.stream().filter(candidate -> candidate.startsWith(name)).findFirst().orElse(null);
    }
    return Optional.ofNullable(nearest);
  }
}
