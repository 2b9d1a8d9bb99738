package paperbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbot.chat.ChatOutbox;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.digest.DigestRunner;
import paperbot.recommender.digest.Subscription;

/**
 * Quartz on SQLite (the default) through the real wiring: triggers fire into a recording outbox,
 * survive restarts, never repeat.
 */
final class DigestSchedulingTest {
  @TempDir Path data;

  /** Records every digest post, and finds posts by key as a platform's history would. */
  private static final class RecordingOutbox implements ChatOutbox {
    final BlockingQueue<Reply> posts = new LinkedBlockingQueue<>();
    final Set<String> keys = ConcurrentHashMap.newKeySet();

    @Override
    public PostResult post(
        String workspace, String destination, boolean toMember, Reply reply, String key) {
      posts.add(reply);
      keys.add(key);
      return PostResult.POSTED;
    }

    @Override
    public Delivery find(String workspace, String destination, boolean toMember, String key) {
      return keys.contains(key) ? Delivery.FOUND : Delivery.NOT_FOUND;
    }
  }

  private Wiring open(RecordingOutbox outbox) {
    Wiring wiring = Wiring.open(TestBots.config(data), TestBots.CLOCK, true);
    wiring.outboxes().register(Platform.CONSOLE, outbox);
    return wiring;
  }

  private static Reply say(Wiring wiring, String text) {
    return wiring
        .router()
        .handle(new ChatRequest(Platform.CONSOLE, "local", "general", "ana", "digest", text));
  }

  private static long subscriptionId(Wiring wiring) {
    return wiring.digestStore().all().get(0).id();
  }

  /** Refuses the first post (the platform is down), then records. */
  private static final class FlakyOutbox implements ChatOutbox {
    final BlockingQueue<Reply> posts = new LinkedBlockingQueue<>();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public PostResult post(
        String workspace, String destination, boolean toMember, Reply reply, String key) {
      if (attempts.incrementAndGet() == 1) {
        return PostResult.FAILED;
      }
      posts.add(reply);
      return PostResult.POSTED;
    }
  }

  @Test
  void aDigestThePlatformRefusedIsRetriedLaterAndPostedOnce() throws Exception {
    FlakyOutbox outbox = new FlakyOutbox();
    BotConfig config = TestBots.config(data, Map.of("PAPERBOT_DIGEST_RETRY_SECONDS", "1"));
    try (Wiring wiring = Wiring.open(config, TestBots.CLOCK, true)) {
      wiring.outboxes().register(Platform.CONSOLE, outbox);
      say(wiring, "subscribe 09:00 UTC offline rl");
      wiring.scheduler().fireNow(subscriptionId(wiring));

      Reply posted = outbox.posts.poll(30, TimeUnit.SECONDS);
      assertThat(posted).as("the retry posted the digest").isNotNull();
      assertThat(UserText.plain(posted.text())).startsWith("Trending papers on offline rl");
      assertThat(outbox.attempts.get()).isEqualTo(2);
      // Posted once: no further retry fires.
      assertThat(outbox.posts.poll(3, TimeUnit.SECONDS)).isNull();
      assertThat(outbox.attempts.get()).isEqualTo(2);
    }
  }

  @Test
  void aDestinationThatIsDownLeavesTheOthersUnaffected() throws Exception {
    BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
    ChatOutbox oneChannelDown =
        (workspace, destination, toMember, reply, key) -> {
          if (destination.equals("down")) {
            return PostResult.FAILED;
          }
          delivered.add(destination);
          return PostResult.POSTED;
        };
    try (Wiring wiring = Wiring.open(TestBots.config(data), TestBots.CLOCK, true)) {
      wiring.outboxes().register(Platform.CONSOLE, oneChannelDown);
      for (String channel : List.of("down", "up")) {
        wiring
            .router()
            .handle(
                new ChatRequest(
                    Platform.CONSOLE,
                    "local",
                    channel,
                    "ana",
                    "digest",
                    "subscribe 09:00 UTC offline rl"));
      }
      List<Subscription> subscriptions = wiring.digestStore().all();
      assertThat(subscriptions).hasSize(2);
      for (Subscription subscription : subscriptions) {
        DigestRunner.Outcome outcome =
            wiring.digests().runScheduled(subscription.id(), TestBots.CLOCK.instant());
        assertThat(outcome)
            .isEqualTo(
                subscription.destination().equals("down")
                    ? DigestRunner.Outcome.FAILED
                    : DigestRunner.Outcome.POSTED);
      }
      assertThat(delivered).containsExactly("up");
      // The failed one gave its day back, so its retry may still post; the delivered one will not
      // post again.
      Subscription down =
          subscriptions.stream()
              .filter(s -> s.destination().equals("down"))
              .findFirst()
              .orElseThrow();
      Subscription up =
          subscriptions.stream()
              .filter(s -> s.destination().equals("up"))
              .findFirst()
              .orElseThrow();
      assertThat(
              wiring
                  .digestStore()
                  .claimRun(down.id(), LocalDate.of(2026, 11, 23), TestBots.CLOCK.instant()))
          .isTrue();
      assertThat(wiring.digests().runScheduled(up.id(), TestBots.CLOCK.instant()))
          .isEqualTo(DigestRunner.Outcome.ALREADY_RAN);
    }
  }

