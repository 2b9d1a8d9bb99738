package paperbot.command;

import static java.util.stream.Collectors.joining;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatRequest;
import paperbot.chat.CommandSpec;
import paperbot.chat.CommandSpec.Option;
import paperbot.chat.Platform;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.digest.DigestRunner;
import paperbot.digest.DigestSchedule;
import paperbot.recommender.digest.DigestStore;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.rank.TopicSubject;
import paperbot.recommender.search.PaperIndex;

/**
 * {@code /digest subscribe [me] [HH:MM] [zone] [days:mon-fri] [topics, ...]}, {@code status},
 * {@code preview}, {@code now}, {@code unsubscribe}: a daily digest of trending papers for a
 * channel, or for one member.
 */
public final class DigestCommand implements ChatCommand {
  private static final Logger log = LoggerFactory.getLogger(DigestCommand.class);

  public static final String NAME = "digest";
  static final int SIZE = 5;

  /** A subscription's topics, joined by "|", fill a column of this many characters. */
  static final int MAX_TOPICS_CHARS = 2000;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE MMM d, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE MMM d", Locale.ENGLISH);
  private static final String USAGE =
      "Use `/digest subscribe [me] [HH:MM] [time zone] [days:mon-fri] [topics, ...]`,"
          + " `/digest status`, `/digest preview [me]`, `/digest now [me]`, `/digest unsubscribe [me]`,"
          + " `/digest mentions on|off` or `/digest team on|off [HH:MM] [time zone]`.";
  private static final String MENTIONS_USAGE =
      "Use `/digest mentions on` to be mentioned when a channel digest has a paper on one of "
          + "your topics, `/digest mentions off` to stop.";
  private static final String TEAM_USAGE =
      "Use `/digest team on [HH:MM] [time zone]` for a Monday post of what this team liked "
          + "and saved most, `/digest team off` to stop it.";

  /** The subcommands, as typed ({@code stop} is another word for unsubscribe). */
  static final Set<String> ACTIONS =
      Set.of("subscribe", "status", "preview", "now", "unsubscribe", "stop", "mentions", "team");

  /** The subcommands that take {@code me}: the others read it as any other word. */
  private static final Set<String> TAKE_ME =
      Set.of("subscribe", "preview", "now", "unsubscribe", "stop");

  private final DigestStore store;
  private final paperbot.recommender.profile.ProfileStore profiles;
  private final DigestSchedule schedule;
  private final DigestRunner runner;
  private final ZoneId defaultZone;
  private final ProfileLimits limits;

  /** Tells a channel whose topic has a word no paper has what the topic follows instead. */
  private final PaperIndex index;

  public DigestCommand(
      DigestStore store,
      paperbot.recommender.profile.ProfileStore profiles,
      DigestSchedule schedule,
      DigestRunner runner,
      ZoneId defaultZone,
      ProfileLimits limits,
      PaperIndex index) {
    this.store = store;
    this.index = index;
    this.profiles = profiles;
    this.schedule = schedule;
    this.runner = runner;
    this.defaultZone = defaultZone;
    this.limits = limits;
  }

