package paperbot.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.Reply;
import paperbot.chat.ReplyButton;
import paperbot.chat.UserText;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.rank.TopicSubject;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /topics add|remove|list|mute|unmute|clear}: the member's own interest topics and muted
 * terms.
 */
public final class TopicsCommand implements ChatCommand {
  public static final String NAME = "topics";
  public static final String CONFIRM = "confirm";
  private static final Pattern TRAILING_NUMBER =
      Pattern.compile("^(.*?)\\s+(-?[0-9][0-9.,]*|-?\\.[0-9]+)$");
  private static final String USAGE =
      "Use `/topics add <topic> [weight]`, `/topics remove <topic>`, `/topics list`, "
          + "`/topics mute <term>`, `/topics unmute <term>` or `/topics clear`.";

  private final ProfileStore store;
  private final ProfileLimits limits;

  /** Tells a member whose topic has a word no paper has what the topic follows instead. */
  private final PaperIndex index;

  public TopicsCommand(ProfileStore store, PaperIndex index, ProfileLimits limits) {
    this.store = store;
    this.index = index;
    this.limits = limits;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command(NAME, "Your interest topics")
            .usage(
                "add <topic> [weight] | remove <topic> | list | mute <term> | unmute <term> | clear")
            .subcommands(
                CommandSpec.command("add", "Add a topic, or change its weight")
                    .options(
                        Option.text("topic", "e.g. offline rl; several separated by commas"),
                        Option.number("weight", "0.1 to 5 (default 1)")),
                CommandSpec.command("remove", "Remove one of your topics")
                    .options(Option.text("topic", "One of your topics").autocompleted()),
                CommandSpec.command("list", "Your topics, mutes and follows"),
                CommandSpec.command("mute", "Never show papers about a term")
                    .options(Option.text("term", "e.g. voice cloning")),
                CommandSpec.command("unmute", "Show papers about a muted term again")
                    .options(Option.text("term", "One of your muted terms").autocompleted()),
                CommandSpec.command("clear", "Remove all your topics (asks first)")));
  }

  @Override
  public Reply handle(ChatRequest request) {
    String text = request.text().strip();
    int space = text.indexOf(' ');
    String action = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    String rest = space < 0 ? "" : text.substring(space + 1).strip();
    MemberKey member = request.member();
    String topic = request.option("topic").orElse(rest);
    String term = request.option("term").orElse(rest);
    return switch (action) {
      case "add" ->
          request.options().isEmpty()
              ? add(member, rest)
              : add(member, topic, request.option("weight").orElse(null));
      case "remove", "rm", "delete" -> remove(member, TopicText.normalise(topic));
      case "list", "" -> list(member);
      case "mute" -> mute(member, TopicText.normalise(term));
      case "unmute" -> unmute(member, TopicText.normalise(term));
      case "clear" -> clear(member, rest);
      default -> Reply.privateText("I don't know `/topics " + shorten(action) + "`. " + USAGE);
    };
  }

  /**
   * The member's topics (for {@code remove}) or mutes (for {@code unmute}) that start with what
   * they typed.
   */
  List<String> suggest(ChatRequest request, String prefix) {
    InterestProfile profile = store.load(request.member());
    List<String> pool =
        request.text().strip().toLowerCase(Locale.ROOT).startsWith("unmute")
            ? profile.mutes()
            : List.copyOf(profile.topics().keySet());
    String typed = TopicText.normalise(prefix);
    return pool.stream().filter(value -> value.startsWith(typed)).limit(25).toList();
  }

  /** {@code add offline rl 2}: the topic as typed, with an optional weight at the end. */
  private Reply add(MemberKey member, String rest) {
    Matcher number = TRAILING_NUMBER.matcher(rest);
    return number.matches()
        ? add(member, number.group(1), number.group(2))
        : add(member, rest, null);
  }

  /**
   * @param weightText the weight as given, or null for 1
   */
  private Reply add(MemberKey member, String topicText, String weightText) {
    double weight = 1;
    if (weightText != null) {
      try {
        weight = Double.parseDouble(weightText.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        return Reply.privateText(
            "`"
                + shorten(weightText)
                + "` is not a weight. Weights are numbers from "
                + ProfileLimits.MIN_WEIGHT
                + " to "
                + (int) ProfileLimits.MAX_WEIGHT
                + ", e.g. `/topics add offline rl 2`.");
      }
    }
    List<String> topics = topicsOf(topicText);
    for (String topic : topics) {
      String problem = TopicText.problem(topic, "topic", limits);
      if (problem != null) {
        return Reply.privateText(problem);
      }
    }
    if (weight < ProfileLimits.MIN_WEIGHT
        || weight > ProfileLimits.MAX_WEIGHT
        || Double.isNaN(weight)) {
      return Reply.privateText(
          "Weights go from "
              + ProfileLimits.MIN_WEIGHT
              + " to "
              + (int) ProfileLimits.MAX_WEIGHT
              + " (1 is normal, 2 twice as important), e.g. `/topics add "
              + topics.get(0)
              + " 2`.");
    }
    InterestProfile profile = store.load(member);
    long added = topics.stream().filter(topic -> !profile.topics().containsKey(topic)).count();
    if (added > 0 && profile.topics().size() + added > limits.maxTopics()) {
      int have = profile.topics().size();
      return Reply.privateText(
          have >= limits.maxTopics()
              ? "You have "
                  + have
                  + " topics, the most I keep. Remove one first with `/topics remove <topic>`."
              : "You have "
                  + have
                  + " topics, and these "
                  + added
                  + " would make more than the "
                  + limits.maxTopics()
                  + " I keep. Add fewer, or remove one first with `/topics remove <topic>`.");
    }
    StringBuilder notes = new StringBuilder();
    for (String topic : topics) {
      store.addTopic(member, topic, weight);
      notes.append(TopicText.spellingNote(index, topic));
    }
    String verb = added == topics.size() ? "Added" : added == 0 ? "Updated" : "Added or updated";
    return Reply.privateText(
        verb
            + (topics.size() == 1 ? " topic " : " topics ")
            + Listing.of(topics.stream().map(UserText::emphasis).toList())
            + " (weight "
            + format(weight)
            + "). `/papers` now ranks papers for your topics."
            + notes);
  }

  /**
   * The topics of {@code /topics add}: one, or several separated by commas or semicolons
   * ("diffusion policy, offline rl"), as {@code /digest subscribe} takes a channel's. A topic typed
   * as a question is stored as what it asks about.
   */
  private static List<String> topicsOf(String text) {
    List<String> topics =
        Arrays.stream(text.split("[,;]"))
            .map(part -> TopicSubject.of(TopicText.normalise(part)))
            .filter(topic -> !topic.isEmpty())
            .distinct()
            .toList();
    return topics.isEmpty() ? List.of(TopicSubject.of(TopicText.normalise(text))) : topics;
  }

  private Reply remove(MemberKey member, String topic) {
    if (topic.isEmpty()) {
      return Reply.privateText(
          "Which topic? For example `/topics remove offline rl`. `/topics list` shows yours.");
    }
    return Reply.privateText(
        store.removeTopic(member, topic)
            ? "Removed topic " + UserText.emphasis(topic) + "."
            : "You have no topic "
                + UserText.emphasis(shorten(topic))
                + ". `/topics list` shows yours.");
  }

  private Reply list(MemberKey member) {
    InterestProfile profile = store.load(member);
    if (profile.isNew() && profile.mutes().isEmpty()) {
      return Reply.privateText(
          "You have no topics yet. Add one with `/topics add offline rl` "
              + "(optionally with a weight: `/topics add diffusion policy 2`).");
    }
    StringBuilder text = new StringBuilder("Your topics:");
    if (profile.topics().isEmpty()) {
      text.append(" none yet (`/topics add <topic>`)");
    }
    for (Map.Entry<String, Double> topic : profile.topics().entrySet()) {
      text.append("\n• ")
          .append(UserText.literal(topic.getKey()))
          .append(" (weight ")
          .append(format(topic.getValue()))
          .append(')');
    }
    if (!profile.mutes().isEmpty()) {
      text.append("\nMuted: ").append(UserText.literal(String.join(", ", profile.mutes())));
    }
    if (!profile.follows().isEmpty()) {
      text.append("\nFollowing: ").append(UserText.literal(String.join(", ", profile.follows())));
    }
    String learned = String.join(", ", profile.learnedWords(8));
    if (!learned.isEmpty()) {
      text.append("\nLearned from your likes: ").append(UserText.literal(learned));
    }
    return Reply.privateText(text.toString());
  }

  private Reply mute(MemberKey member, String term) {
    String problem = TopicText.problem(term, "term to mute", limits);
    if (problem != null) {
      return Reply.privateText(
          problem.replace("/topics add offline rl", "/topics mute voice cloning"));
    }
    return Reply.privateText(
        store.mute(member, term)
            ? "Muted "
                + UserText.emphasis(term)
                + ": papers about it won't be recommended to you. `/topics unmute "
                + term
                + "` undoes it."
            : UserText.emphasis(term) + " was already muted.");
  }

  private Reply unmute(MemberKey member, String term) {
    if (term.isEmpty()) {
      return Reply.privateText("Which term? For example `/topics unmute voice cloning`.");
    }
    return Reply.privateText(
        store.unmute(member, term)
            ? "Unmuted " + UserText.emphasis(term) + "."
            : UserText.emphasis(shorten(term)) + " was not muted. `/topics list` shows what is.");
  }

  private Reply clear(MemberKey member, String rest) {
    int count = store.load(member).topics().size();
    if (count == 0) {
      return Reply.privateText("You have no topics to clear.");
    }
    if (!rest.equalsIgnoreCase(CONFIRM)) {
      ReplyButton confirm =
          new ReplyButton(
              ReplyButton.CLEAR_TOPICS,
              "Yes, clear " + count + " topics",
              CONFIRM,
              "/topics clear confirm");
      return new Reply(
          "This removes all " + count + " of your topics. Are you sure?",
          List.of(),
          List.of(confirm),
          true);
    }
    int cleared = store.clearTopics(member);
    return Reply.privateText(
        "Cleared " + cleared + " topics. Mutes, follows and saved papers are kept.");
  }

  static String format(double weight) {
    return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
