package paperbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperbot.app.SeedBotExtension;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.digest.Subscription;

/** /digest wording and access rules through the core. */
final class DigestCommandTest {
  @RegisterExtension static final SeedBotExtension bot = new SeedBotExtension(true);

  private static Reply say(String text, boolean manager) {
    return bot.router()
        .handle(new ChatRequest(Platform.DISCORD, "G1", "C1", "ana", "digest", text, manager));
  }

  /**
   * As {@link #say}, in a workspace of the test's own, so tests do not see each other's digests.
   */
  private static Reply in(String workspace, String text, boolean manager) {
    return bot.router()
        .handle(new ChatRequest(Platform.DISCORD, workspace, "C1", "ana", "digest", text, manager));
  }

  /** /digest subscribe with Discord's typed options, by a member who manages the channel. */
  private static Reply subscribeWithOptions(String workspace, Map<String, String> options) {
    return bot.router()
        .handle(
            new ChatRequest(
                Platform.DISCORD, workspace, "C1", "ana", "digest", "subscribe", true, options));
  }

  /**
   * What a subscribe reply says is now stored, whether it started the digest or changed one (the
   * tests subscribe one channel again and again).
   */
  private static String settings(Reply reply) {
    return UserText.plain(reply.text())
        .replaceFirst(
            "^(Subscribed this channel|Changed this channel's digest|This channel's digest stays): ",
            "");
  }

  /** What the workspace has stored: kind, time, zone, days and topics of each digest. */
  private static List<String> stored(String workspace) {
    return bot.wiring().digestStore().inWorkspace(Platform.DISCORD.name(), workspace).stream()
        .map(s -> s.kind() + " " + s.at() + " " + s.zone() + " " + s.days() + " " + s.topics())
        .sorted()
        .toList();
  }

  @Test
  void aWordAfterUnsubscribeOrAnotherSubcommandIsRefusedAndNothingChanges() {
    assertThat(UserText.plain(in("G10", "subscribe 09:00 UTC offline rl", true).text()))
        .startsWith("Subscribed");
    assertThat(UserText.plain(in("G10", "subscribe me 08:00", true).text()))
        .startsWith("Subscribed you");
    assertThat(UserText.plain(in("G10", "team on 10:00", true).text()))
        .startsWith("Every Monday at 10:00");
    List<String> before = stored("G10");
    assertThat(before).hasSize(3);

    assertThat(UserText.plain(in("G10", "unsubscribe mee", true).text()))
        .isEqualTo(
            "I don't understand `mee` after `/digest unsubscribe`, so nothing was changed."
                + " `/digest unsubscribe` stops this channel's digest, `/digest unsubscribe me`"
                + " stops yours.");
    assertThat(UserText.plain(in("G10", "unsubscribe me please", true).text()))
        .startsWith("I don't understand `please` after `/digest unsubscribe`");
    assertThat(UserText.plain(in("G10", "stop it", true).text()))
        .startsWith("I don't understand `it` after `/digest stop`");
    assertThat(UserText.plain(in("G10", "now mee", true).text()))
        .startsWith("I don't understand `mee` after `/digest now`")
        .contains("`/digest now me`");
    assertThat(UserText.plain(in("G10", "preview mee", true).text()))
        .startsWith("I don't understand `mee` after `/digest preview`");
    assertThat(UserText.plain(in("G10", "status everything", true).text()))
        .startsWith("I don't understand `everything` after `/digest status`");
    assertThat(UserText.plain(in("G10", "team off now", true).text()))
        .startsWith("I don't understand `now` after `/digest team off`");
    assertThat(UserText.plain(in("G10", "team on days:fri", true).text()))
        .startsWith("The team post is on Mondays; it takes no days.");
    assertThat(UserText.plain(in("G10", "mentions off please", true).text()))
        .startsWith("I don't understand `please` after `/digest mentions`");
    // `me` is a word of its own for the subcommands without it: no way around the permission.
    assertThat(UserText.plain(in("G10", "team me off", false).text())).contains("Manage Channels");
    assertThat(stored("G10")).isEqualTo(before);

    assertThat(UserText.plain(in("G10", "unsubscribe me", true).text()))
        .isEqualTo("Unsubscribed you from the digest.");
    assertThat(UserText.plain(in("G10", "unsubscribe", true).text()))
        .isEqualTo("Unsubscribed this channel from the digest.");
    assertThat(stored("G10")).hasSize(1).allMatch(s -> s.startsWith("TEAM"));
  }