  @Override
  public List<CommandSpec> specs() {
    return List.of(
        CommandSpec.command(NAME, "Daily trending papers for this channel or for you")
            .usage(
                "subscribe [me] [HH:MM] [zone] [days:mon-fri] [topics] | status | preview | now"
                    + " | unsubscribe | mentions on|off | team on|off")
            .subcommands(
                CommandSpec.command(
                        "subscribe", "Post trending papers here every announcement day (or to you)")
                    .options(
                        Option.flag("me", "Only for you, ranked by your profile"),
                        Option.text("time", "Local time: 21:00, 9pm or 9:30 am (default 09:00)")
                            .optional(),
                        Option.text(
                                "zone", "Time zone: Europe/Berlin, PST or UTC+05:30 (default UTC)")
                            .optional(),
                        Option.text("days", "e.g. mon-fri (default) or mon,wed,fri").optional(),
                        Option.text("topics", "Topics, comma separated (default: all)").optional()),
                CommandSpec.command("status", "What is scheduled here and when it runs next"),
                CommandSpec.command("preview", "What the digest would post now")
                    .options(Option.flag("me", "Your own digest")),
                CommandSpec.command("now", "Post the digest now")
                    .options(Option.flag("me", "Your own digest")),
                CommandSpec.command("unsubscribe", "Stop the digest")
                    .options(Option.flag("me", "Your own digest")),
                CommandSpec.command(
                        "mentions", "Be mentioned when a channel digest matches your topics")
                    .options(Option.text("switch", "on or off").choices("on", "off")),
                CommandSpec.command("team", "A Monday post of what this team liked and saved most")
                    .options(
                        Option.text("switch", "on or off").choices("on", "off"),
                        Option.text("time", "Local time: 21:00, 9pm or 9:30 am (default 09:00)")
                            .optional(),
                        Option.text(
                                "zone", "Time zone: Europe/Berlin, PST or UTC+05:30 (default UTC)")
                            .optional())));
  }

  @Override
  public Reply handle(ChatRequest request) {
    List<String> words = new ArrayList<>(Arrays.asList(request.text().strip().split("\\s+")));
    String action = words.isEmpty() ? "" : words.remove(0).toLowerCase(Locale.ROOT);
    boolean typedMe =
        TAKE_ME.contains(action) && !words.isEmpty() && words.get(0).equalsIgnoreCase("me");
    boolean me = TAKE_ME.contains(action) && (request.flag("me") || typedMe);
    if (typedMe) {
      words.remove(0);
    }
    boolean changesChannel =
        !me && List.of("subscribe", "unsubscribe", "stop", "now", "team").contains(action);
    if (changesChannel && !request.canManageChannel()) {
      // Each platform's own word for who may: Slack asks whether the member is an admin.
      return Reply.privateText(
          "Setting up this channel's digest needs "
              + (request.platform() == Platform.SLACK
                  ? "a workspace admin or owner"
                  : "the Manage Channels permission")
              + " here. `/digest subscribe me` sets up one just for you.");
    }
    // Only subscribe and team read more words, and mentions its switch: a word left after any
    // other subcommand (`unsubscribe mee`) is refused before anything is done.
    int takes =
        switch (action) {
          case "status", "", "preview", "now", "unsubscribe", "stop" -> 0;
          case "mentions" -> 1;
          default -> words.size();
        };
    if (words.size() > takes) {
      return notUnderstood(action, words.get(takes));
    }
    return switch (action) {
      case "subscribe" -> subscribe(request, me, words);
      case "status", "" -> status(request);
      case "preview" -> find(request, me).map(this::preview).orElseGet(() -> notSubscribed(me));
      case "now" -> find(request, me).map(this::now).orElseGet(() -> notSubscribed(me));
      case "unsubscribe", "stop" -> unsubscribe(request, me);
      case "mentions" -> mentions(request, request.option("switch").orElse(first(words)));
      case "team" -> team(request, words);
      default -> Reply.privateText("I don't know `/digest " + cut(action) + "`. " + USAGE);
    };
  }

