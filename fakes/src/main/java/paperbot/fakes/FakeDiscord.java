package paperbot.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A Discord on loopback that is as strict as Discord's documentation: the tests and {@code paperbot
 * bench} drive the real JDA client against it.
 *
 * <p>REST: {@code GET /gateway/bot} names this fake's gateway; interaction callbacks take one
 * answer each, within 3 seconds of the interaction's creation (its snowflake), and answer {@code
 * ?with_response=true} with 200 and the message; a late answer gets 404 code 10062 "Unknown
 * interaction", a second one 400 code 40060; follow-ups need an acknowledged interaction; payloads
 * over Discord's limits get 400 code 50035 "Invalid Form Body"; any route can be made to answer 429
 * with {@code retry_after} and the rate-limit headers.
 *
 * <p>A bot token other than {@link #TOKEN} gets 401 from REST and close code 4004 from IDENTIFY.
 *
 * <p>Gateway: HELLO, READY listing this shard's guilds as unavailable, then, only for a client that
 * asked for the GUILDS intent, a GUILD_CREATE for each (roles, a text channel, the bot's member);
 * zlib-stream compression when the client asks for it (JDA does by default); heartbeats acked; op 7
 * RECONNECT on request and RESUME answered with RESUMED; shards by Discord's rule {@code (guild_id
 * >> 22) % num_shards}.
 *
 * <p>Two guilds, one on each of two shards, each with a text channel; in each, {@code @everyone}
 * may use the bot but not manage channels, and members given {@link #MODERATOR_ROLE} may.
 */
public final class FakeDiscord implements AutoCloseable {
  public static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.fake.discord-token-for-tests-only";
  public static final String BOT_ID = "100000000000000001";
  public static final String APP_ID = "200000000000000002";

  /** The direct-message channel this fake opens for any member. */
  public static final String DM_CHANNEL = "500000000000000005";

  /** A guild on shard 0 of 2 and one on shard 1 of 2. */
  public static final String GUILD_A = "1456074443980800000";

  public static final String GUILD_B = "1456074443984994304";

  /** Each guild's text channel. */
  public static final String CHANNEL_A = "1456074443989188608";

  public static final String CHANNEL_B = "1456074443993382912";

  /** A role with Manage Channels, in both guilds (role ids are per guild; the name is shared). */
  public static final String MODERATOR_ROLE = "1456074443997577216";

  /** Discord's limits: 3 s to answer an interaction, 15 min for its follow-ups. */
  public static final Duration ANSWER_DEADLINE = Duration.ofSeconds(3);

  public static final Duration FOLLOW_UP_WINDOW = Duration.ofMinutes(15);

  static final long DISCORD_EPOCH = 1420070400000L;

  /** The gateway intent that brings GUILD_CREATE and the channel events. */
  static final long GUILDS_INTENT = 1L;

  public static final long VIEW_CHANNEL = 1L << 10;
  public static final long SEND_MESSAGES = 1L << 11;
  public static final long EMBED_LINKS = 1L << 14;
  private static final long VIEW_AND_SEND =
      VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | (1L << 31); // and use application commands
  private static final long MANAGE_CHANNELS = 1L << 4;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FakeDiscord.class);
  private static final Pattern CALLBACK =
      Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");

  /** The message flag that shows a message only to the member who used the interaction. */
  private static final int EPHEMERAL = 64;

  private static final Pattern FOLLOW_UP = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/?]+)");

  private final Clock clock;
  private final int shards;
  private final MockWebServer server = new MockWebServer();
  private final Map<String, BlockingQueue<RecordedRequest>> requests = new ConcurrentHashMap<>();
  private final Map<Integer, BlockingQueue<Session>> sessions = new ConcurrentHashMap<>();
  private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
  private final Map<String, Interaction> byToken = new ConcurrentHashMap<>();
  private final BlockingQueue<Refusal> refusals = new LinkedBlockingQueue<>();
  private final Map<String, BlockingQueue<Integer>> failures = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger(1);
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger resumes = new AtomicInteger();
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger compressedSessions = new AtomicInteger();
  private final List<Session> allSessions = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** One interaction as Discord tracks it: created at its snowflake time, answered once. */
  private static final class Interaction {
    final String id;
    final String token;
    final long createdMillis;
    final String channelId;
    final int type;

    /** The type of an autocomplete interaction's focused option, whose type its choices take. */
    final int focusedType;

    volatile long answeredMillis = -1;
    volatile int answerType;
    volatile boolean delivered;

    /**
     * A deferral's flags: its first follow-up takes its place and keeps them (ephemeral or not).
     */
    volatile int deferredFlags;

    volatile boolean followedUp;

    Interaction(
        String id, String token, long createdMillis, String channelId, int type, int focusedType) {
      this.id = id;
      this.token = token;
      this.createdMillis = createdMillis;
      this.channelId = channelId;
      this.type = type;
      this.focusedType = focusedType;
    }
  }

  /** A request Discord refused, with the error code it gave. */
  public record Refusal(String route, int status, int code) {}

  /** How long one interaction waited for its callback (answer or deferral). */
  public record Answered(String id, Duration afterCreation, int callbackType) {}

  /**
   * A message an interaction's answer put on screen, as members see it: {@code ephemeral} is the
   * visibility Discord gave it, which for the first follow-up after a deferral is the deferral's,
   * whatever flags the follow-up asked for.
   */
  public record Shown(String interactionId, boolean ephemeral, String content) {}

  private final List<Shown> shown = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final List<String> notified = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> choices = new ConcurrentHashMap<>();

  /**
   * Every mention Discord would have notified for the messages it took so far ({@code @everyone},
   * {@code @here}, {@code <@id>}, {@code <@&id>}), read as {@link DiscordLimits#notified} does.
   */
  public List<String> notified() {
    return List.copyOf(notified);
  }

  /** The choices an autocomplete interaction was answered with, or null before its answer. */
  public JsonNode choices(String interactionId) {
    return choices.get(interactionId);
  }

  private void notify(JsonNode message, boolean interaction) {
    notified.addAll(DiscordLimits.notified(message, interaction));
  }

  /** Every message the answers put on screen so far, in order. */
  public List<Shown> shown() {
    return List.copyOf(shown);
  }

  /**
   * @param clock Discord's clock: the wall clock for a real JDA, whose snowflakes it reads too
   * @param shards how many shards the gateway expects; {@code GET /gateway/bot} recommends it
   */
  public FakeDiscord(Clock clock, int shards) throws IOException {
    this.clock = clock;
    this.shards = shards;
    this.ids.set((clock.millis() - DISCORD_EPOCH) << 22);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeDiscord.this.dispatch(request);
          }
        });
    server.start();
  }

  public FakeDiscord(Clock clock) throws IOException {
    this(clock, 1);
  }

  public String apiUrl() {
    return server.url("/api/v10/").toString();
  }

  public String gatewayUrl() {
    return "ws://127.0.0.1:" + server.getPort() + "/gateway";
  }

  /** The next request to this route ("METHOD /path", ids in callback and webhook paths as *). */
  public void failNext(String route, int status) {
    failures.computeIfAbsent(route, k -> new LinkedBlockingQueue<>()).add(status);
  }

  /** A JSON error Discord documents: the HTTP status it comes with, and its message. */
  private record Documented(int status, String message) {}

  /**
   * Discord's documented answers to a request it will not serve until someone acts, by JSON error
   * code (discord.com/developers/docs/topics/opcodes-and-status-codes#json).
   */
  private static final Map<Integer, Documented> DOCUMENTED =
      Map.of(
          10003, new Documented(404, "Unknown Channel"),
          10004, new Documented(404, "Unknown Guild"),
          10013, new Documented(404, "Unknown User"),
          50001, new Documented(403, "Missing Access"),
          50007, new Documented(403, "Cannot send messages to this user"),
          50013, new Documented(403, "Missing Permissions"));

  private final Map<String, Integer> refusing = new ConcurrentHashMap<>();

  /**
   * From now on every request to this route is refused as Discord refuses it, with one of its
   * documented JSON error codes (10003 Unknown Channel, 10004 Unknown Guild, 10013 Unknown User:
   * 404; 50001 Missing Access, 50007 Cannot send messages to this user, 50013 Missing Permissions:
   * 403), until {@link #admit}.
   */
  public void refuseFromNowOn(String route, int code) {
    if (!DOCUMENTED.containsKey(code)) {
      throw new IllegalArgumentException("not a refusal this fake knows: " + code);
    }
    refusing.put(route, code);
  }

  /** Requests to the route are served again (the bot was given its permissions back). */
  public void admit(String route) {
    refusing.remove(route);
  }

  /** Permissions taken from the app per channel, by an overwrite there. */
  private final Map<String, Long> withheld = new ConcurrentHashMap<>();

  /**
   * From now on the app lacks these permission bits in the channel (an overwrite denies them):
   * interactions used there carry {@code app_permissions} without them, and a message posted there
   * is refused as Discord refuses it (50001 Missing Access without View Channel, 50013 Missing
   * Permissions without Send Messages). Zero gives them back.
   */
  public void withholdFromApp(String channelId, long permissions) {
    String route = messagesTo(channelId);
    if (permissions == 0) {
      withheld.remove(channelId);
      admit(route);
      return;
    }
    withheld.put(channelId, permissions);
    if ((permissions & VIEW_CHANNEL) != 0) {
      refuseFromNowOn(route, 50001);
    } else if ((permissions & SEND_MESSAGES) != 0) {
      refuseFromNowOn(route, 50013);
    } else {
      admit(route);
    }
  }

  /** The app's permissions in a channel, as an interaction there carries them. */
  private long appPermissions(String channelId) {
    return VIEW_AND_SEND & ~withheld.getOrDefault(channelId, 0L);
  }

  /**
   * The route of messages posted to a channel, for {@link #failNext} and {@link #refuseFromNowOn}.
   */
  public static String messagesTo(String channelId) {
    return "POST /api/v10/channels/" + channelId + "/messages";
  }

  /** The next message posted to the DM channel fails with this status. */
  public void failNextMessage(int status) {
    failNext("POST /api/v10/channels/" + DM_CHANNEL + "/messages", status);
  }

  // ---------------------------------------------------------------- interactions

  /** A slash command in a direct message; options as Discord's JSON array. */
  public String slash(String userId, String name, String optionsJson) {
    return interaction(userId, null, 2, commandData(name, optionsJson), "", false);
  }

  /** A slash command in a guild's text channel, by a member with or without Manage Channels. */
  public String guildSlash(
      String guildId, String userId, boolean moderator, String name, String optionsJson) {
    return interaction(userId, guildId, 2, commandData(name, optionsJson), "", moderator);
  }

  /**
   * An autocomplete interaction (type 4) in a direct message: the member is typing {@code value}
   * into the focused option {@code option} of {@code /name subcommand}.
   */
  public String autocomplete(
      String userId, String name, String subcommand, String option, String value) {
    return autocomplete(userId, name, subcommand, option, 3, quote(value));
  }

  /**
   * An autocomplete interaction whose focused option is of another type than text (Discord offers
   * autocomplete on text, integer and number options): {@code valueJson} is what the member typed
   * so far, as Discord sends it (a number option's partial input arrives as a string).
   */
  public String autocomplete(
      String userId, String name, String subcommand, String option, int type, String valueJson) {
    String focused =
        "{\"name\":"
            + quote(option)
            + ",\"type\":"
            + type
            + ",\"value\":"
            + valueJson
            + ",\"focused\":true}";
    String options =
        "[{\"name\":" + quote(subcommand) + ",\"type\":1,\"options\":[" + focused + "]}]";
    return interaction(userId, null, AUTOCOMPLETE, commandData(name, options), "", false);
  }

  /** Interaction type of an autocomplete request; only a callback of type 8 answers it. */
  private static final int AUTOCOMPLETE = 4;

  /** A button press on a message the bot sent in a direct message. */
  public String press(String userId, String customId) {
    return interaction(
        userId,
        null,
        3,
        "{\"custom_id\":" + quote(customId) + ",\"component_type\":2}",
        ",\"message\":" + message("900000000000000009", DM_CHANNEL, ""),
        false);
  }

  /** A choice in a string select menu (component type 3) on a message in a direct message. */
  public String select(String userId, String customId, String value) {
    return interaction(
        userId,
        null,
        3,
        "{\"custom_id\":"
            + quote(customId)
            + ",\"component_type\":3,\"values\":["
            + quote(value)
            + "]}",
        ",\"message\":" + message("900000000000000009", DM_CHANNEL, ""),
        false);
  }

  /** A modal submitted (interaction type 5) in a direct message, with no fields filled in. */
  public String modalSubmit(String userId, String customId) {
    return interaction(
        userId, null, 5, "{\"custom_id\":" + quote(customId) + ",\"components\":[]}", "", false);
  }

  /**
   * A message context-menu command ("Paper card") used on a message with this content, in a guild's
   * text channel: Discord resolves the target message into the interaction.
   */
  public String messageCommand(String guildId, String userId, String name, String content) {
    String target = Long.toString(ids.updateAndGet(this::nextSnowflake));
    String channel = guildId.equals(GUILD_A) ? CHANNEL_A : CHANNEL_B;
    String data =
        "{\"id\":\"700000000000000008\",\"name\":"
            + quote(name)
            + ",\"type\":3,\"target_id\":\""
            + target
            + "\",\"resolved\":{\"messages\":{\""
            + target
            + "\":"
            + message(target, channel, content).replace("\"flags\":64", "\"flags\":0")
            + "}}}";
    return interaction(userId, guildId, 2, data, "", false);
  }

  private static String commandData(String name, String optionsJson) {
    return "{\"id\":\"700000000000000007\",\"name\":"
        + quote(name)
        + ",\"type\":1,\"options\":"
        + optionsJson
        + "}";
  }

  private String interaction(
      String userId, String guildId, int type, String data, String extra, boolean moderator) {
    String id = Long.toString(ids.updateAndGet(this::nextSnowflake));
    String token = "token-" + id;
    String user = user(userId, "member" + userId.substring(userId.length() - 2), false);
    StringBuilder json = new StringBuilder();
    json.append("{\"id\":\"")
        .append(id)
        .append("\",\"token\":\"")
        .append(token)
        .append("\",\"type\":")
        .append(type)
        .append(",\"version\":1,\"application_id\":\"")
        .append(APP_ID)
        .append("\",\"locale\":\"en-US\",\"entitlements\":[],")
        .append("\"attachment_size_limit\":10485760,");
    if (guildId == null) {
      json.append("\"channel_id\":\"")
          .append(DM_CHANNEL)
          .append("\",\"channel\":{\"id\":\"")
          .append(DM_CHANNEL)
          .append("\",\"type\":1,\"last_message_id\":null,\"flags\":0,\"recipients\":[")
          .append(user)
          .append("]},\"user\":")
          .append(user)
          .append(",\"context\":1,\"authorizing_integration_owners\":{\"1\":\"")
          .append(userId)
          .append("\"},\"app_permissions\":\"")
          .append(VIEW_AND_SEND)
          .append("\"");
    } else {
      String channel = guildId.equals(GUILD_A) ? CHANNEL_A : CHANNEL_B;
      long permissions = VIEW_AND_SEND | (moderator ? MANAGE_CHANNELS : 0);
      json.append("\"guild\":{\"id\":\"")
          .append(guildId)
          .append("\",\"locale\":\"en-US\",\"features\":[]},\"guild_id\":\"")
          .append(guildId)
          .append("\",\"guild_locale\":\"en-US\",\"channel_id\":\"")
          .append(channel)
          .append("\",\"channel\":")
          .append(textChannel(guildId, channel, permissions))
          .append(",\"member\":")
          .append(member(user, moderator ? "[\"" + MODERATOR_ROLE + "\"]" : "[]", permissions))
          .append(",\"context\":0,\"authorizing_integration_owners\":{\"0\":\"")
          .append(guildId)
          .append("\"},\"app_permissions\":\"")
          .append(appPermissions(channel))
          .append("\"");
    }
    json.append(extra).append(",\"data\":").append(data).append("}");
    return json.toString();
  }

  /** Snowflakes: milliseconds since Discord's epoch in the top bits, a counter below. */
  private long nextSnowflake(long previous) {
    long now = (clock.millis() - DISCORD_EPOCH) << 22;
    return Math.max(now, previous + 1);
  }

  /**
   * Sends INTERACTION_CREATE on the gateway of the shard that serves the interaction's guild (shard
   * 0 for direct messages); Discord's clock starts for it now, at its snowflake time.
   */
  public void dispatchInteraction(String interactionJson) throws InterruptedException {
    JsonNode node = track(interactionJson);
    int shard = node.hasNonNull("guild_id") ? shardOf(node.get("guild_id").asText()) : 0;
    session(shard).send(dispatchJson("INTERACTION_CREATE", interactionJson));
  }

  /**
   * The guild's text channel is deleted: CHANNEL_DELETE goes to the shard serving the guild (a
   * GUILDS-intent event), and a message posted there from now on gets 404 Unknown Channel.
   */
  public void deleteChannel(String guildId) throws InterruptedException {
    String channel = guildId.equals(GUILD_A) ? CHANNEL_A : CHANNEL_B;
    refuseFromNowOn(messagesTo(channel), 10003);
    session(shardOf(guildId))
        .send(dispatchJson("CHANNEL_DELETE", textChannel(guildId, channel, -1)));
  }

  /** Records an interaction as created, without sending it: for driving the REST side alone. */
  public JsonNode track(String interactionJson) {
    JsonNode node = read(interactionJson);
    String id = node.get("id").asText();
    Interaction tracked =
        new Interaction(
            id,
            node.get("token").asText(),
            (Long.parseLong(id) >> 22) + DISCORD_EPOCH,
            node.get("channel_id").asText(),
            node.path("type").asInt(),
            focusedType(node.path("data").path("options")));
    interactions.put(id, tracked);
    byToken.put(tracked.token, tracked);
    return node;
  }

  /** The type of the focused option among these options and their subcommands', or 0. */
  private static int focusedType(JsonNode options) {
    for (JsonNode option : options) {
      if (option.path("focused").asBoolean()) {
        return option.path("type").asInt();
      }
      int nested = focusedType(option.path("options"));
      if (nested != 0) {
        return nested;
      }
    }
    return 0;
  }

  /** Every interaction dispatched so far, with how long after its creation its callback came. */
  public List<Answered> answered() {
    List<Answered> answered = new ArrayList<>();
    for (Interaction interaction : interactions.values()) {
      if (interaction.answeredMillis >= 0) {
        answered.add(
            new Answered(
                interaction.id,
                Duration.ofMillis(interaction.answeredMillis - interaction.createdMillis),
                interaction.answerType));
      }
    }
    return answered;
  }

  /**
   * How many of these interactions have their answer: a reply in the callback, or a deferral and
   * then a follow-up.
   */
  public long delivered(java.util.Collection<String> ids) {
    return ids.stream().map(interactions::get).filter(i -> i != null && i.delivered).count();
  }

  /** How long after its creation each of these interactions got its accepted callback. */
  public List<Answered> answered(java.util.Collection<String> ids) {
    List<Answered> answered = new ArrayList<>();
    for (String id : ids) {
      Interaction interaction = interactions.get(id);
      if (interaction != null && interaction.answeredMillis >= 0) {
        answered.add(
            new Answered(
                id,
                Duration.ofMillis(interaction.answeredMillis - interaction.createdMillis),
                interaction.answerType));
      }
    }
    return answered;
  }

  /** Interactions that got no accepted callback (yet). */
  public long unanswered() {
    return interactions.values().stream().filter(i -> i.answeredMillis < 0).count();
  }

  /** Requests refused so far (late answers, second answers, oversize payloads, 429s, ...). */
  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  // ---------------------------------------------------------------- gateway control

  /** Sends op 7 RECONNECT on a shard: the client should reconnect and RESUME its session. */
  public void reconnect(int shard) throws InterruptedException {
    Session session = session(shard);
    session.send("{\"op\":7,\"d\":null}");
  }

  /**
   * Sends op 9 INVALID SESSION on a shard: with {@code resumable} false the client must wait 1 to 5
   * s and IDENTIFY afresh; with true it may RESUME.
   */
  public void invalidSession(int shard, boolean resumable) throws InterruptedException {
    session(shard).send("{\"op\":9,\"d\":" + resumable + "}");
  }

  /**
   * Closes a shard's connection with a gateway close code: 4000 to 4009 let the client reconnect,
   * while 4004 (authentication failed), 4010 to 4014 (bad shard, sharding required, invalid API
   * version, invalid or disallowed intents) tell it not to.
   */
  public void closeGateway(int shard, int code, String reason) throws InterruptedException {
    session(shard).socket.close(code, reason);
  }

  /** The next IDENTIFY is answered by closing the connection with this close code. */
  public void refuseNextIdentify(int code, String reason) {
    refuseIdentify.add(new int[] {code});
    refuseReason = reason;
  }

  private final BlockingQueue<int[]> refuseIdentify = new LinkedBlockingQueue<>();
  private volatile String refuseReason = "";

  /** Gateway connections opened so far (each gets HELLO). */
  public int gatewayConnections() {
    return allSessions.size();
  }

  /** Sessions resumed (op 6) so far. */
  public int resumes() {
    return resumes.get();
  }

  /** Sessions identified (op 2) so far. */
  public int identifies() {
    return identifies.get();
  }

  private final List<Long> intents = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The intents each IDENTIFY asked for, in order. */
  public List<Long> identifiedIntents() {
    return List.copyOf(intents);
  }

  /** Gateway connections whose messages this fake sent zlib-stream compressed. */
  public int compressedSessions() {
    return compressedSessions.get();
  }

  /** The shard that serves a guild, by Discord's rule. */
  public int shardOf(String guildId) {
    return (int) ((Long.parseUnsignedLong(guildId) >> 22) % shards);
  }

  /** The current session of a shard, waiting up to 60 s for it to identify or resume. */
  private Session session(int shard) throws InterruptedException {
    BlockingQueue<Session> queue =
        sessions.computeIfAbsent(shard, k -> new LinkedBlockingQueue<>());
    Session session = queue.poll(60, TimeUnit.SECONDS);
    if (session == null) {
      throw new IllegalStateException("shard " + shard + " never connected");
    }
    queue.add(session);
    return session;
  }

  // ---------------------------------------------------------------- REST

  /**
   * The next request to "METHOD /path" (callback and webhook paths with ids replaced by *), waiting
   * up to 60 s (generous for a busy machine).
   */
  public RecordedRequest next(String key) throws InterruptedException {
    return requests
        .computeIfAbsent(key, k -> new LinkedBlockingQueue<>())
        .poll(60, TimeUnit.SECONDS);
  }

  /** The next request to "METHOD /path" if one has come, else null at once. */
  public RecordedRequest nextNow(String key) {
    return requests.computeIfAbsent(key, k -> new LinkedBlockingQueue<>()).poll();
  }

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.startsWith("/gateway")) {
      boolean compressed = "zlib-stream".equals(request.getUrl().queryParameter("compress"));
      return new MockResponse.Builder().webSocketUpgrade(new Gateway(compressed)).build();
    }
    String key =
        request.getMethod()
            + " "
            + path.replaceAll("/interactions/\\d+/[^/]+/callback", "/interactions/*/callback")
                .replaceAll("/webhooks/\\d+/[^/?]+", "/webhooks/*");
    requests.computeIfAbsent(key, k -> new LinkedBlockingQueue<>()).add(request);
    // A request that names a bot token other than this bot's is refused, as Discord refuses it
    // (interaction callbacks and webhooks carry their own token in the path and need none).
    String authorization = request.getHeaders().get("Authorization");
    if (authorization != null && !authorization.equals("Bot " + TOKEN)) {
      return refuse(key, 401, 0, "401: Unauthorized");
    }
    Integer failure = Optional.ofNullable(failures.get(key)).map(BlockingQueue::poll).orElse(null);
    if (failure != null) {
      return refuse(key, failure, 0, "trouble");
    }
    Integer refusal = refusing.get(key);
    if (refusal != null) {
      Documented answer = DOCUMENTED.get(refusal);
      return refuse(key, answer.status(), refusal, answer.message());
    }
    Matcher callback = CALLBACK.matcher(path);
    if (callback.matches()) {
      return callback(key, callback.group(1), callback.group(2), request);
    }
    Matcher followUp = FOLLOW_UP.matcher(path);
    if (followUp.matches() && request.getMethod().equals("POST")) {
      return followUp(key, followUp.group(2), request);
    }
    return switch (key) {
      case "GET /api/v10/gateway/bot" ->
          json(
              200,
              "{\"url\":\""
                  + gatewayUrl()
                  + "\",\"shards\":"
                  + shards
                  + ",\"session_start_limit\":{\"total\":1000,\"remaining\":999,"
                  + "\"reset_after\":14400000,\"max_concurrency\":1}}");
      case "GET /api/v10/users/@me" -> json(200, user(BOT_ID, "paperbot", true));
      case "GET /api/v10/oauth2/applications/@me" ->
          json(
              200,
              "{\"id\":\""
                  + APP_ID
                  + "\",\"name\":\"paperbot\",\"icon\":null,\"description\":\"\","
                  + "\"bot_public\":true,\"bot_require_code_grant\":false,\"flags\":0,"
                  + "\"verify_key\":\"0\",\"team\":null,\"tags\":[],\"owner\":"
                  + user("300000000000000003", "ana", false)
                  + ",\"bot\":"
                  + user(BOT_ID, "paperbot", true)
                  + "}");
      case "PUT /api/v10/applications/" + APP_ID + "/commands" -> register(key, request, null);
      case "PUT /api/v10/applications/" + APP_ID + "/guilds/" + GUILD_A + "/commands" ->
          register(key, request, GUILD_A);
      case "PUT /api/v10/applications/" + APP_ID + "/guilds/" + GUILD_B + "/commands" ->
          register(key, request, GUILD_B);
      case "POST /api/v10/users/@me/channels" ->
          json(
              200,
              "{\"id\":\""
                  + DM_CHANNEL
                  + "\",\"type\":1,"
                  + "\"last_message_id\":null,\"recipients\":["
                  + user("300000000000000003", "ana", false)
                  + "]}");
      case "POST /api/v10/channels/" + DM_CHANNEL + "/messages",
          "POST /api/v10/channels/" + CHANNEL_A + "/messages",
          "POST /api/v10/channels/" + CHANNEL_B + "/messages" -> {
        JsonNode message = body(request);
        String invalid = invalidMessage(message);
        if (invalid != null) {
          yield invalidForm(key, invalid);
        }
        String earlier = sameNonce(message);
        if (earlier != null) {
          yield json(200, earlier);
        }
        notify(message, false);
        String created =
            message(Long.toString(ids.updateAndGet(this::nextSnowflake)), path.split("/")[4], "");
        if (message.path("enforce_nonce").asBoolean() && message.hasNonNull("nonce")) {
          byNonce.put(message.get("nonce").asText(), new Nonced(clock.millis(), created));
        }
        yield json(200, created);
      }
      default -> refuse(key, 404, 0, "404: Not Found");
    };
  }

  /** A message created with {@code enforce_nonce}, and when. */
  private record Nonced(long createdMillis, String message) {}

  private final Map<String, Nonced> byNonce = new ConcurrentHashMap<>();

  /** How long Discord remembers a nonce: "the past few minutes". */
  static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

  /**
   * The message the bot created earlier with this message's nonce, when it asks for the nonce to be
   * enforced: Discord then returns that message and creates none.
   */
  private String sameNonce(JsonNode message) {
    if (!message.path("enforce_nonce").asBoolean() || !message.hasNonNull("nonce")) {
      return null;
    }
    Nonced earlier = byNonce.get(message.get("nonce").asText());
    return earlier != null && clock.millis() - earlier.createdMillis() <= NONCE_WINDOW.toMillis()
        ? earlier.message()
        : null;
  }

  /** Discord answers a command registration with the commands it now holds, ids added. */
  private MockResponse register(String key, RecordedRequest request, String guildId) {
    JsonNode commands = read(request.getBody().utf8());
    String invalid = DiscordLimits.invalidCommands(commands);
    return invalid != null ? invalidForm(key, invalid) : json(200, registered(commands, guildId));
  }

  private String registered(JsonNode commands, String guildId) {
    for (JsonNode command : commands) {
      ObjectNode created = (ObjectNode) command;
      created.put("id", Long.toString(ids.updateAndGet(this::nextSnowflake)));
      created.put("application_id", APP_ID);
      created.put("version", created.get("id").asText());
      created.put("type", command.path("type").asInt(1));
      if (guildId != null) {
        created.put("guild_id", guildId);
      }
    }
    return commands.toString();
  }

  private MockResponse callback(String key, String id, String token, RecordedRequest request) {
    Interaction interaction = interactions.get(id);
    long now = clock.millis();
    if (interaction == null
        || !interaction.token.equals(token)
        || now - interaction.createdMillis > ANSWER_DEADLINE.toMillis()) {
      return refuse(key, 404, 10062, "Unknown interaction");
    }
    JsonNode body = body(request);
    int type = body.path("type").asInt();
    // An autocomplete interaction (type 4) takes choices (8) and nothing else; choices answer
    // nothing but autocomplete.
    if ((interaction.type == AUTOCOMPLETE) != (type == 8)) {
      return refuse(key, 400, 50035, "Invalid interaction response type");
    }
    String invalid =
        switch (type) {
          case 4, 7 -> invalidMessage(body.path("data"));
          case 8 -> DiscordLimits.invalidChoices(body.path("data"), interaction.focusedType);
          case 9 -> DiscordLimits.invalidModal(body.path("data"));
          default -> null;
        };
    if (invalid != null) {
      return invalidForm(key, "data." + invalid);
    }
    synchronized (interaction) {
      if (interaction.answeredMillis >= 0) {
        return refuse(key, 400, 40060, "Interaction has already been acknowledged.");
      }
      interaction.answeredMillis = now;
      interaction.answerType = type;
      interaction.delivered = type != 5;
      interaction.deferredFlags = body.path("data").path("flags").asInt() & EPHEMERAL;
    }
    if (type == 8) {
      choices.put(id, body.path("data").path("choices"));
    }
    if (type == 4 || type == 7) {
      notify(body.path("data"), true);
    }
    if (type == 4) {
      shown.add(
          new Shown(
              id,
              (body.path("data").path("flags").asInt() & EPHEMERAL) != 0,
              body.path("data").path("content").asText()));
    }
    if (!"true".equals(request.getUrl().queryParameter("with_response"))) {
      return new MockResponse.Builder().code(204).build();
    }
    JsonNode data = body.path("data");
    int flags = data.path("flags").asInt() | (type == 5 ? 128 : 0); // 128: loading
    String messageId = Long.toString(ids.updateAndGet(this::nextSnowflake));
    String message =
        type == 5
            ? message(messageId, interaction.channelId, "")
                .replace("\"flags\":64", "\"flags\":" + flags)
            : messageWith(messageId, interaction.channelId, data, flags);
    return json(
        200,
        "{\"interaction\":{\"id\":\""
            + id
            + "\",\"type\":2,\"response_message_id\":\""
            + messageId
            + "\",\"response_message_loading\":"
            + (type == 5)
            + ",\"response_message_ephemeral\":"
            + ((flags & 64) != 0)
            + "},\"resource\":{\"type\":"
            + type
            + (type == 4 || type == 5 ? ",\"message\":" + message : "")
            + "}}");
  }

  private MockResponse followUp(String key, String token, RecordedRequest request) {
    Interaction interaction = byToken.get(token);
    if (interaction == null
        || interaction.answeredMillis < 0
        || clock.millis() - interaction.createdMillis > FOLLOW_UP_WINDOW.toMillis()) {
      return refuse(key, 404, 10015, "Unknown Webhook");
    }
    JsonNode body = body(request);
    String invalid = invalidMessage(body);
    if (invalid != null) {
      return invalidForm(key, invalid);
    }
    notify(body, true);
    int flags = body.path("flags").asInt();
    synchronized (interaction) {
      // Discord: the first follow-up after a deferral edits the "thinking…" message, whose
      // visibility was fixed when deferring; later follow-ups are messages of their own.
      if (interaction.answerType == 5 && !interaction.followedUp) {
        flags = (flags & ~EPHEMERAL) | interaction.deferredFlags;
      }
      interaction.followedUp = true;
      interaction.delivered = true;
    }
    shown.add(new Shown(interaction.id, (flags & EPHEMERAL) != 0, body.path("content").asText()));
    return json(
        200,
        messageWith(
            Long.toString(ids.updateAndGet(this::nextSnowflake)),
            interaction.channelId,
            body,
            flags));
  }

  /** The first limit a message breaks, as the path of the offending field, or null. */
  public static String invalidMessage(JsonNode message) {
    return DiscordLimits.invalidMessage(message);
  }

  private MockResponse invalidForm(String key, String field) {
    StringBuilder errors = new StringBuilder();
    String[] parts = field.split("\\.");
    for (String part : parts) {
      errors.append("{\"").append(part).append("\":");
    }
    errors.append(
        "{\"_errors\":[{\"code\":\"BASE_TYPE_MAX_LENGTH\",\"message\":\"Must be within limits.\"}]}");
    errors.append("}".repeat(parts.length));
    refusals.add(new Refusal(key, 400, 50035));
    return json(
        400, "{\"message\":\"Invalid Form Body\",\"code\":50035,\"errors\":" + errors + "}");
  }

  private MockResponse refuse(String key, int status, int code, String message) {
    refusals.add(new Refusal(key, status, code));
    log.info("fake discord refused route=\"{}\" status={} code={}", key, status, code);
    if (status == 429) {
      // Discord's rate-limit answer: the body's retry_after in seconds, the same in the headers.
      return new MockResponse.Builder()
          .code(429)
          .addHeader("Content-Type", "application/json")
          .addHeader("Retry-After", "1")
          // Discord's own 429s come through its proxy; JDA takes one without Via for Cloudflare's.
          .addHeader("Via", "1.1 google")
          .addHeader("X-RateLimit-Limit", "5")
          .addHeader("X-RateLimit-Remaining", "0")
          .addHeader("X-RateLimit-Reset-After", "0.250")
          .addHeader("X-RateLimit-Reset", String.format("%.3f", (clock.millis() + 250) / 1000.0))
          .addHeader("X-RateLimit-Bucket", "fake-bucket")
          .addHeader("X-RateLimit-Scope", "user")
          .body(
              "{\"message\":\"You are being rate limited.\",\"retry_after\":0.25,\"global\":false}")
          .build();
    }
    return json(status, "{\"message\":" + quote(message) + ",\"code\":" + code + "}");
  }

  /** A request's JSON, whether sent as JSON or as multipart with payload_json; files are kept. */
  private JsonNode body(RecordedRequest request) {
    files.addAll(files(request));
    return payload(request);
  }

  /** The JSON of a request Discord received: the body, or the payload_json part of a multipart. */
  public static JsonNode payload(RecordedRequest request) {
    for (String[] part : parts(request)) {
      if (part[0].equals("payload_json")) {
        return read(part[2]);
      }
    }
    String text = request.getBody() == null ? "" : request.getBody().utf8();
    int start = text.indexOf('{');
    return start < 0
        ? JSON.createObjectNode()
        : read(text.substring(start, text.lastIndexOf('}') + 1));
  }

  private static List<Attached> files(RecordedRequest request) {
    List<Attached> found = new ArrayList<>();
    for (String[] part : parts(request)) {
      if (part[1] != null) {
        found.add(new Attached(part[1], part[2]));
      }
    }
    return found;
  }

  /** A multipart body's parts as {name, filename or null, content}; none for other bodies. */
  private static List<String[]> parts(RecordedRequest request) {
    String type = String.valueOf(request.getHeaders().get("Content-Type"));
    Matcher boundary = BOUNDARY.matcher(type);
    List<String[]> parts = new ArrayList<>();
    if (!type.startsWith("multipart/form-data") || !boundary.find()) {
      return parts;
    }
    String text = request.getBody() == null ? "" : request.getBody().utf8();
    for (String part : text.split("--" + Pattern.quote(boundary.group(1)))) {
      int blank = part.indexOf("\r\n\r\n");
      if (blank < 0) {
        continue;
      }
      String head = part.substring(0, blank);
      Matcher name = PART_NAME.matcher(head);
      Matcher file = PART_FILE.matcher(head);
      parts.add(
          new String[] {
            name.find() ? name.group(1) : "",
            file.find() ? file.group(1) : null,
            part.substring(blank + 4).replaceAll("\r\n$", "")
          });
    }
    return parts;
  }

  /** A file sent with a message (multipart, as Discord takes attachments). */
  public record Attached(String filename, String text) {}

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART_NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
  private static final Pattern PART_FILE = Pattern.compile("filename=\"([^\"]+)\"");
  private final List<Attached> files = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Files attached to the answers and messages so far, in order. */
  public List<Attached> attached() {
    return List.copyOf(files);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  // ---------------------------------------------------------------- entities

  public static String user(String id, String name, boolean bot) {
    return "{\"id\":\""
        + id
        + "\",\"username\":\""
        + name
        + "\",\"discriminator\":\"0000\",\"global_name\":null,"
        + "\"avatar\":null,\"bot\":"
        + bot
        + ",\"verified\":true,\"mfa_enabled\":false,\"flags\":0}";
  }

  public static String message(String id) {
    return message(id, "400000000000000004", "");
  }

  static String message(String id, String channelId, String content) {
    return "{\"id\":\""
        + id
        + "\",\"channel_id\":\""
        + channelId
        + "\",\"type\":0,\"content\":"
        + quote(content)
        + ",\"author\":"
        + user(BOT_ID, "paperbot", true)
        + ",\"timestamp\":\"2026-11-23T09:00:00.000000+00:00\","
        + "\"edited_timestamp\":null,\"tts\":false,\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],"
        + "\"attachments\":[],\"embeds\":[],\"pinned\":false,\"flags\":64,\"components\":[]}";
  }

  /** The message Discord created from a request: its content, embeds and components kept. */
  private static String messageWith(String id, String channelId, JsonNode data, int flags) {
    ObjectNode created = (ObjectNode) read(message(id, channelId, data.path("content").asText()));
    created.put("flags", flags);
    if (data.has("embeds")) {
      // Discord stores every embed a bot sends as a "rich" embed and says so.
      for (JsonNode embed : data.get("embeds")) {
        ((ObjectNode) embed).put("type", "rich");
      }
      created.set("embeds", data.get("embeds"));
    }
    if (data.has("components")) {
      created.set("components", data.get("components"));
    }
    return created.toString();
  }

  private static String textChannel(String guildId, String channelId, long permissions) {
    return "{\"id\":\""
        + channelId
        + "\",\"type\":0,\"guild_id\":\""
        + guildId
        + "\",\"name\":\"papers\",\"position\":0,\"permission_overwrites\":[],\"nsfw\":false,"
        + "\"parent_id\":null,\"topic\":null,\"last_message_id\":null,\"rate_limit_per_user\":0,"
        + "\"flags\":0"
        + (permissions >= 0 ? ",\"permissions\":\"" + permissions + "\"" : "")
        + "}";
  }

  private static String member(String user, String roles, long permissions) {
    return "{\"user\":"
        + user
        + ",\"roles\":"
        + roles
        + ",\"nick\":null,\"avatar\":null,\"premium_since\":null,\"joined_at\":"
        + "\"2026-01-01T00:00:00.000000+00:00\",\"deaf\":false,\"mute\":false,\"pending\":false,"
        + "\"flags\":0,\"communication_disabled_until\":null"
        + (permissions >= 0 ? ",\"permissions\":\"" + permissions + "\"" : "")
        + "}";
  }

  private static String role(String id, String name, long permissions, int position) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"color\":0,\"colors\":{\"primary_color\":0,\"secondary_color\":null,"
        + "\"tertiary_color\":null},\"hoist\":false,\"icon\":null,\"unicode_emoji\":null,"
        + "\"position\":"
        + position
        + ",\"permissions\":\""
        + permissions
        + "\",\"managed\":false,\"mentionable\":false,\"flags\":0}";
  }

  /** A GUILD_CREATE's guild: @everyone (the guild's id) and the moderator role, one channel. */
  private static String guild(String guildId) {
    String channel = guildId.equals(GUILD_A) ? CHANNEL_A : CHANNEL_B;
    return "{\"id\":\""
        + guildId
        + "\",\"name\":\"guild "
        + guildId.substring(guildId.length() - 4)
        + "\",\"icon\":null,\"splash\":null,\"discovery_splash\":null,\"banner\":null,"
        + "\"description\":null,\"owner_id\":\"300000000000000003\",\"afk_channel_id\":null,"
        + "\"afk_timeout\":300,\"verification_level\":0,\"default_message_notifications\":0,"
        + "\"explicit_content_filter\":0,\"mfa_level\":0,\"nsfw_level\":0,\"premium_tier\":0,"
        + "\"premium_subscription_count\":0,\"premium_progress_bar_enabled\":false,"
        + "\"system_channel_id\":null,\"system_channel_flags\":0,\"rules_channel_id\":null,"
        + "\"public_updates_channel_id\":null,\"safety_alerts_channel_id\":null,"
        + "\"preferred_locale\":\"en-US\",\"vanity_url_code\":null,\"features\":[],"
        + "\"max_members\":500000,\"max_video_channel_users\":25,\"unavailable\":false,"
        + "\"large\":false,\"member_count\":3,\"joined_at\":\"2026-01-01T00:00:00.000000+00:00\","
        + "\"roles\":["
        + role(guildId, "@everyone", VIEW_AND_SEND, 0)
        + ","
        + role(MODERATOR_ROLE, "moderators", VIEW_AND_SEND | MANAGE_CHANNELS, 1)
        + "],\"emojis\":[],\"stickers\":[],\"channels\":["
        + textChannel(guildId, channel, -1)
        + "],\"threads\":[],\"members\":["
        + member(user(BOT_ID, "paperbot", true), "[]", -1)
        + "],\"voice_states\":[],\"presences\":[],\"stage_instances\":[],"
        + "\"guild_scheduled_events\":[],\"soundboard_sounds\":[]}";
  }

  private String dispatchJson(String event, String data) {
    return "{\"op\":0,\"s\":"
        + sequence.incrementAndGet()
        + ",\"t\":\""
        + event
        + "\",\"d\":"
        + data
        + "}";
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  // ---------------------------------------------------------------- the gateway websocket

  /** One gateway connection: what it sends goes through one zlib stream when compression is on. */
  private static final class Session {
    private final WebSocket socket;
    private final Deflater deflater;

    Session(WebSocket socket, boolean compressed) {
      this.socket = socket;
      this.deflater = compressed ? new Deflater() : null;
    }

    synchronized void send(String text) {
      if (deflater == null) {
        socket.send(text);
        return;
      }
      // zlib-stream: one deflate context for the whole connection; each message ends with a sync
      // flush (00 00 ff ff), which is how the client knows a message is complete.
      deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
      byte[] buffer = new byte[8192];
      okio.Buffer out = new okio.Buffer();
      int written;
      do {
        written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, written);
      } while (written == buffer.length);
      socket.send(out.readByteString());
    }

    void close() {
      socket.close(1000, "fake discord closing");
      if (deflater != null) {
        synchronized (this) {
          deflater.end();
        }
      }
    }
  }

  /** The gateway script: HELLO; READY and GUILD_CREATEs on IDENTIFY; RESUMED on RESUME. */
  private final class Gateway extends WebSocketListener {
    private final boolean compressed;
    private volatile Session session;

    Gateway(boolean compressed) {
      this.compressed = compressed;
    }

    @Override
    public void onOpen(WebSocket socket, Response response) {
      session = new Session(socket, compressed);
      allSessions.add(session);
      if (compressed) {
        compressedSessions.incrementAndGet();
      }
      session.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      JsonNode payload = read(text);
      switch (payload.path("op").asInt(-1)) {
        case 1 -> session.send("{\"op\":11}");
        case 2 -> identify(payload.path("d"));
        case 6 -> resume(payload.path("d"));
        default -> {}
      }
    }

    @Override
    public void onMessage(WebSocket socket, ByteString bytes) {
      onMessage(socket, bytes.utf8());
    }

    private void identify(JsonNode identify) {
      int[] refusal = refuseIdentify.poll();
      if (refusal != null) {
        session.socket.close(refusal[0], refuseReason);
        return;
      }
      if (!TOKEN.equals(identify.path("token").asText())) {
        session.socket.close(4004, "Authentication failed.");
        return;
      }
      int shard = identify.path("shard").path(0).asInt(0);
      // The shard's old connection gets no more interactions: one sent from now on waits for this
      // connection's READY (a test may send one as soon as it sees the count).
      unregister(shard);
      identifies.incrementAndGet();
      intents.add(identify.path("intents").asLong(-1));
      List<String> guilds = new ArrayList<>();
      for (String guild : List.of(GUILD_A, GUILD_B)) {
        if (shardOf(guild) == shard) {
          guilds.add(guild);
        }
      }
      StringBuilder unavailable = new StringBuilder();
      for (String guild : guilds) {
        unavailable
            .append(unavailable.isEmpty() ? "" : ",")
            .append("{\"id\":\"")
            .append(guild)
            .append("\",\"unavailable\":true}");
      }
      session.send(
          dispatchJson(
              "READY",
              "{\"v\":10,\"user\":"
                  + user(BOT_ID, "paperbot", true)
                  + ",\"guilds\":["
                  + unavailable
                  + "],\"private_channels\":[],\"session_id\":\"session-"
                  + shard
                  + "\",\"resume_gateway_url\":\""
                  + gatewayUrl()
                  + "\",\"shard\":["
                  + shard
                  + ","
                  + shards
                  + "],\"application\":{\"id\":\""
                  + APP_ID
                  + "\",\"flags\":0}}"));
      // GUILD_CREATE belongs to the GUILDS intent (1 << 0): a client that did not ask for it is
      // never told its guilds, their channels or its permissions there.
      if ((identify.path("intents").asLong(0) & GUILDS_INTENT) != 0) {
        for (String guild : guilds) {
          session.send(dispatchJson("GUILD_CREATE", guild(guild)));
        }
      }
      register(shard);
    }

    private void resume(JsonNode resume) {
      int shard = Integer.parseInt(resume.path("session_id").asText("session-0").substring(8));
      unregister(shard);
      resumes.incrementAndGet();
      session.send(dispatchJson("RESUMED", "{}"));
      register(shard);
    }

    private void unregister(int shard) {
      sessions.computeIfAbsent(shard, k -> new LinkedBlockingQueue<>()).clear();
    }

    /** This connection is now the shard's: interactions for its guilds go here. */
    private void register(int shard) {
      BlockingQueue<Session> queue =
          sessions.computeIfAbsent(shard, k -> new LinkedBlockingQueue<>());
      queue.clear();
      queue.add(session);
    }
  }

  @Override
  public void close() {
    for (Session session : allSessions) {
      session.close();
    }
    server.close();
  }
}