  @Test
  void aWordThatLooksLikeATimeIsReadAsOneOrRefusedNeverKeptAsATopic() {
    Map<String, String> read =
        Map.ofEntries(
            Map.entry("9pm", "21:00"),
            Map.entry("9 pm", "21:00"),
            Map.entry("9PM", "21:00"),
            Map.entry("9:30pm", "21:30"),
            Map.entry("9:30 p.m.", "21:30"),
            Map.entry("12am", "00:00"),
            Map.entry("12pm", "12:00"),
            Map.entry("7am", "07:00"),
            Map.entry("21:00", "21:00"),
            Map.entry("0900", "09:00"),
            Map.entry("\uff10\uff19:\uff10\uff10", "09:00"));
    read.forEach((typed, at) ->
        assertThat(settings(in("G11", "subscribe " + typed + " offline rl", true)))
            .as(typed)
            .startsWith("5 papers at " + at + " UTC on weekdays (offline rl)."));
    assertThat(UserText.plain(in("G11", "subscribe me 9pm", true).text()))
        .startsWith("Subscribed you: 5 papers at 21:00 UTC");
    List<String> before = stored("G11");
    for (String typed :
        List.of("25", "-1", "09:00:00", "13pm", "0am", "24:00", "7:75", "2500", "1:5", "9.30")) {
      assertThat(UserText.plain(in("G11", "subscribe " + typed + " offline rl", true).text()))
          .as(typed)
          .startsWith("`" + typed + "` is not a time. Use 24-hour HH:MM like `21:00`, or am/pm");
      assertThat(UserText.plain(in("G11", "subscribe me " + typed, true).text()))
          .as("me " + typed)
          .contains("is not a time");
    }
    assertThat(UserText.plain(in("G11", "subscribe 9", true).text()))
        .isEqualTo("`9` is not a time on its own. Write `09:00` or `9pm`.");
    assertThat(UserText.plain(in("G11", "subscribe 21 offline rl", true).text()))
        .isEqualTo("`21` is not a time on its own. Write `21:00`.");
    assertThat(stored("G11")).isEqualTo(before);
  }

  @Test
  void aTimeZoneOrDaysWithACommaAfterThemAreStillReadAndTheCommaPartsTheTopics() {
    Map<String, String> read =
        Map.of(
            "diffusion 9pm, offline rl", "21:00 UTC on weekdays (diffusion, offline rl).",
            "diffusion 9 pm, offline rl", "21:00 UTC on weekdays (diffusion, offline rl).",
            "world models Europe/Berlin, offline rl",
                "09:00 Europe/Berlin on weekdays (world models, offline rl).",
            "diffusion days:sat, offline rl", "09:00 UTC on Sat (diffusion, offline rl).",
            "8am, diffusion", "08:00 UTC on weekdays (diffusion).");
    read.forEach((typed, stored) -> {
      assertThat(settings(in("G16", "subscribe " + typed, true)))
          .as(typed)
          .startsWith("5 papers at " + stored);
      assertThat(UserText.plain(in("G16", "status", true).text()))
          .as(typed)
          .contains("channel C1: 5 papers at " + stored);
    });
  }