  /**
   * The schedule and topics of {@code subscribe}: typed options as they came, or the typed words
   * (where anything that is not a time, days or a time zone is a topic).
   */
  private Reply subscribe(ChatRequest request, boolean me, List<String> words) {
    if (!me && request.cannotPost() != null) {
      // Saved, it would fail every morning where no one looks: say so now, while someone is here.
      return Reply.privateText(
          "paperbot cannot post in this channel, so its digest would never arrive: "
              + request.cannotPost()
              + ". Nothing was changed; subscribe again once it can, or use `/digest subscribe"
              + " me` for a digest in your direct messages.");
    }
    ScheduleSpec when;
    String topicText;
    if (request.options().isEmpty()) {
      List<String> topicWords = new ArrayList<>();
      when = ScheduleSpec.fromWords(words, defaultZone, Subscription.WEEKDAYS, topicWords);
      topicText = String.join(" ", topicWords);
    } else {
      when =
          ScheduleSpec.of(
              request.option("time").orElse(null),
              request.option("zone").orElse(null),
              request.option("days").orElse(null),
              defaultZone,
              Subscription.WEEKDAYS);
      topicText = request.option("topics").orElse("");
    }
    if (me && !topicText.isBlank()) {
      return Reply.privateText(
          "A digest just for you follows your `/topics`, so it takes no topics of its own: I don't"
              + " understand `"
              + cut(topicText.strip().split("\\s+")[0])
              + "` there. Use `/digest subscribe me [HH:MM] [time zone] [days:mon-fri]`, e.g."
              + " `/digest subscribe me 9pm Europe/Berlin`.");
    }
    List<String> topics = me ? List.of() : topics(topicText);
    if (topics.contains("me")) {
      return Reply.privateText(
          "Put `me` right after `subscribe`: `/digest subscribe me 9pm` sets up a digest just for"
              + " you. Nothing was changed.");
    }
    if (topics.size() > limits.maxTopics()) {
      return Reply.privateText(
          "That is "
              + topics.size()
              + " topics; a digest follows at most "
              + limits.maxTopics()
              + ", as many as `/topics` keeps. Give fewer, or none to follow all topics."
              + " Nothing was changed.");
    }
    for (String topic : topics) {
      String problem = TopicText.problem(topic, TopicText.Kind.TOPIC, limits);
      if (problem != null) {
        return Reply.privateText(problem);
      }
    }
    int stored = String.join("|", topics).length();
    if (stored > MAX_TOPICS_CHARS) {
      return Reply.privateText(
          "Those topics come to "
              + stored
              + " characters together; a digest keeps at most 2,000. Give fewer or shorter"
              + " topics. Nothing was changed.");
    }
    Optional<Subscription> before = find(request, me);
    Subscription saved =
        store.save(
            new Subscription(
                0,
                request.platform().name(),
                request.workspace(),
                me ? request.user() : request.channel(),
                me ? Subscription.Kind.MEMBER : Subscription.Kind.CHANNEL,
                request.user(),
                when.at(),
                when.zone(),
                when.days(),
                topics,
                SIZE,
                null));
    schedule.schedule(saved);
    // A subscribe replaces the whole digest (what it leaves out takes its default): say what it
    // was, so a time given alone does not silently drop the zone or topics set before.
    String was = before.map(DigestCommand::describe).orElse(null);
    String now = describe(saved);
    boolean changed = was != null && !was.equals(now);
    String done =
        was == null
            ? "Subscribed" + (me ? " you" : " this channel")
            : changed
                ? "Changed " + (me ? "your" : "this channel's") + " digest"
                : (me ? "Your" : "This channel's") + " digest stays";
    return Reply.privateText(
        done
            + ": "
            + now
            + when.zoneNote()
            + " Next: "
            + next(saved)
            + ". `/digest preview"
            + (me ? " me" : "")
            + "` shows what it would post now."
            + (changed ? " It was " + was : "")
            + topics.stream()
                .map(topic -> TopicText.spellingNote(index, topic))
                .collect(joining()));
  }

  private Reply mentions(ChatRequest request, String typed) {
    String choice = typed.toLowerCase(Locale.ROOT);
    if (!choice.equals("on") && !choice.equals("off")) {
      return Reply.privateText(MENTIONS_USAGE);
    }
    boolean on = profiles.setDigestMentions(request.member(), choice.equals("on"));
    return Reply.privateText(
        on
            ? "Channel digests here will mention you when a paper matches one of your topics."
            : "Channel digests won't mention you any more.");
  }

