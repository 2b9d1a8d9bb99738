package paperbot.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  /** The subcommands, as typed (with the other words for remove). */
  static final Set<String> ACTIONS =
      Set.of("add", "remove", "rm", "delete", "list", "mute", "unmute", "clear");

  /**
   * A word meant as a number: digits and dots ("2", "1.5", "1.2.3", ".5"), with an exponent, in
   * hexadecimal, or not a number or infinite as Java spells them. Read as the topic's weight, and
   * refused when it is not a valid one; "3d" or "4o" are words of the topic.
   */
  private static final Pattern LOOKS_NUMERIC =
      Pattern.compile(
          "[+-]?(?:(?=[0-9.]*[0-9])[0-9.]++(?:e[+-]?[0-9]+)?|0x[0-9a-f]+|nan|inf|infinity)",
          Pattern.CASE_INSENSITIVE);

  /** A weight as it may be typed. */
  private static final Pattern DECIMAL =
      Pattern.compile(
          "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:e[+-]?[0-9]+)?", Pattern.CASE_INSENSITIVE);

  /**
   * A weight with its name, as {@code /topics list} shows it ({@code (weight 2)}) or as typed
   * ({@code weight 2}, {@code weight: 2}, {@code weight=2}); the topic before it is kept.
   */
  private static final Pattern SPELLED_WEIGHT =
      Pattern.compile("(?i)^(\\S.*?)\\s*\\(?\\s*\\bweight\\s*[:=]?\\s*([+-]?[0-9.]+)\\s*\\)?$");

  /**
   * A weight typed as search weighs a word ({@code offline rl^2}): at the end of a topic it is the
   * topic's weight.
   */
  private static final Pattern CARET_WEIGHT =
      Pattern.compile("^(\\S.*?)\\s*\\^\\s*([+-]?[0-9.]*[0-9][0-9.]*)$");

  /**
   * A question's opening word or its closing question mark: a topic typed as a question is one
   * topic, commas and all ("how do I fine-tune a model on new tasks, without forgetting?"), not a
   * list whose second item reads "without forgetting". Only question words: the chat words {@link
   * TopicSubject} also drops ("papers on diffusion, offline rl") still open a list.
   */
  private static final Pattern QUESTION =
      Pattern.compile(
          "(?i)^\\s*(how|what|why|which|when|where|who|can|could|should|would|is|are|do|does|did)"
              + "\\s|\\?\\s*$");

  /** A word weighed inside a topic ({@code diffusion^2 policy}): a topic has one weight. */
  private static final Pattern WORD_WEIGHT = Pattern.compile("\\^\\s*[+-]?[0-9.]*[0-9]");

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
                        Option.number(
                            "weight", "0.1 to 5 for topics typed without one (default 1)")),
                CommandSpec.command("remove", "Remove one of your topics")
                    .options(
                        Option.text("topic", "One of your topics; several separated by commas")
                            .autocompleted()),
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
      case "add" -> add(member, topic, request.option("weight").orElse(null));
      case "remove", "rm", "delete" -> remove(member, topic);
      case "list", "" -> list(member);
      case "mute" -> mute(member, term);
      case "unmute" -> unmute(member, term);
      case "clear" -> clear(member, rest);
      default ->
          Reply.privateText("I don't know `/topics " + TopicText.shorten(action) + "`. " + USAGE);
    };
  }

  /**
   * The member's topics (for {@code remove}) or mutes (for {@code unmute}) that start with what
   * they typed, all of them (at most the profile's limit): how many a platform shows, and which fit
   * its choices, is the platform's to say.
   */
  List<String> suggest(ChatRequest request, String prefix) {
    InterestProfile profile = store.load(request.member());
    List<String> pool =
        request.text().strip().toLowerCase(Locale.ROOT).startsWith("unmute")
            ? profile.mutes()
            : List.copyOf(profile.topics().keySet());
    String typed = TopicText.key(prefix);
    return pool.stream().filter(value -> TopicText.key(value).startsWith(typed)).toList();
  }

  /**
   * {@code add diffusion policy, offline rl 2}: one topic or several separated by commas or
   * semicolons, each with its own optional weight at its end. A topic without one is added with
   * {@code weightOption} (Slack's and Discord's weight field) or 1, and an existing one keeps its
   * weight. The list is added whole or not at all.
   *
   * @param weightOption the weight field as given, or null
   */
  private Reply add(MemberKey member, String text, String weightOption) {
    Double shared = null;
    if (weightOption != null) {
      Weight weight = Weight.of(weightOption.strip(), "offline rl");
      if (weight.problem() != null) {
        return Reply.privateText(weight.problem());
      }
      shared = weight.value();
    }
    List<String> items = typedTopics(text);
    if (items.isEmpty()) {
      return Reply.privateText(TopicText.problem("", TopicText.Kind.TOPIC, limits));
    }
    // Each topic with the weight given for it, or null, by its key; and its first spelling.
    Map<String, Double> wanted = new LinkedHashMap<>();
    Map<String, String> spelled = new LinkedHashMap<>();
    for (String typed : items) {
      // "offline rl (weight 2)" as /topics list shows it, "offline rl weight 2", "weight: 2".
      String item = SPELLED_WEIGHT.matcher(typed).replaceFirst("$1 $2");
      // "offline rl^2", as a search weighs a word.
      item = CARET_WEIGHT.matcher(item).replaceFirst("$1 $2");
      // Listing.items leaves single spaces: the last word may be the item's weight.
      int space = item.lastIndexOf(' ');
      String topicText = item;
      Double weight = shared;
      if (LOOKS_NUMERIC.matcher(item.substring(space + 1)).matches()) {
        if (space < 0) {
          return Reply.privateText(
              "`"
                  + TopicText.shorten(item)
                  + "` is not a topic. A weight goes after its own topic, e.g. "
                  + "`/topics add offline rl 2, world models 1.5` (a comma separates topics, so "
                  + "decimals take a dot).");
        }
        topicText = item.substring(0, space);
        // "offline rl weight 2 weight 3" became the topic "offline rl weight 2" with weight 3.
        if (SPELLED_WEIGHT.matcher(topicText).matches()) {
          return Reply.privateText(
              "`"
                  + TopicText.shorten(typed)
                  + "` gives two weights; give one, e.g. `/topics add "
                  + TopicText.shorten(
                      TopicSubject.of(
                          TopicText.normalise(
                              SPELLED_WEIGHT.matcher(topicText).replaceFirst("$1"))))
                  + " 2`.");
        }
        Weight own =
            Weight.of(item.substring(space + 1), TopicSubject.of(TopicText.normalise(topicText)));
        if (own.problem() != null) {
          return Reply.privateText(own.problem());
        }
        weight = own.value();
      }
      if (WORD_WEIGHT.matcher(topicText).find()) {
        return Reply.privateText(
            "`"
                + TopicText.shorten(typed)
                + "` weighs a word inside a topic; a topic has one weight, after it, e.g. "
                + "`/topics add diffusion policy 2`.");
      }
      String topic = TopicSubject.of(TopicText.normalise(topicText));
      String problem = TopicText.problem(topic, TopicText.Kind.TOPIC, limits);
      if (problem != null) {
        return Reply.privateText(problem);
      }
      String key = TopicText.key(topic);
      Double before = wanted.get(key);
      if (before != null && weight != null && !before.equals(weight)) {
        return Reply.privateText(
            UserText.emphasis(spelled.get(key))
                + " is in the list twice, with weights "
                + format(before)
                + " and "
                + format(weight)
                + "; give it one.");
      }
      wanted.put(key, before != null ? before : weight);
      spelled.putIfAbsent(key, topic);
    }
    InterestProfile profile = store.load(member);
    Map<String, String> have = byKey(profile.topics().keySet());
    Map<String, Double> added = new LinkedHashMap<>();
    Map<String, Double> updated = new LinkedHashMap<>();
    Map<String, Double> kept = new LinkedHashMap<>();
    wanted.forEach((key, weight) -> {
      // A topic the member has keeps its spelling ("café" stays when "cafe" is typed).
      String stored = have.get(key);
      Double current = stored == null ? null : profile.topics().get(stored);
      if (current == null) {
        added.put(spelled.get(key), weight == null ? 1 : weight);
      } else if (weight == null || weight.equals(current)) {
        kept.put(stored, current);
      } else {
        updated.put(stored, weight);
      }
    });
    String tooMany =
        limits.tooMany(profile.topics().size(), added.size(), "topics", "/topics remove <topic>");
    if (tooMany != null) {
      return Reply.privateText(tooMany);
    }
    StringBuilder reply = new StringBuilder();
    StringBuilder notes = new StringBuilder();
    for (Map<String, Double> changed : List.of(added, updated)) {
      changed.forEach((topic, weight) -> {
        store.addTopic(member, topic, weight);
        notes.append(TopicText.spellingNote(index, topic));
      });
      if (!changed.isEmpty()) {
        reply
            .append(reply.isEmpty() ? "" : " ")
            .append(changed == added ? "Added" : "Updated")
            .append(changed.size() == 1 ? " topic " : " topics ")
            .append(withWeights(changed))
            .append('.');
      }
    }
    if (!kept.isEmpty()) {
      reply
          .append(reply.isEmpty() ? "" : " ")
          .append(withWeights(kept))
          .append(
              kept.size() == 1 ? " is already one of your topics." : " are already your topics.");
      if (added.isEmpty() && updated.isEmpty()) {
        String first = kept.keySet().iterator().next();
        reply.append(" To change a weight, give it: `/topics add ").append(first).append(" 2`.");
      }
    }
    if (!added.isEmpty() || !updated.isEmpty()) {
      reply.append(" `/papers` now ranks papers for your topics.").append(notes);
    }
    return Reply.privateText(reply.toString());
  }

  /**
   * "*a*, *b* and *c* (weight 2)" when they share a weight, else "*a* (weight 1) and *b* (weight
   * 2)".
   */
  private static String withWeights(Map<String, Double> topics) {
    if (topics.values().stream().distinct().count() == 1) {
      return Listing.of(topics.keySet().stream().map(UserText::emphasis).toList())
          + " (weight "
          + format(topics.values().iterator().next())
          + ")";
    }
    return Listing.of(
        topics.entrySet().stream()
            .map(topic ->
                UserText.emphasis(topic.getKey()) + " (weight " + format(topic.getValue()) + ")")
            .toList());
  }

  /**
   * A weight as typed: its value, or why it is not one.
   *
   * @param topic the topic it was given for, for the example in the reply
   */
  private record Weight(double value, String problem) {
    static Weight of(String text, String topic) {
      String example = "e.g. `/topics add " + TopicText.shorten(topic) + " 2`.";
      if (!DECIMAL.matcher(text).matches()) {
        return new Weight(
            0,
            "`"
                + TopicText.shorten(text)
                + "` is not a weight. Weights are numbers from "
                + ProfileLimits.MIN_WEIGHT
                + " to "
                + (int) ProfileLimits.MAX_WEIGHT
                + ", "
                + example);
      }
      double value = Double.parseDouble(text);
      if (!(value >= ProfileLimits.MIN_WEIGHT && value <= ProfileLimits.MAX_WEIGHT)) {
        return new Weight(
            0,
            "Weights go from "
                + ProfileLimits.MIN_WEIGHT
                + " to "
                + (int) ProfileLimits.MAX_WEIGHT
                + " (1 is normal, 2 twice as important), "
                + example);
      }
      return new Weight(value, null);
    }
  }

  /**
   * The topics in what the member typed: a list at its commas and semicolons ({@link
   * Listing#items}), except a question, which is one topic ({@link #QUESTION}).
   */
  private static List<String> typedTopics(String text) {
    List<String> items = Listing.items(text);
    return items.size() > 1 && QUESTION.matcher(text).find() ? List.of(oneTopic(items)) : items;
  }

  /** The items of a list read back as one topic, with its commas. */
  private static String oneTopic(List<String> items) {
    return String.join(", ", items);
  }

  /**
   * {@code remove offline rl, world models}: one topic or several, removed all or none (a topic
   * typed as a question is found as what it asks about, as {@code add} stored it).
   */
  private Reply remove(MemberKey member, String text) {
    List<String> items = typedTopics(text);
    if (items.isEmpty()) {
      return Reply.privateText(
          "Which topic? For example `/topics remove offline rl`. `/topics list` shows yours.");
    }
    // By key: a topic stored with its quotes before they were dropped, or with accents the
    // member types without, is still removed as typed.
    Map<String, List<String>> have = new LinkedHashMap<>();
    for (String stored : store.load(member).topics().keySet()) {
      have.computeIfAbsent(TopicText.key(stored), key -> new ArrayList<>()).add(stored);
    }
    // A topic stored with a comma (a question's subject, as /topics list shows it) is one topic.
    String whole = TopicText.normalise(oneTopic(items));
    if (items.size() > 1 && have.containsKey(TopicText.key(whole))) {
      items = List.of(whole);
    }
    List<String> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String item : items) {
      String topic = TopicText.normalise(item);
      List<String> stored = have.get(TopicText.key(topic));
      if (stored == null) {
        stored = have.get(TopicText.key(TopicSubject.of(topic)));
      }
      if (stored == null) {
        missing.add(UserText.emphasis(TopicText.shorten(topic)));
      } else {
        stored.stream().filter(name -> !found.contains(name)).forEach(found::add);
      }
    }
    if (!missing.isEmpty()) {
      return Reply.privateText(
          "You have no topic "
              + Listing.of(missing, "or")
              + (found.isEmpty() ? "" : ", so I removed none")
              + ". `/topics list` shows yours.");
    }
    found.forEach(topic -> store.removeTopic(member, topic));
    return Reply.privateText(
        (found.size() == 1 ? "Removed topic " : "Removed topics ")
            + Listing.of(found.stream().map(UserText::emphasis).toList())
            + ".");
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

  /**
   * {@code mute voice cloning, tts}: one term or several; a list with a term that can't be muted
   * mutes none and names it.
   */
  private Reply mute(MemberKey member, String text) {
    NameList reading = reading(member, text);
    if (reading.ambiguous()) {
      return ambiguous(reading, "mute", "I muted nothing");
    }
    List<String> terms = terms(reading);
    for (String term : terms.isEmpty() ? List.of("") : terms) {
      String problem = TopicText.problem(term, TopicText.Kind.MUTE, limits);
      if (problem != null) {
        return Reply.privateText(problem);
      }
    }
    List<String> mutes = store.load(member).mutes();
    Map<String, String> have = byKey(mutes);
    // A term muted already is named as stored ("café" when "cafe" is typed).
    List<String> already =
        terms.stream()
            .map(term -> have.get(TopicText.key(term)))
            .filter(stored -> stored != null)
            .toList();
    List<String> muted =
        terms.stream().filter(term -> !have.containsKey(TopicText.key(term))).toList();
    String tooMany =
        limits.tooMany(mutes.size(), muted.size(), "muted terms", "/topics unmute <term>");
    if (tooMany != null) {
      return Reply.privateText(tooMany);
    }
    muted.forEach(term -> store.mute(member, term));
    StringBuilder reply = new StringBuilder();
    if (!muted.isEmpty()) {
      reply
          .append("Muted ")
          .append(emphasised(muted))
          .append(reading.note())
          .append(": papers about ")
          .append(muted.size() == 1 ? "it" : "them")
          .append(" won't be recommended to you. `/topics unmute ")
          .append(TopicText.shorten(String.join(", ", muted)))
          .append("` undoes it.");
    }
    if (!already.isEmpty()) {
      reply
          .append(reply.isEmpty() ? "" : " ")
          .append(emphasised(already))
          .append(muted.isEmpty() ? reading.note() : "")
          .append(already.size() == 1 ? " was already muted." : " were already muted.");
    }
    return Reply.privateText(reply.toString());
  }

  /** {@code unmute voice cloning, tts}: all of them, or none when one of them is not muted. */
  private Reply unmute(MemberKey member, String text) {
    NameList reading = reading(member, text);
    if (reading.joined()) {
      reading = reading.asStored(store.load(member).mutes());
    }
    if (reading.ambiguous()) {
      return ambiguous(reading, "unmute", "I unmuted none");
    }
    List<String> terms = terms(reading);
    if (terms.isEmpty()) {
      return Reply.privateText("Which term? For example `/topics unmute voice cloning`.");
    }
    // By key: a term muted with accents is unmuted typed without them, in every spelling stored.
    Map<String, List<String>> mutes = new LinkedHashMap<>();
    for (String stored : store.load(member).mutes()) {
      mutes.computeIfAbsent(TopicText.key(stored), key -> new ArrayList<>()).add(stored);
    }
    List<String> missing =
        terms.stream().filter(term -> !mutes.containsKey(TopicText.key(term))).toList();
    if (!missing.isEmpty()) {
      return Reply.privateText(
          Listing.of(
                  missing.stream().map(term -> UserText.emphasis(TopicText.shorten(term))).toList(),
                  "or")
              + (missing.size() == 1 ? " was not muted" : " were not muted")
              + reading.note()
              + (missing.size() < terms.size() ? ", so I unmuted none" : "")
              + ". `/topics list` shows what is.");
    }
    List<String> unmuted = new ArrayList<>();
    for (String term : terms) {
      for (String stored : mutes.get(TopicText.key(term))) {
        store.unmute(member, stored);
        unmuted.add(stored);
      }
    }
    return Reply.privateText("Unmuted " + emphasised(unmuted) + reading.note() + ".");
  }

  /**
   * A typed list of terms, "Levine, Sergey" read as one author's name when papers list such an
   * author, and each of "Levine, Sergey; Finn, Chelsea" likewise ({@link NameList}), as {@code
   * /follow} reads it ("and" stays a word of a term: "search and rescue").
   */
  private NameList reading(MemberKey member, String text) {
    return NameList.read(text, item -> item, index, () -> store.load(member).mutes(), false);
  }

  /** "“Levine, S.” could be *Sergey Levine* or *Samuel Levine*; I muted nothing. Type ...". */
  private static Reply ambiguous(NameList reading, String action, String nothing) {
    return Reply.privateText(
        reading.choices()
            + "; "
            + nothing
            + ". Type the full name, e.g. `/topics "
            + action
            + " "
            + TopicText.shorten(TopicText.normalise(reading.people().get(0)))
            + "`.");
  }

  /** The terms of a typed list, each as stored, each once (by key: "café, cafe" is one). */
  private static List<String> terms(NameList reading) {
    return List.copyOf(byKey(reading.names().stream().map(TopicText::normalise).toList()).values());
  }

  /** Each text by its key ({@link TopicText#key}), the first of those that share one. */
  private static Map<String, String> byKey(Iterable<String> texts) {
    Map<String, String> byKey = new LinkedHashMap<>();
    texts.forEach(text -> byKey.putIfAbsent(TopicText.key(text), text));
    return byKey;
  }

  private static String emphasised(List<String> terms) {
    return Listing.of(terms.stream().map(UserText::emphasis).toList());
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
              "Yes, clear " + Listing.count(count, "topic"),
              CONFIRM,
              "/topics clear confirm");
      return new Reply(
          (count == 1
                  ? "This removes your one topic."
                  : "This removes all " + count + " of your topics.")
              + " Are you sure?",
          List.of(),
          List.of(confirm),
          true);
    }
    int cleared = store.clearTopics(member);
    return Reply.privateText(
        "Cleared "
            + Listing.count(cleared, "topic")
            + ". Mutes, follows and saved papers are kept.");
  }

  static String format(double weight) {
    return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
  }
}