  @Test
  void subscribingAgainSaysWhatChangedAndWhatItWas() {
    assertThat(UserText.plain(in("G18", "subscribe 7am PST offline rl", true).text()))
        .startsWith("Subscribed this channel: 5 papers at 07:00 America/Los_Angeles");
    assertThat(UserText.plain(in("G18", "subscribe 7am PST offline rl", true).text()))
        .startsWith("This channel's digest stays: 5 papers at 07:00 America/Los_Angeles")
        .doesNotContain("It was");
    assertThat(UserText.plain(in("G18", "subscribe 10:00", true).text()))
        .startsWith(
            "Changed this channel's digest: 5 papers at 10:00 UTC on weekdays (all topics).")
        .endsWith(" It was 5 papers at 07:00 America/Los_Angeles on weekdays (offline rl).");
  }

  @Test
  void statusShowsTheChannelsTeamPostToEveryMemberNotOnlyToWhoeverSetItUp() {
    bot.router()
        .handle(
            new ChatRequest(Platform.DISCORD, "G17", "C1", "bob", "digest", "team on 10:00", true));
    Reply status =
        bot.router()
            .handle(
                new ChatRequest(Platform.DISCORD, "G17", "C1", "ana", "digest", "status", false));
    assertThat(UserText.plain(status.text()))
        .startsWith("Digests:")
        .contains("team picks in channel C1: 5 papers at 10:00 UTC on Mon");
  }

  @Test
  void aZoneByAbbreviationOrOffsetIsReadAndNamedInTheReply() {
    Map<String, String> read =
        Map.ofEntries(
            Map.entry("PST", "America/Los_Angeles"),
            Map.entry("pst", "America/Los_Angeles"),
            Map.entry("EST", "America/New_York"),
            Map.entry("CST", "America/Chicago"),
            Map.entry("IST", "Asia/Kolkata"),
            Map.entry("JST", "Asia/Tokyo"),
            Map.entry("Z", "UTC"),
            Map.entry("+05:30", "UTC+05:30"),
            Map.entry("-09:00", "UTC-09:00"),
            Map.entry("UTC+5:30", "UTC+05:30"),
            Map.entry("GMT-3", "GMT-03:00"),
            Map.entry("UTC+14", "UTC+14:00"));
    read.forEach((typed, zone) ->
        assertThat(settings(in("G12", "subscribe 09:00 " + typed + " offline rl", true)))
            .as(typed)
            .startsWith(
                "5 papers at 09:00 "
                    + zone
                    + " on weekdays (offline rl). `"
                    + typed
                    + "` is read as "
                    + zone
                    + ". Next: "));
    assertThat(settings(in("G12", "subscribe 09:00 CET offline rl", true)))
        .startsWith("5 papers at 09:00 CET on weekdays (offline rl). Next:");
    List<String> before = stored("G12");
    assertThat(UserText.plain(in("G12", "subscribe 09:00 UTC+15", true).text()))
        .isEqualTo("`UTC+15` is not a time zone: offsets from UTC run from UTC-12 to UTC+14.");
    assertThat(UserText.plain(in("G12", "subscribe 09:00 UTC-13", true).text()))
        .contains("UTC-12 to UTC+14");
    assertThat(UserText.plain(in("G12", "subscribe 09:00 +15:00", true).text()))
        .contains("UTC-12 to UTC+14");
    assertThat(UserText.plain(in("G12", "subscribe 09:00 UTC+5:75", true).text()))
        .contains("not a time zone I know");
    assertThat(UserText.plain(in("G12", "subscribe 09:00 UTC+x", true).text()))
        .contains("not a time zone I know");
    assertThat(UserText.plain(in("G12", "subscribe 09:00 BST", true).text()))
        .startsWith("I can't tell which time zone `BST` is.");
    assertThat(UserText.plain(in("G12", "subscribe me 09:00 AEST", true).text()))
        .startsWith("I can't tell which time zone `AEST` is.");
    Reply typedOutOfRange = subscribeWithOptions("G12", Map.of("time", "9pm", "zone", "UTC+15"));
    assertThat(typedOutOfRange.text()).contains("UTC-12 to UTC+14");
    assertThat(stored("G12")).isEqualTo(before);
    Reply typed = subscribeWithOptions("G12", Map.of("time", "9:30 pm", "zone", "PST"));
    assertThat(settings(typed))
        .startsWith(
            "5 papers at 21:30 America/Los_Angeles on weekdays (all topics). `PST` is read as"
                + " America/Los_Angeles.");
  }