  /** The weekly team post: Mondays at the given time (09:00 by default). */
  private Reply team(ChatRequest request, List<String> words) {
    String choice = request.option("switch").orElse(first(words)).toLowerCase(Locale.ROOT);
    if (!words.isEmpty() && request.options().isEmpty()) {
      words.remove(0);
    }
    if (choice.equals("off") && !words.isEmpty() && request.options().isEmpty()) {
      return notUnderstood("team off", words.get(0));
    }
    if (choice.equals("off")) {
      Optional<Subscription> found =
          store.find(
              request.platform().name(),
              request.workspace(),
              request.channel(),
              Subscription.Kind.TEAM);
      found.ifPresent(s -> {
        schedule.unschedule(s.id());
        store.delete(s.id());
      });
      return Reply.privateText(
          found.isPresent()
              ? "Stopped the weekly team post here."
              : "There is no weekly team " + "post here.");
    }
    if (!choice.equals("on")) {
      return Reply.privateText(TEAM_USAGE);
    }
    Set<DayOfWeek> mondays = Set.of(DayOfWeek.MONDAY);
    ScheduleSpec when =
        request.options().isEmpty()
            ? ScheduleSpec.fromWordsOnly(words, defaultZone, mondays)
            : ScheduleSpec.of(
                request.option("time").orElse(null),
                request.option("zone").orElse(null),
                null,
                defaultZone,
                mondays);
    if (!when.days().equals(mondays)) {
      return Reply.privateText(
          "The team post is on Mondays; it takes no days. " + TEAM_USAGE + " Nothing was changed.");
    }
    LocalTime at = when.at();
    ZoneId zone = when.zone();
    Subscription saved =
        store.save(
            new Subscription(
                0,
                request.platform().name(),
                request.workspace(),
                request.channel(),
                Subscription.Kind.TEAM,
                request.user(),
                at,
                zone,
                Set.of(DayOfWeek.MONDAY),
                List.of(),
                SIZE,
                null));
    schedule.schedule(saved);
    return Reply.privateText(
        "Every Monday at "
            + at
            + " "
            + zone.getId()
            + " this channel gets the papers the team "
            + "liked and saved most that week."
            + when.zoneNote()
            + " Next: "
            + next(saved)
            + ".");
  }

  private Reply status(ChatRequest request) {
    List<Subscription> all =
        store.inWorkspace(request.platform().name(), request.workspace()).stream()
            // A channel's digests and team posts are the channel's, whoever set them up (any
            // manager can stop them); a member's own digest is theirs alone.
            .filter(s -> s.kind() != Subscription.Kind.MEMBER || s.owner().equals(request.user()))
            .toList();
    if (all.isEmpty()) {
      return Reply.privateText("No digests here yet. " + USAGE);
    }
    StringBuilder text = new StringBuilder("Digests:");
    for (Subscription s : all) {
      text.append("\n• ")
          .append(
              s.kind() == Subscription.Kind.MEMBER
                  ? "you"
                  : (s.kind() == Subscription.Kind.TEAM ? "team picks in channel " : "channel ")
                      + s.destination())
          .append(": ")
          .append(describe(s))
          .append(" Next: ")
          .append(next(s))
          .append('.');
      store
          .lastRefused(s.id())
          .ifPresent(refused ->
              text.append("\n  Last post refused ")
                  .append(refused.day().format(DAY))
                  .append(": ")
                  .append(refused.reason())
                  .append('.'));
    }
    return Reply.privateText(text.toString());
  }

  private Reply preview(Subscription subscription) {
    Reply digest = runner.compose(subscription).reply();
    return new Reply(
        "Preview (not posted, not counted as sent). " + digest.text(),
        digest.cards(),
        List.of(),
        true);
  }

  private Reply now(Subscription subscription) {
    DigestRunner.Attempt attempt = runner.postNow(subscription);
    return Reply.privateText(
        switch (attempt.outcome()) {
          case POSTED, QUIET -> "Posted today's digest.";
          case REFUSED ->
              "The digest was not posted: "
                  + attempt.refused().map(PostResult.Refused::reason).orElse("")
                  + ".";
          case NO_OUTBOX ->
              "I can't post there from this process right now; the scheduled digest will still run.";
          default -> "The digest could not be posted; I'll try again at the scheduled time.";
        });
  }

  private Reply unsubscribe(ChatRequest request, boolean me) {
    Optional<Subscription> found = find(request, me);
    if (found.isEmpty()) {
      return notSubscribed(me);
    }
    schedule.unschedule(found.get().id());
    store.delete(found.get().id());
    return Reply.privateText(
        "Unsubscribed" + (me ? " you" : " this channel") + " from the digest.");
  }

