package paperbot.command;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
      int distance = distance(name, candidate);
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

  /** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