  @Test
  void aRealTriggerFiresTheDigestIntoTheOutboxOncePerDay() throws Exception {
    RecordingOutbox outbox = new RecordingOutbox();
    try (Wiring wiring = open(outbox)) {
      assertThat(say(wiring, "subscribe 09:00 UTC offline rl").text())
          .startsWith("Subscribed this channel");
      long id = subscriptionId(wiring);
      wiring.scheduler().fireNow(id);
      Reply posted = outbox.posts.poll(20, TimeUnit.SECONDS);
      assertThat(posted).isNotNull();
      assertThat(UserText.plain(posted.text())).startsWith("Trending papers on offline rl");
      assertThat(posted.cards()).hasSize(5);

      // The same day fired again (a duplicate trigger, a second process): nothing more is posted.
      wiring.scheduler().fireNow(id);
      assertThat(outbox.posts.poll(3, TimeUnit.SECONDS)).isNull();
      assertThat(wiring.digests().runScheduled(id, TestBots.CLOCK.instant()))
          .isEqualTo(DigestRunner.Outcome.ALREADY_RAN);
    }
  }

  @Test
  void schedulesSurviveARestartAndARunInterruptedByARestartIsNotRepeated() throws Exception {
    RecordingOutbox outbox = new RecordingOutbox();
    long id;
    try (Wiring first = open(outbox)) {
      say(first, "subscribe 07:45 Asia/Tokyo days:mon,wed world models");
      id = subscriptionId(first);
      // A run that claimed today's digest and then died with the process:
      first
          .digestStore()
          .claimRun(
              id,
              LocalDate.now(TestBots.CLOCK.withZone(ZoneId.of("Asia/Tokyo"))),
              TestBots.CLOCK.instant());
    }
    try (Wiring second = open(outbox)) {
      // The next run counts from paperbot's clock (Monday Nov 23, 18:00 in Tokyo), whatever day the
      // suite runs.
      assertThat(UserText.plain(say(second, "status").text()))
          .contains("07:45 Asia/Tokyo on Mon, Wed (world models)")
          .contains("Next: Wed Nov 25, 07:45 Asia/Tokyo");
      assertThat(second.scheduler().nextRun(id)).isPresent();
      assertThat(second.digests().runScheduled(id, TestBots.CLOCK.instant()))
          .isEqualTo(DigestRunner.Outcome.ALREADY_RAN);
      assertThat(outbox.posts).isEmpty();
    }
  }