  /** A word after a subcommand that takes none (or no more): nothing is done. */
  private static Reply notUnderstood(String action, String word) {
    String help =
        switch (action) {
          case "unsubscribe", "stop" ->
              "`/digest unsubscribe` stops this channel's digest, `/digest unsubscribe me` stops"
                  + " yours.";
          case "preview" ->
              "`/digest preview` shows what this channel's digest would post now, `/digest preview"
                  + " me` what yours would.";
          case "now" ->
              "`/digest now` posts this channel's digest now, `/digest now me` sends you yours.";
          case "mentions" -> MENTIONS_USAGE;
          case "team off" -> "`/digest team off` stops the weekly team post here.";
          default -> "`/digest status` lists the digests here and when they run next.";
        };
    return Reply.privateText(
        "I don't understand `"
            + cut(word)
            + "` after `/digest "
            + (action.isEmpty() ? "status" : action)
            + "`, so nothing was changed. "
            + help);
  }

  /**
   * The platform says a channel was deleted: its digest ends with it (no one could unsubscribe a
   * channel that is gone, and every run would only be refused). Members' own digests stay.
   */
  void channelDeleted(String platform, String workspace, String channel) {
    store
        .find(platform, workspace, channel, Subscription.Kind.CHANNEL)
        .ifPresent(subscription -> {
          schedule.unschedule(subscription.id());
          store.delete(subscription.id());
          log.info(
              "digest ended subscription={} platform={} reason=channel_deleted",
              subscription.id(),
              platform);
        });
  }

  private Optional<Subscription> find(ChatRequest request, boolean me) {
    return store.find(
        request.platform().name(),
        request.workspace(),
        me ? request.user() : request.channel(),
        me ? Subscription.Kind.MEMBER : Subscription.Kind.CHANNEL);
  }

  private static Reply notSubscribed(boolean me) {
    return Reply.privateText(
        (me ? "You have" : "This channel has")
            + " no digest. Start one with `/digest subscribe"
            + (me ? " me" : "")
            + " 09:00 Europe/Berlin`.");
  }

  private String next(Subscription s) {
    Optional<Instant> next = schedule.nextRun(s.id());
    return next.map(instant -> WHEN.format(instant.atZone(s.zone())) + " " + s.zone().getId())
        .orElse("not scheduled");
  }

  private static String describe(Subscription s) {
    String days =
        s.days().equals(Subscription.WEEKDAYS)
            ? "on weekdays"
            : s.days().size() == DayOfWeek.values().length
                ? "every day"
                : "on "
                    + s.days().stream()
                        .sorted()
                        .map(d ->
                            d.name().substring(0, 1)
                                + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("no days");
    String about =
        s.kind() == Subscription.Kind.TEAM
            ? "what the team liked and saved"
            : s.kind() == Subscription.Kind.MEMBER
                ? "ranked by your profile"
                : s.topics().isEmpty()
                    ? "all topics"
                    : UserText.literal(String.join(", ", s.topics()));
    return s.size()
        + " papers at "
        + s.at()
        + " "
        + s.zone().getId()
        + " "
        + days
        + " ("
        + about
        + ").";
  }

  /** The typed topics, each once as first spelled ("café, cafe" is one topic, as in /topics). */
  private static List<String> topics(String text) {
    Map<String, String> byKey = new LinkedHashMap<>();
    Arrays.stream(text.split(","))
        .map(TopicText::normalise)
        .map(TopicSubject::of) // a topic typed as a question, as /topics add keeps it
        .filter(t -> !t.isEmpty())
        .forEach(topic -> byKey.putIfAbsent(TopicText.key(topic), topic));
    return List.copyOf(byKey.values());
  }

  private static String first(List<String> words) {
    return words.isEmpty() ? "" : words.get(0);
  }

  private static String cut(String text) {
    return ScheduleSpec.cut(text);
  }
}