  @Test
  void aTimeZoneOrDayListGivenTwiceIsRefusedRatherThanTheLastKept() {
    assertThat(UserText.plain(in("G13", "subscribe 08:00 UTC offline rl", true).text()))
        .startsWith("Subscribed");
    List<String> before = stored("G13");
    assertThat(UserText.plain(in("G13", "subscribe 09:00 09:30", true).text()))
        .isEqualTo("You gave two times, `09:00` and `09:30`; give one.");
    assertThat(UserText.plain(in("G13", "subscribe 9 pm 21:00", true).text()))
        .isEqualTo("You gave two times, `9 pm` and `21:00`; give one.");
    assertThat(UserText.plain(in("G13", "subscribe days:mon-fri days:sat", true).text()))
        .isEqualTo(
            "You gave two day lists, `days:mon-fri` and `days:sat`; give one. Put all the days in"
                + " one, like `days:mon-fri,sun`.");
    assertThat(UserText.plain(in("G13", "subscribe 09:00 PST Europe/Berlin", true).text()))
        .isEqualTo("You gave two time zones, `PST` and `Europe/Berlin`; give one.");
    assertThat(UserText.plain(in("G13", "team on 10:00 11:00", true).text()))
        .startsWith("You gave two times");
    assertThat(stored("G13")).isEqualTo(before);
  }

  @Test
  void aPersonalDigestTakesNoTopicsAndAStrayMeIsNotATopic() {
    assertThat(UserText.plain(in("G14", "subscribe me 9pm robots", true).text()))
        .startsWith(
            "A digest just for you follows your `/topics`, so it takes no topics of its own: I"
                + " don't understand `robots` there.");
    assertThat(UserText.plain(in("G14", "subscribe me 09:00 PST offline rl", true).text()))
        .contains("I don't understand `offline` there");
    assertThat(UserText.plain(in("G14", "subscribe 9pm me", true).text()))
        .startsWith("Put `me` right after `subscribe`");
    assertThat(stored("G14")).isEmpty();
  }

  @Test
  void aDigestFollowsAtMostAsManyTopicsAsAMemberMayKeep() {
    int most = ProfileLimits.defaults().maxTopics();
    String tooMany =
        IntStream.rangeClosed(1, most + 1)
            .mapToObj(i -> "topic" + i)
            .collect(Collectors.joining(", "));
    assertThat(UserText.plain(in("G15", "subscribe 09:00 UTC " + tooMany, true).text()))
        .isEqualTo(
            "That is 31 topics; a digest follows at most 30, as many as `/topics` keeps. Give"
                + " fewer, or none to follow all topics. Nothing was changed.");
    Reply typed = subscribeWithOptions("G15", Map.of("topics", tooMany));
    assertThat(typed.text()).startsWith("That is 31 topics");
    assertThat(stored("G15")).isEmpty();
    String enough =
        IntStream.rangeClosed(1, most).mapToObj(i -> "topic" + i).collect(Collectors.joining(", "));
    assertThat(UserText.plain(in("G15", "subscribe 09:00 UTC " + enough, true).text()))
        .startsWith("Subscribed");
    assertThat(
            bot.wiring().digestStore().inWorkspace(Platform.DISCORD.name(), "G15").stream()
                .map(Subscription::topics))
        .singleElement()
        .satisfies(topics -> assertThat(topics).hasSize(most));
  }

  @Test
  void channelDigestsNeedTheManagePermissionButPersonalOnesDoNot() {
    Reply refused = say("subscribe 09:00 UTC offline rl", false);
    assertThat(refused.text())
        .startsWith("Setting up this channel's digest needs the Manage Channels permission");
    assertThat(say("unsubscribe", false).text()).contains("Manage Channels");
    assertThat(say("now", false).text()).contains("Manage Channels");
    assertThat(say("status", false).text()).startsWith("No digests here yet");
    assertThat(say("preview me", false).text()).startsWith("You have no digest");
  }

