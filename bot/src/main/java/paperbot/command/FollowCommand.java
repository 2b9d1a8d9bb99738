package paperbot.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /follow <author>} and {@code /unfollow <author>}: papers by followed authors are flagged
 * and lifted. Several authors may be given separated by commas, semicolons or "and"; names compare
 * without regard to case, spacing or accents ("Sergey Levine" is "sergey levine", "Jörg Müller" is
 * "Jorg Muller"). Two typed surname first ("Levine, Sergey") are one name when papers list such an
 * author ({@link SurnameFirst}), and so is each of a citation's ("Levine, Sergey; Finn, Chelsea":
 * {@link NameList}).
 */
public final class FollowCommand implements ChatCommand {
  /**
   * A chat member given as a whole name, as the platform passes a mention: Discord's option value
   * ({@code <@123>}, {@code <@!123>}, a role's {@code <@&123>}) or Slack's escaped form ({@code
   * <@U123|jane>}), alone or as one of the listed names. A name typed with an @ ("@Sergey Levine")
   * is the author, and so is a name with other words in it (its text is echoed, escaped).
   */
  private static final Pattern CHAT_MEMBER =
      Pattern.compile("(?:^|[,;])\\s*(<@[!&]?[A-Za-z0-9]+(?:\\|[^>]*)?>)\\s*(?=$|[,;])");

  private final ProfileStore store;
  private final ProfileLimits limits;

  /** Tells whether "Levine, Sergey" is one author's name. */
  private final PaperIndex index;

  public FollowCommand(ProfileStore store, PaperIndex index, ProfileLimits limits) {
    this.store = store;
    this.index = index;
    this.limits = limits;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command("follow", "Lift papers by an author")
            .usage("<author>")
            .options(
                Option.text("author", "Author name; several separated by commas or semicolons")),
        CommandSpec.command("unfollow", "Stop following an author")
            .usage("<author>")
            .options(
                Option.text("author", "Author name; several separated by commas or semicolons")));
  }

  @Override
  public Reply handle(ChatRequest request) {
    boolean follow = request.command().equals("follow");
    Matcher member = CHAT_MEMBER.matcher(request.text());
    if (member.find()) {
      // Following a member would match no paper (and "<@123>" read as a name has no letters).
      return Reply.privateText(
          UserText.emphasis(cut(member.group(1)))
              + " is a chat member: `/"
              + request.command()
              + "` takes an author's name as papers list it, e.g. `/"
              + request.command()
              + " Sergey Levine`. I "
              + request.command()
              + "ed no one.");
    }
    NameList reading =
        NameList.read(
            request.text(),
            TopicText::authorName,
            index,
            () -> store.load(request.member()).follows(),
            true);
    if (!follow && reading.joined()) {
      reading = reading.asStored(store.load(request.member()).follows());
    }
    if (reading.ambiguous()) {
      return Reply.privateText(
          reading.choices()
              + (follow ? "; I followed no one" : "; I unfollowed no one")
              + ". Type the full name, e.g. `/"
              + request.command()
              + " "
              + TopicText.shorten(reading.people().get(0))
              + "`.");
    }
    // Each name once, as first typed, by its key.
    Map<String, String> names = new LinkedHashMap<>();
    for (String name : reading.names()) {
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
        ? follow(request.member(), names.values(), reading.note())
        : unfollow(request.member(), names.values(), reading.note());
  }

  /**
   * @param note what to say after the name when two typed were read as one, else ""
   */
  private Reply follow(MemberKey member, Iterable<String> names, String note) {
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
          .append(note)
          .append(": their papers are flagged and lifted in your results (where sources list")
          .append(" authors).");
    }
    if (!already.isEmpty()) {
      reply
          .append(reply.isEmpty() ? "" : " ")
          .append("You already follow ")
          .append(starred(already))
          .append(added.isEmpty() ? note : "")
          .append('.');
    }
    return Reply.privateText(reply.toString());
  }

  /** Unfollows all the names or, when one is not followed, none. */
  private Reply unfollow(MemberKey member, Iterable<String> names, String note) {
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
              + note
              + (stored.isEmpty() ? "" : ", so I unfollowed no one")
              + ". `/topics list` shows who you follow.");
    }
    stored.forEach(name -> store.unfollow(member, name));
    return Reply.privateText("Stopped following " + starred(firstSpellings(stored)) + note + ".");
  }

  /**
   * The followed spellings of a name (one, or several stored before names compared by key, or
   * before they compared without accents).
   */
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
    return TopicText.key(name);
  }

  private static String cut(String typed) {
    return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
  }

  private static String starred(List<String> names) {
    return Listing.of(names.stream().map(UserText::emphasis).toList());
  }
}
