package paperbot.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;

/**
 * {@code /follow <author>} and {@code /unfollow <author>}: papers by followed authors are flagged
 * and lifted. Several authors may be given separated by commas; names compare without regard to
 * case or spacing ("Sergey Levine" is "sergey levine").
 */
public final class FollowCommand implements ChatCommand {
  private final ProfileStore store;
  private final ProfileLimits limits;

  public FollowCommand(ProfileStore store, ProfileLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command("follow", "Lift papers by an author")
            .usage("<author>")
            .options(Option.text("author", "Author name; several separated by commas")),
        CommandSpec.command("unfollow", "Stop following an author")
            .usage("<author>")
            .options(Option.text("author", "Author name; several separated by commas")));
  }

  @Override
  public Reply handle(ChatRequest request) {
    boolean follow = request.command().equals("follow");
    // Each name once, as first typed, by its key.
    Map<String, String> names = new LinkedHashMap<>();
    for (String typed : Listing.items(request.text())) {
      String name = TopicText.authorName(typed);
      String problem = TopicText.problem(name, TopicText.Kind.AUTHOR, limits);
      if (problem != null) {
        return Reply.privateText(problem);
      }
      names.putIfAbsent(key(name), name);
    }
    if (names.isEmpty()) {
      return Reply.privateText(
          follow
              ? "Which author? For example `/follow Sergey Levine`."
              : "Which author? For example `/unfollow Sergey Levine`. "
                  + "`/topics list` shows who you follow.");
    }
    return follow
        ? follow(request.member(), names.values())
        : unfollow(request.member(), names.values());
  }

  private Reply follow(MemberKey member, Iterable<String> names) {
    List<String> following = store.load(member).follows();
    List<String> added = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String name : names) {
      List<String> stored = matching(following, name);
      if (stored.isEmpty()) {
        added.add(name);
      } else {
        already.add(stored.get(0));
      }
    }
    String tooMany =
        limits.tooMany(following.size(), added.size(), "followed authors", "/unfollow <author>");
    if (tooMany != null) {
      return Reply.privateText(tooMany);
    }
    added.forEach(name -> store.follow(member, name));
    StringBuilder reply = new StringBuilder();
    if (!added.isEmpty()) {
      reply
          .append("Following ")
          .append(starred(added))
          .append(": their papers are flagged and lifted in your results (where sources list")
          .append(" authors).");
    }
    if (!already.isEmpty()) {
      reply
          .append(reply.isEmpty() ? "" : " ")
          .append("You already follow ")
          .append(starred(already))
          .append('.');
    }
    return Reply.privateText(reply.toString());
  }

  /** Unfollows all the names or, when one is not followed, none. */
  private Reply unfollow(MemberKey member, Iterable<String> names) {
    List<String> following = store.load(member).follows();
    List<String> stored = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      List<String> matches = matching(following, name);
      if (matches.isEmpty()) {
        missing.add(name);
      }
      stored.addAll(matches);
    }
    if (!missing.isEmpty()) {
      return Reply.privateText(
          "You don't follow "
              + Listing.of(
                  missing.stream().map(name -> UserText.emphasis(TopicText.shorten(name))).toList(),
                  "or")
              + (stored.isEmpty() ? "" : ", so I unfollowed no one")
              + ". `/topics list` shows who you follow.");
    }
    stored.forEach(name -> store.unfollow(member, name));
    return Reply.privateText("Stopped following " + starred(firstSpellings(stored)) + ".");
  }

  /** The followed spellings of a name (one, or several stored before names compared by key). */
  private static List<String> matching(List<String> following, String name) {
    return following.stream().filter(followed -> key(followed).equals(key(name))).toList();
  }

  /** One spelling per name. */
  private static List<String> firstSpellings(List<String> names) {
    Map<String, String> first = new LinkedHashMap<>();
    names.forEach(name -> first.putIfAbsent(key(name), name));
    return List.copyOf(first.values());
  }

  private static String key(String name) {
    return TopicText.normalise(name);
  }

  private static String starred(List<String> names) {
    return Listing.of(names.stream().map(UserText::emphasis).toList());
  }
}