  @Test
  void badSubscribeInputGetsAReplyThatSaysWhatWorks() {
    assertThat(say("subscribe 7:75", true).text()).contains("not a time");
    assertThat(say("subscribe 09:00 Nowhere/Land", true).text()).contains("not a time zone I know");
    assertThat(say("subscribe days:funday", true).text()).contains("days:mon-fri");
    assertThat(say("subscribe " + "x".repeat(200), true).text()).contains("keep it to 100");
    // 25 topics of 90 characters each pass the topic checks, but not the digest's stored limit.
    String manyLongTopics =
        String.join(
            ", ",
            java.util.stream.IntStream.range(0, 25)
                .mapToObj(i -> "topic " + (char) ('a' + i) + " " + "z".repeat(82))
                .toList());
    assertThat(say("subscribe " + manyLongTopics, true).text())
        .contains("2274 characters together; a digest keeps at most 2,000")
        .contains("Nothing was changed");
    assertThat(say("status", true).text()).startsWith("No digests here yet");
    assertThat(say("explode", true).text()).startsWith("I don't know `/digest explode`");
    assertThat(say("subscribe days:-", true).text()).contains("days:mon-fri");
    assertThat(say("subscribe me days:-", true).text()).contains("days:mon-fri");
    assertThat(say("subscribe days:", true).text()).contains("days:mon-fri");
    assertThat(say("team on 10:00 banana", true).text()).contains("I don't understand `banana`");
    assertThat(say("mentions maybe", true).text()).startsWith("Use `/digest mentions on`");
  }

