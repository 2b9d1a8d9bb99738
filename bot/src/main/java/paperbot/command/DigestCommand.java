package paperbot.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbot.digest.DigestRunner;
import paperbot.digest.DigestSchedule;
import paperbot.recommender.digest.DigestStore;
import paperbot.recommender.digest.Subscription;

/**
 * {@code /digest subscribe [me] [HH:MM] [zone] [days:mon-fri] [topics, ...]}, {@code status},
 * {@code preview}, {@code now}, {@code unsubscribe}: a daily digest of trending papers for a
 * channel, or for one member.
 */
public final class DigestCommand implements ChatCommand {
  public static final String NAME = "digest";
  static final int SIZE = 5;
  private static final Pattern TIME = Pattern.compile("^([01]?\\d|2[0-3]):([0-5]\\d)$");
  private static final Pattern DAYS = Pattern.compile("^days:(\\S+)$", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE MMM d, HH:mm", Locale.ENGLISH);
  private static final String USAGE =
      "Use `/digest subscribe [me] [HH:MM] [time zone] [days:mon-fri] [topics, ...]`,"
          + " `/digest status`, `/digest preview [me]`, `/digest now [me]`, `/digest unsubscribe [me]`,"
          + " `/digest mentions on|off` or `/digest team on|off [HH:MM] [time zone]`.";

  private final DigestStore store;
  private final paperbot.recommender.profile.ProfileStore profiles;
  private final DigestSchedule schedule;
  private final DigestRunner runner;
  private final ZoneId defaultZone;
  private final ProfileLimits limits;

  public DigestCommand(
      DigestStore store,
      paperbot.recommender.profile.ProfileStore profiles,
      DigestSchedule schedule,
      DigestRunner runner,
      ZoneId defaultZone,
      ProfileLimits limits) {
    this.store = store;
    this.profiles = profiles;
    this.schedule = schedule;
    this.runner = runner;
    this.defaultZone = defaultZone;
    this.limits = limits;
  }

  @Override
  public List<String> names() {
    return List.of(NAME);
  }

  @Override
  public String usage() {
    return "/digest subscribe [me] [HH:MM] [zone] [days:mon-fri] [topics] · status · preview · now · unsubscribe"
        + " · mentions on|off · team on|off · daily trending papers";
  }

  @Override
  public Reply handle(ChatRequest request) {
    List<String> words = new ArrayList<>(Arrays.asList(request.text().strip().split("\\s+")));
    String action = words.isEmpty() ? "" : words.remove(0).toLowerCase(Locale.ROOT);
    boolean me = !words.isEmpty() && words.get(0).equalsIgnoreCase("me");
    if (me) {
      words.remove(0);
    }
    boolean changesChannel =
        !me && List.of("subscribe", "unsubscribe", "stop", "now", "team").contains(action);
    if (changesChannel && !request.canManageChannel()) {
      return Reply.privateText(
          "Setting up this channel's digest needs the Manage Channels permission here. "
              + "`/digest subscribe me` sets up one just for you.");
    }
    return switch (action) {
      case "subscribe" -> subscribe(request, me, words);
      case "status", "" -> status(request);
      case "preview" -> find(request, me).map(this::preview).orElseGet(() -> notSubscribed(me));
      case "now" -> find(request, me).map(this::now).orElseGet(() -> notSubscribed(me));
      case "unsubscribe", "stop" -> unsubscribe(request, me);
      case "mentions" -> mentions(request, words);
      case "team" -> team(request, words);
      default -> Reply.privateText("I don't know `/digest " + action + "`. " + USAGE);
    };
  }

  private Reply subscribe(ChatRequest request, boolean me, List<String> words) {
    LocalTime at = LocalTime.of(9, 0);
    ZoneId zone = defaultZone;
    Set<DayOfWeek> days = Subscription.WEEKDAYS;
    List<String> topicWords = new ArrayList<>();
    for (String word : words) {
      Matcher time = TIME.matcher(word);
      Matcher dayList = DAYS.matcher(word);
      if (time.matches()) {
        at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
      } else if (dayList.matches()) {
        Optional<Set<DayOfWeek>> parsed = parseDays(dayList.group(1));
        if (parsed.isEmpty()) {
          return Reply.privateText(
              "I can't read those days. Write them like `days:mon-fri` or `days:mon,wed,fri`.");
        }
        days = parsed.get();
      } else if (looksLikeZone(word)) {
        try {
          zone = ZoneId.of(word);
        } catch (DateTimeException e) {
          return Reply.privateText(
              "`"
                  + cut(word)
                  + "` is not a time zone I know. Use a name like `Europe/Berlin`,"
                  + " `America/New_York` or `UTC`.");
        }
      } else if (word.matches("\\d{1,2}[:.]\\d{1,2}")) {
        return Reply.privateText("`" + word + "` is not a time. Use 24-hour HH:MM, e.g. `08:30`.");
      } else if (!word.isBlank()) {
        topicWords.add(word);
      }
    }
    List<String> topics = me ? List.of() : topics(String.join(" ", topicWords));
    for (String topic : topics) {
      String problem = TopicText.problem(topic, "topic", limits);
      if (problem != null) {
        return Reply.privateText(problem);
      }
    }
    Subscription saved =
        store.save(
            new Subscription(
                0,
                request.platform().name(),
                request.workspace(),
                me ? request.user() : request.channel(),
                me ? Subscription.Kind.MEMBER : Subscription.Kind.CHANNEL,
                request.user(),
                at,
                zone,
                days,
                topics,
                SIZE,
                null));
    schedule.schedule(saved);
    return Reply.privateText(
        "Subscribed"
            + (me ? " you" : " this channel")
            + ": "
            + describe(saved)
            + " Next: "
            + next(saved)
            + ". `/digest preview"
            + (me ? " me" : "")
            + "` shows what it would post now.");
  }

  private Reply mentions(ChatRequest request, List<String> words) {
    String choice = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
    if (!choice.equals("on") && !choice.equals("off")) {
      return Reply.privateText(
          "Use `/digest mentions on` to be mentioned when a channel digest has a paper on one of "
              + "your topics, `/digest mentions off` to stop.");
    }
    boolean on = profiles.setDigestMentions(request.member(), choice.equals("on"));
    return Reply.privateText(
        on
            ? "Channel digests here will mention you when a paper matches one of your topics."
            : "Channel digests won't mention you any more.");
  }

  /** The weekly team post: Mondays at the given time (09:00 by default). */
  private Reply team(ChatRequest request, List<String> words) {
    String choice = words.isEmpty() ? "" : words.remove(0).toLowerCase(Locale.ROOT);
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
      return Reply.privateText(
          "Use `/digest team on [HH:MM] [time zone]` for a Monday post of what this team liked "
              + "and saved most, `/digest team off` to stop it.");
    }
    LocalTime at = LocalTime.of(9, 0);
    ZoneId zone = defaultZone;
    for (String word : words) {
      Matcher time = TIME.matcher(word);
      if (time.matches()) {
        at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
      } else if (looksLikeZone(word)) {
        try {
          zone = ZoneId.of(word);
        } catch (DateTimeException e) {
          return Reply.privateText(
              "`" + cut(word) + "` is not a time zone I know. Use a name like `Europe/Berlin`.");
        }
      }
    }
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
            + "liked and saved most that week. Next: "
            + next(saved)
            + ".");
  }

  private Reply status(ChatRequest request) {
    List<Subscription> all =
        store.inWorkspace(request.platform().name(), request.workspace()).stream()
            .filter(s -> s.kind() == Subscription.Kind.CHANNEL || s.owner().equals(request.user()))
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
    DigestRunner.Outcome outcome = runner.run(subscription, false);
    return Reply.privateText(
        switch (outcome) {
          case POSTED, QUIET -> "Posted today's digest.";
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
            ? "weekdays"
            : s.days().stream()
                .sorted()
                .map(d ->
                    d.name().substring(0, 1) + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + ", " + b)
                .orElse("no days");
    String about =
        s.kind() == Subscription.Kind.TEAM
            ? "what the team liked and saved"
            : s.kind() == Subscription.Kind.MEMBER
                ? "ranked by your profile"
                : s.topics().isEmpty() ? "all topics" : String.join(", ", s.topics());
    return s.size()
        + " papers at "
        + s.at()
        + " "
        + s.zone().getId()
        + " on "
        + days
        + " ("
        + about
        + ").";
  }

  private static List<String> topics(String text) {
    return Arrays.stream(text.split(","))
        .map(TopicText::normalise)
        .filter(t -> !t.isEmpty())
        .distinct()
        .toList();
  }

  private static boolean looksLikeZone(String word) {
    return word.contains("/")
        || word.equalsIgnoreCase("UTC")
        || word.equalsIgnoreCase("GMT")
        || word.matches("(?i)(UTC|GMT)[+-]\\d{1,2}(:\\d{2})?");
  }

  private static Optional<Set<DayOfWeek>> parseDays(String spec) {
    List<DayOfWeek> order = List.of(DayOfWeek.values());
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    // Limit -1 keeps empty parts: "-", "mon-" and "mon,,fri" are refused, not half-read.
    for (String part : spec.toLowerCase(Locale.ROOT).split(",", -1)) {
      String[] range = part.split("-", -1);
      if (range.length > 2) {
        return Optional.empty();
      }
      Optional<DayOfWeek> from = day(range[0]);
      Optional<DayOfWeek> to = range.length > 1 ? day(range[1]) : from;
      if (from.isEmpty() || to.isEmpty()) {
        return Optional.empty();
      }
      for (int i = order.indexOf(from.get()); ; i = (i + 1) % 7) {
        days.add(order.get(i));
        if (order.get(i) == to.get()) {
          break;
        }
      }
    }
    return days.isEmpty() ? Optional.empty() : Optional.of(days);
  }

  private static Optional<DayOfWeek> day(String text) {
    return Arrays.stream(DayOfWeek.values())
        .filter(d -> text.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(text))
        .findFirst();
  }

  private static String cut(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