  @Test
  void aRunLeftUnfinishedByADeadProcessIsResumedOnceWithoutPostingWhatWentOut() throws Exception {
    RecordingOutbox outbox = new RecordingOutbox();
    try (Wiring wiring = open(outbox)) {
      say(wiring, "subscribe 09:00 UTC offline rl");
      long posted = subscriptionId(wiring);
      Reply other =
          wiring
              .router()
              .handle(
                  new ChatRequest(
                      Platform.CONSOLE,
                      "local",
                      "random",
                      "ana",
                      "digest",
                      "subscribe 09:00 UTC world models"));
      assertThat(other.text()).contains("Subscribed");
      long notPosted =
          wiring.digestStore().all().stream()
              .mapToLong(s -> s.id())
              .filter(id -> id != posted)
              .findFirst()
              .orElseThrow();
      Instant now = TestBots.CLOCK.instant();
      LocalDate day = LocalDate.now(TestBots.CLOCK);
      // Two runs claimed by a process that died: one after its post went out, one before.
      wiring.digestStore().claimRun(posted, day, now.minusSeconds(30));
      wiring.digestStore().claimRun(notPosted, day, now.minusSeconds(30));
      outbox.keys.add("d" + posted + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE));

      assertThat(wiring.digests().runScheduled(posted, now, false))
          .as("a fresh claim is left alone")
          .isEqualTo(DigestRunner.Outcome.ALREADY_RAN);
      assertThat(wiring.digests().runScheduled(posted, now, true))
          .isEqualTo(DigestRunner.Outcome.POSTED);
      assertThat(outbox.posts).as("found in the channel, not posted again").isEmpty();
      assertThat(wiring.digests().runScheduled(notPosted, now, true))
          .isEqualTo(DigestRunner.Outcome.POSTED);
      assertThat(outbox.posts).as("never reached the channel: posted by the recovery").hasSize(1);
      assertThat(wiring.digests().runScheduled(notPosted, now, true))
          .as("finished runs stay finished")
          .isEqualTo(DigestRunner.Outcome.ALREADY_RAN);
      assertThat(outbox.posts).hasSize(1);
    }
  }

  @Test
  void aDigestMissedByLongDowntimeIsSkippedNotPostedLate() throws Exception {
    RecordingOutbox outbox = new RecordingOutbox();
    try (Wiring wiring = open(outbox)) {
      say(wiring, "subscribe 06:00 UTC");
      Instant scheduledLongAgo = TestBots.CLOCK.instant().minusSeconds(6 * 3600);
      assertThat(wiring.digests().runScheduled(subscriptionId(wiring), scheduledLongAgo))
          .isEqualTo(DigestRunner.Outcome.TOO_LATE);
      assertThat(outbox.posts).isEmpty();
    }
  }

  @Test
  void daylightSavingChangesNeitherSkipNorDoubleADigest() {
    Subscription berlin =
        new Subscription(
            1,
            "SLACK",
            "T1",
            "C1",
            Subscription.Kind.CHANNEL,
            "U1",
            LocalTime.of(9, 0),
            ZoneId.of("Europe/Berlin"),
            EnumSet.allOf(DayOfWeek.class),
            List.of(),
            5,
            null);
    // Europe/Berlin springs forward on Sunday 2026-03-29 and falls back on Sunday 2026-10-25.
    for (String from : List.of("2026-03-26T12:00:00Z", "2026-10-22T12:00:00Z")) {
      List<ZonedDateTime> fires =
          paperbot.schedule.QuartzDigestScheduleAccess.fireTimes(berlin, Instant.parse(from), 6)
              .stream()
              .map(i -> i.atZone(berlin.zone()))
              .toList();
      assertThat(fires).allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
      assertThat(fires).extracting(ZonedDateTime::toLocalDate).doesNotHaveDuplicates();
      for (int i = 1; i < fires.size(); i++) {
        assertThat(fires.get(i).toLocalDate())
            .isEqualTo(fires.get(i - 1).toLocalDate().plusDays(1));
      }
    }
  }

  private static Reply as(Wiring wiring, String user, String command, String text) {
    return wiring
        .router()
        .handle(new ChatRequest(Platform.CONSOLE, "local", "general", user, command, text));
  }

  @Test
  void channelDigestsMentionOptedInMembersWhoseTopicsMatch() throws Exception {
    RecordingOutbox outbox = new RecordingOutbox();
    try (Wiring wiring = open(outbox)) {
      as(wiring, "ana", "topics", "add offline rl");
      as(wiring, "ana", "digest", "mentions on");
      as(wiring, "bo", "topics", "add offline rl"); // not opted in
      say(wiring, "subscribe 09:00 UTC offline rl");
      Subscription channel = wiring.digestStore().all().get(0);
      assertThat(wiring.digests().run(channel, false)).isEqualTo(DigestRunner.Outcome.POSTED);
      Reply posted = outbox.posts.poll(5, TimeUnit.SECONDS);
      assertThat(posted.cards())
          .anySatisfy(card ->
              assertThat(UserText.plain(card.why())).contains("matches <@ana>'s topic offline rl"));
      assertThat(posted.cards())
          .anySatisfy(card -> assertThat(UserText.mentioned(card.why())).containsExactly("ana"));
      assertThat(posted.cards())
          .noneSatisfy(card -> assertThat(UserText.plain(card.why())).contains("<@bo>"));
      as(wiring, "ana", "digest", "mentions off");
      assertThat(wiring.digests().compose(channel).reply().cards())
          .noneSatisfy(card -> assertThat(UserText.plain(card.why())).contains("<@ana>"));
    }
  }

  @Test
  void theWeeklyTeamPostListsWhatMembersLikedAndSavedMost() throws Exception {
    RecordingOutbox outbox = new RecordingOutbox();
    try (Wiring wiring = open(outbox)) {
      List<String> ids =
          wiring
              .router()
              .handle(
                  new ChatRequest(
                      Platform.CONSOLE, "local", "general", "ana", "papers", "world models"))
              .cards()
              .stream()
              .map(paperbot.chat.PaperCard::id)
              .toList();
      as(wiring, "ana", "like", ids.get(1));
      as(wiring, "bo", "save", ids.get(1));
      as(wiring, "bo", "like", ids.get(0));
      assertThat(say(wiring, "team on 10:00 Europe/Berlin").text())
          .startsWith("Every Monday at 10:00 Europe/Berlin");
      Subscription team = wiring.digestStore().all().get(0);
      assertThat(team.kind()).isEqualTo(Subscription.Kind.TEAM);
      assertThat(wiring.digests().run(team, false)).isEqualTo(DigestRunner.Outcome.POSTED);
      Reply posted = outbox.posts.poll(5, TimeUnit.SECONDS);
      assertThat(posted.text()).startsWith("Team picks");
      assertThat(posted.cards())
          .extracting(paperbot.chat.PaperCard::id)
          .containsExactly(ids.get(1), ids.get(0));
      assertThat(posted.cards().get(0).why()).isEqualTo("2 likes, saves and links from your team");
      assertThat(say(wiring, "team off").text()).startsWith("Stopped the weekly team post");
    }
  }

  @Test
  void sourceRefreshesAreScheduledAndARefreshBringsNewPapersIntoSearch() throws Exception {
    var server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/daily_papers",
        exchange -> {
          byte[] body =
              ("[{\"paper\":{\"id\":\"2611.54321\",\"title\":\"Hugging Face Trending Quadruped Paper\","
                      + "\"summary\":\"Legged locomotion with world models.\",\"upvotes\":77,"
                      + "\"publishedAt\":\"2026-11-22T00:00:00.000Z\"}}]")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    String local = "http://127.0.0.1:" + server.getAddress().getPort();
    // Every source scheduled as shipped, and every one pointed at this machine: a refresh that
    // fires while the test runs fetches nothing from the network.
    BotConfig config =
        BotConfig.load(
                TestBots.REPO,
                Map.of(
                    "PAPERBOT_HF_URL",
                    local + "/api/daily_papers",
                    "PAPERBOT_ARXIV_URL",
                    local + "/api/query",
                    "PAPERBOT_LISTING_URL",
                    local + "/rss"))
            .withDataDir(data);
    try (Wiring wiring = Wiring.open(config, TestBots.CLOCK, true)) {
      assertThat(wiring.scheduler().nextRefresh("hf")).isPresent();
      assertThat(wiring.scheduler().nextRefresh("arxiv")).isPresent();
      // One refresh job per wired paper source that has a schedule; a file is ingested by hand.
      assertThat(wiring.scheduler().nextRefresh("listing")).isPresent();
      assertThat(wiring.scheduler().nextRefresh("file")).isEmpty();
      wiring.scheduler().fireRefresh("hf");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (wiring.index().get("2611.54321").isEmpty() && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(
            50); // polling with a deadline: the refresh runs on a Quartz worker thread
      }
      assertThat(wiring.index().get("2611.54321")).get().extracting(p -> p.upvotes()).isEqualTo(77);
      assertThat(
              wiring
                  .router()
                  .handle(
                      new ChatRequest(
                          Platform.CONSOLE, "local", "c", "ana", "papers", "quadruped trending"))
                  .cards()
                  .get(0)
                  .id())
          .isEqualTo("2611.54321");
    } finally {
      server.stop(0);
    }
  }
}