  @Test
  void aTopicTypedAsAQuestionIsKeptAsWhatItAsksAbout() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T3",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe 08:30 UTC how can I filter out noisy demonstrations?"));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel")
        .contains("(filter out noisy demonstrations)")
        .doesNotContain("how can i");
  }

  @Test
  void aChannelTopicWithATypoSaysWhatItFollows() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T4",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe 08:30 UTC offline rl, difusion polcy"));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel")
        .endsWith(" No paper spells *difusion polcy* that way; it follows *diffusion policy*.")
        .doesNotContain("spells *offline rl*");
  }

  @Test
  void aTopicWithASlashIsATopicAndAZoneInAnyCaseIsAZone() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T2",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe 08:30 europe/berlin days:mon-wed rl/robotics"));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel: 5 papers at 08:30 Europe/Berlin on Mon, Tue, Wed")
        .contains("(rl/robotics)");
  }

  @Test
  void typedOptionsReachTheScheduleAsTheyCameWithoutGuessing() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD,
                    "G2",
                    "C2",
                    "ana",
                    "digest",
                    "subscribe",
                    true,
                    java.util.Map.of(
                        "time", "07:45",
                        "zone", "Asia/Tokyo",
                        "days", "sat-sun",
                        "topics", "rl/robotics, Asia/Tokyo travel")));
    assertThat(UserText.plain(subscribed.text()))
        .startsWith("Subscribed this channel: 5 papers at 07:45 Asia/Tokyo on Sat, Sun")
        .contains("(rl/robotics, asia/tokyo travel)");
    Reply badZone =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.DISCORD,
                    "G3",
                    "C3",
                    "ana",
                    "digest",
                    "subscribe",
                    true,
                    java.util.Map.of("zone", "rl/robotics")));
    assertThat(UserText.plain(badZone.text())).contains("not a time zone I know");
  }

  @Test
  void channelTopicsAreStoredWithoutInvisibleCharacters() {
    Reply subscribed =
        bot.router()
            .handle(
                new ChatRequest(
                    Platform.SLACK,
                    "T5",
                    "C1",
                    "ana",
                    "digest",
                    "subscribe\t08:30\u00a0UTC \u200boffline rl\u001b, \ufeffworld\u3000models"));
    assertThat(UserText.plain(subscribed.text())).startsWith("Subscribed this channel");
    Reply status =
        bot.router().handle(new ChatRequest(Platform.SLACK, "T5", "C1", "ana", "digest", "status"));
    assertThat(UserText.plain(status.text()))
        .contains("(offline rl, world models)")
        .doesNotContain("\u200b")
        .doesNotContain("\ufeff");
  }

  @Test
  void timesSaidInWordsOrWithAnHourMarkAreTimesNotTopics() {
    // Each was stored as a topic of a 09:00 digest ("noon", "21h").
    assertThat(settings(in("G20", "subscribe noon", true))).startsWith("5 papers at 12:00 UTC");
    assertThat(settings(in("G20", "subscribe midnight PST", true)))
        .startsWith("5 papers at 00:00 America/Los_Angeles");
    assertThat(settings(in("G20", "subscribe 21h", true))).startsWith("5 papers at 21:00 UTC");
    assertThat(settings(in("G20", "subscribe 9h30 offline rl", true)))
        .startsWith("5 papers at 09:30 UTC on weekdays (offline rl).");
    assertThat(UserText.plain(in("G20", "subscribe 25h", true).text()))
        .startsWith("`25h` is not a time.");
    assertThat(stored("G20"))
        .singleElement()
        .asString()
        .startsWith("CHANNEL 09:30 UTC ")
        .endsWith(" [offline rl]");
  }

  @Test
  void daysSaidInWordsOrWithoutTheirPrefixAreDaysNotTopics() {
    assertThat(settings(in("G21", "subscribe daily", true)))
        .startsWith("5 papers at 09:00 UTC every day (all topics).");
    assertThat(settings(in("G21", "subscribe every day 9am", true)))
        .startsWith("5 papers at 09:00 UTC every day (all topics).");
    assertThat(settings(in("G21", "subscribe weekends offline rl", true)))
        .startsWith("5 papers at 09:00 UTC on Sat, Sun (offline rl).");
    assertThat(settings(in("G21", "subscribe days:weekdays", true)))
        .startsWith("5 papers at 09:00 UTC on weekdays (all topics).");
    assertThat(settings(in("G21", "subscribe mon,wed,fri world models", true)))
        .startsWith("5 papers at 09:00 UTC on Mon, Wed, Fri (world models).");
    assertThat(settings(in("G21", "subscribe days: sat-sun", true)))
        .startsWith("5 papers at 09:00 UTC on Sat, Sun (all topics).");
    assertThat(settings(in("G21", "subscribe mondays", true)))
        .startsWith("5 papers at 09:00 UTC on Mon (all topics).");
    // A lone short day name may be a subject: SAT solving.
    assertThat(settings(in("G21", "subscribe sat solvers", true)))
        .startsWith("5 papers at 09:00 UTC on weekdays (sat solvers).");
    assertThat(UserText.plain(in("G21", "subscribe daily weekdays", true).text()))
        .startsWith("You gave two day lists, `daily` and `weekdays`; give one.");
  }

  @Test
  void optionsNamedAsDiscordNamesThemAreReadAndANumberOfPapersIsRefused() {
    assertThat(
            settings(
                in(
                    "G22",
                    "subscribe time:21:00 zone:Europe/Berlin topics:offline rl, world models",
                    true)))
        .startsWith("5 papers at 21:00 Europe/Berlin on weekdays (offline rl, world models).");
    List<String> before = stored("G22");
    assertThat(UserText.plain(in("G22", "subscribe zone:", true).text()))
        .isEqualTo("Nothing after `zone:`. Give a time zone, like `zone:Europe/Berlin`.");
    assertThat(UserText.plain(in("G22", "subscribe offline rl time:", true).text()))
        .isEqualTo("Nothing after `time:`. Give a time, like `time:21:00` or `time:9pm`.");
    for (String text : List.of("subscribe count:10", "subscribe papers: 10 offline rl")) {
      assertThat(UserText.plain(in("G22", text, true).text()))
          .as(text)
          .startsWith("A digest always has 5 papers")
          .endsWith("Nothing was changed.");
    }
    assertThat(stored("G22")).isEqualTo(before);
  }
}
