package paperbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.ActionRespondUtility;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatUnfurlRequest;
import com.slack.api.model.event.ChannelDeletedEvent;
import com.slack.api.model.event.GroupDeletedEvent;
import com.slack.api.model.event.LinkSharedEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.DeliveryLedger;
import paperbot.chat.OneAnswer;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.command.CommandRouter;
import paperbot.command.PaperCommand;

/**
 * The Bolt app: every paperbot slash command, every button, the message shortcuts and pasted arXiv
 * links (link_shared) go to the command core, and each {@link Reply} comes back as Block Kit.
 * Commands that answer within the inline budget are answered in the ack; slower ones are acked at
 * once and answered through the response_url, so Slack's 3-second limit always holds.
 */
public final class SlackAdapter {
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

  private final CommandRouter router;
  private final SlackRenderer renderer = new SlackRenderer();
  private final ExecutorService workers;
  private final SlackSettings settings;
  private final DeliveryLedger deliveries;
  private final App app;

  /**
   * The message shortcuts' callback ids, as the manifest declares them (SlackManifestTest), beside
   * the names members see there: Slack's "Save paper" and "Paper card" on a message, like
   * Discord's.
   */
  static final String SAVE_PAPER = "save_paper";

  static final String PAPER_CARD = "paper_card";

  private static final Pattern ANY_COMMAND = Pattern.compile("^/.+$");

  private static final Pattern ANY = Pattern.compile(".*");

  private SlackAdapter(
      CommandRouter router,
      SlackSettings settings,
      ExecutorService workers,
      DeliveryLedger deliveries) {
    this.router = router;
    this.settings = settings;
    this.workers = workers;
    this.deliveries = deliveries;
    this.app =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(slack(settings))
                .authTestCacheEnabled(true)
                // Slack wants every event answered 200, or it sends it again and in the end
                // disables the app's event subscriptions. An event paperbot has no handler for
                // (the manifest subscribes to link_shared only; an app set up by hand may subscribe
                // to message, app_home_opened, reactions...) is acknowledged by Bolt with one DEBUG
                // line, where it would log a seven-line warning with a code suggestion each time.
                // Unknown shortcuts, views and the like still warn.
                .allEventsApiAutoAckEnabled(true)
                .build());
    // Every slash command goes to the core: it answers the commands it declares (the shipped
    // manifest lists the same, SlackManifestTest) and tells the member what it does not know, where
    // Bolt would answer 404 and Slack show the member only that the command failed (an app set up
    // from an older manifest may still send a command paperbot has dropped).
    app.command(ANY_COMMAND, this::onCommand);
    app.blockAction(ANY, this::onButton);
    app.event(LinkSharedEvent.class, this::onLinkShared);
    // A deleted channel's digest ends with it: public channels (channel_deleted, channels:read)
    // and private ones (group_deleted, groups:read).
    app.event(
        ChannelDeletedEvent.class,
        (payload, ctx) ->
            channelDeleted(payload.getTeamId(), payload.getEvent().getChannel(), ctx));
    app.event(
        GroupDeletedEvent.class,
        (payload, ctx) ->
            channelDeleted(payload.getTeamId(), payload.getEvent().getChannel(), ctx));
    // One handler for every shortcut on a message: Bolt tries its patterns in no set order, so a
    // catch-all beside the two named ones could take theirs.
    app.messageShortcut(ANY, this::onMessageShortcut);
    SlackUnknownInteractions.register(app, router, workers, this::respond);
  }

  /**
   * Builds and starts the Bolt app (which checks the bot token with auth.test).
   *
   * @param deliveries tells an event Slack sends again from its first delivery
   */
  public static SlackAdapter start(
      CommandRouter router,
      SlackSettings settings,
      ExecutorService workers,
      DeliveryLedger deliveries)
      throws Exception {
    SlackAdapter adapter = new SlackAdapter(router, settings, workers, deliveries);
    adapter.app.start();
    return adapter;
  }

  /** The Web API client configuration, pointed at {@link SlackSettings#apiUrl()}. */
  static Slack slack(SlackSettings settings) {
    SlackConfig config = new SlackConfig(); // SlackConfig.DEFAULT is immutable
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    return Slack.getInstance(config);
  }

  public App app() {
    return app;
  }

  private Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload payload = request.getPayload();
    // Who and where decide whose profile changes: a payload without them is not served (signed or
    // not).
    if (blank(payload.getCommand()) || blank(payload.getTeamId()) || blank(payload.getUserId())) {
      return MISSING_FIELDS;
    }
    String name = payload.getCommand();
    // The ack is the HTTP response itself: it carries the reply when the core is done within the
    // inline budget, else it is empty and the reply follows through the response_url.
    CompletableFuture<Optional<Reply>> ack = new CompletableFuture<>();
    OneAnswer answer =
        new OneAnswer(
            new OneAnswer.Sink() {
              @Override
              public void inline(Reply reply) {
                ack.complete(Optional.of(reply));
              }

              @Override
              public CompletionStage<?> acknowledge() {
                ack.complete(Optional.empty());
                return ack; // taken once the handler returns the empty ack
              }

              @Override
              public void later(Reply reply) {
                respond(ctx, reply);
              }
            });
    // Slash payloads carry no permissions. Only /digest changes channel settings, so only it asks
    // Slack whether the member is a workspace admin or owner (users.info) and, for an admin alone,
    // whether paperbot can post in the channel (conversations.info); other commands cost no extra
    // call. The questions are part of the answer, not of the ack: Slack wants the ack within 3 s
    // however long they take.
    boolean digest = name.equals("/digest");
    CompletableFuture.supplyAsync(
            () -> {
              boolean manager = !digest || isAdmin(ctx.client(), payload.getUserId());
              return router.handle(
                  new ChatRequest(
                      Platform.SLACK,
                      payload.getTeamId(),
                      payload.getChannelId(),
                      payload.getUserId(),
                      name,
                      SlackCommandText.read(payload.getText(), id -> memberName(ctx.client(), id)),
                      manager,
                      Map.of(),
                      digest && manager ? cannotPost(ctx.client(), payload.getChannelId()) : null));
            },
            workers)
        .thenAcceptAsync(
            reply -> {
              answer.send(reply);
              sendFile(ctx.client(), payload.getUserId(), reply, late -> respond(ctx, late));
            },
            workers);
    try {
      if (!settings.inlineBudget().isZero()) {
        try {
          ack.get(settings.inlineBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
          // answered below: the acknowledgement goes out empty unless the reply just won the race
        }
      }
      answer.acknowledge();
      Optional<Reply> inline = ack.get();
      return inline.isPresent() ? ctx.ack(commandResponse(inline.get())) : ctx.ack();
    } catch (Exception e) {
      log.error("slack command failed team={} command={}", payload.getTeamId(), name, e);
      return ctx.ack("Sorry, something went wrong with that command. Please try again.");
    }
  }

  private Response onButton(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    if (payload.getActions() == null
        || payload.getActions().isEmpty()
        || payload.getTeam() == null
        || blank(payload.getTeam().getId())
        || payload.getUser() == null
        || blank(payload.getUser().getId())
        || blank(payload.getActions().get(0).getActionId())) {
      return MISSING_FIELDS;
    }
    BlockActionPayload.Action pressed = payload.getActions().get(0);
    ChatAction action =
        new ChatAction(
            Platform.SLACK,
            payload.getTeam().getId(),
            payload.getChannel() == null ? "" : payload.getChannel().getId(),
            payload.getUser().getId(),
            pressed.getActionId(),
            pressed.getValue());
    // Buttons must be acked empty; the answer always goes through the response_url.
    CompletableFuture.supplyAsync(() -> router.handle(action), workers)
        .thenAccept(reply -> {
          respond(ctx, reply, action.workspace(), action.actionId());
          sendFile(ctx.client(), action.user(), reply, problem -> {});
        });
    return ctx.ack();
  }

  /**
   * "Save paper" or "Paper card" used on a message: Slack hands over the message it was used on,
   * and the core reads the arXiv links in it, as for Discord's commands of the same names. Both
   * answer the member alone. The shortcut is acked empty at once (Slack wants it within 3 s; an
   * unknown paper is fetched from arXiv first) and answered through its response_url. A shortcut
   * paperbot does not declare (an app set up from another manifest) is answered as a command it
   * does not know.
   */
  private Response onMessageShortcut(MessageShortcutRequest request, MessageShortcutContext ctx) {
    MessageShortcutPayload payload = request.getPayload();
    if (payload.getTeam() == null
        || blank(payload.getTeam().getId())
        || payload.getUser() == null
        || blank(payload.getUser().getId())
        || blank(payload.getResponseUrl())) {
      return MISSING_FIELDS;
    }
    ChatRequest message =
        new ChatRequest(
            Platform.SLACK,
            payload.getTeam().getId(),
            payload.getChannel() == null ? "" : payload.getChannel().getId(),
            payload.getUser().getId(),
            PaperCommand.NAME,
            SlackMessageText.of(payload.getMessage()));
    String callback = blank(payload.getCallbackId()) ? "" : payload.getCallbackId();
    Supplier<Reply> work =
        switch (callback) {
          case SAVE_PAPER -> () -> router.saveLinked(message);
          case PAPER_CARD -> () -> router.privateCards(message);
          default -> () -> router.handle(message.withCommand(callback, ""));
        };
    CompletableFuture.supplyAsync(work, workers)
        .thenAccept(reply -> respond(ctx, reply, message.workspace(), callback));
    return ctx.ack();
  }

  /** An interaction's answer, through its response_url, as a new message beside the original. */
  private void respond(ActionRespondUtility ctx, Reply reply, String team, String what) {
    try {
      ctx.respond(
          ActionResponse.builder()
              .responseType(SlackRenderer.responseType(reply))
              .replaceOriginal(false)
              .text(SlackRenderer.fallbackText(reply))
              .blocks(renderer.blocks(reply))
              .build());
    } catch (Exception e) {
      log.warn("slack response_url failed team={} action={} error={}", team, what, e.toString());
    }
  }

  /** Acked at once; the digest ends on a worker (a database and a scheduler to ask). */
  private Response channelDeleted(String team, String channel, EventContext ctx) {
    if (!blank(team) && !blank(channel)) {
      workers.execute(() -> router.channelDeleted(Platform.SLACK, team, channel));
    }
    return ctx.ack();
  }

  /**
   * A message with links to the domains in the manifest's {@code app_unfurl_domains}: each arXiv
   * link gets the paper's card through {@code chat.unfurl}. The event is acked at once (Slack wants
   * it within 3 s); fetching an unknown paper from arXiv may take longer.
   */
  private Response onLinkShared(EventsApiPayload<LinkSharedEvent> payload, EventContext ctx) {
    LinkSharedEvent event = payload.getEvent();
    // A composer preview is sent again once the message is posted; that one is unfurled (and
    // counted as the channel's share) once.
    if (event != null && !"composer".equals(event.getSource()) && !blank(payload.getTeamId())) {
      MethodsClient client = ctx.client();
      workers.execute(() -> {
        if (firstDelivery(payload.getEventId())) {
          unfurl(client, payload.getTeamId(), event);
        }
      });
    }
    return ctx.ack();
  }

  /**
   * False for an event already taken, by this process or another on the same database, before a
   * restart or after. Slack sends an event again, with the same event_id and an X-Slack-Retry-Num
   * header, when it thinks the first delivery failed (no 2xx within 3 s, a lost connection): at
   * once, after a minute and after five; processing it again would unfurl and count the share
   * twice. The header alone is not enough: a retry whose first delivery never arrived is new here.
   * Asked on a worker, after the ack, so a slow database never holds the ack past Slack's 3 s.
   */
  private boolean firstDelivery(String eventId) {
    return blank(eventId) || deliveries.firstDelivery(Platform.SLACK, eventId);
  }

  private void unfurl(MethodsClient client, String team, LinkSharedEvent event) {
    Map<String, ChatUnfurlRequest.UnfurlDetail> unfurls = new LinkedHashMap<>();
    for (LinkSharedEvent.Link link :
        event.getLinks() == null ? List.<LinkSharedEvent.Link>of() : event.getLinks()) {
      ChatRequest request =
          new ChatRequest(
              Platform.SLACK, team, event.getChannel(), event.getUser(), "paper", link.getUrl());
      Reply card = router.linkCards(request);
      if (!card.cards().isEmpty()) {
        ChatUnfurlRequest.UnfurlDetail detail = new ChatUnfurlRequest.UnfurlDetail();
        detail.setBlocks(renderer.blocks(card));
        unfurls.put(link.getUrl(), detail);
      }
    }
    if (unfurls.isEmpty()) {
      return;
    }
    try {
      var response =
          client.chatUnfurl(
              r -> r.channel(event.getChannel()).ts(event.getMessageTs()).unfurls(unfurls));
      if (!response.isOk()) {
        log.warn("slack chat.unfurl refused team={} error={}", team, response.getError());
      }
    } catch (Exception e) {
      log.warn("slack chat.unfurl failed team={} error={}", team, e.toString());
    }
  }

  private static final Response MISSING_FIELDS =
      Response.builder().statusCode(400).contentType("text/plain").body("missing fields").build();

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * A member's name as papers would print it (their full name, else their display name), for a
   * mention that arrives without one; empty when Slack does not say.
   */
  private static Optional<String> memberName(MethodsClient client, String userId) {
    try {
      var info = client.usersInfo(r -> r.user(userId));
      if (!info.isOk() || info.getUser() == null) {
        log.info("slack users.info refused error={}", info.getError());
        return Optional.empty();
      }
      var user = info.getUser();
      var profile = user.getProfile();
      return Stream.of(
              user.getRealName(),
              profile == null ? null : profile.getRealName(),
              profile == null ? null : profile.getDisplayName())
          .filter(name -> !blank(name))
          .findFirst();
    } catch (IOException | SlackApiException e) {
      log.info("slack users.info failed error={}", e.toString());
      return Optional.empty();
    }
  }

  /** Longest Retry-After an admin lookup waits out; the member is waiting for the answer. */
  static final Duration ADMIN_RETRY_LIMIT = Duration.ofSeconds(10);

  /**
   * Workspace admins and owners may manage channel digests; if Slack cannot tell us, the answer is
   * no. A 429 is Slack saying when to ask again: asked once more after its Retry-After, if short.
   */
  private static boolean isAdmin(MethodsClient client, String userId) {
    for (int attempt = 1; ; attempt++) {
      try {
        var info = client.usersInfo(r -> r.user(userId));
        if (!info.isOk()) {
          log.warn("slack users.info refused error={}", info.getError());
          return false;
        }
        return info.getUser() != null && (info.getUser().isAdmin() || info.getUser().isOwner());
      } catch (SlackApiException e) {
        Duration wait = SlackOutbox.retryAfter(e.getResponse().header("Retry-After"));
        if (e.getResponse().code() != 429 || attempt > 1 || wait.compareTo(ADMIN_RETRY_LIMIT) > 0) {
          log.warn(
              "slack users.info failed status={} error={}",
              e.getResponse().code(),
              e.getError() == null ? "" : e.getError().getError());
          return false;
        }
        log.info("slack users.info rate limited retry_in_ms={}", wait.toMillis());
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return false;
        }
      } catch (IOException e) {
        log.warn("slack users.info failed error={}", e.toString());
        return false;
      }
    }
  }

  /**
   * Why paperbot could not post a channel digest here, as conversations.info tells: a channel it
   * cannot see (private and not invited, or deleted) or an archived one. Null when it can, and when
   * Slack did not say (an app installed before the read scopes, an error, a rate limit): the first
   * digest finds out then, as before.
   */
  private static String cannotPost(MethodsClient client, String channelId) {
    try {
      var info = client.conversationsInfo(r -> r.channel(channelId));
      if (!info.isOk()) {
        if (!"channel_not_found".equals(info.getError())) {
          log.info("slack conversations.info refused error={}", info.getError());
          return null;
        }
        return SlackRefusals.reason("channel_not_found");
      }
      var channel = info.getChannel();
      if (channel == null) {
        return null;
      }
      if (channel.isArchived()) {
        return SlackRefusals.reason("is_archived");
      }
      // chat:write.public lets paperbot post in a public channel it is not in; nowhere else.
      boolean closed = channel.isPrivate() || channel.isMpim();
      return closed && !channel.isMember() && !channel.isIm()
          ? SlackRefusals.reason("not_in_channel")
          : null;
    } catch (SlackApiException | IOException e) {
      log.info("slack conversations.info failed error={}", e.toString());
      return null;
    }
  }

  private SlashCommandResponse commandResponse(Reply reply) {
    return SlashCommandResponse.builder()
        .responseType(SlackRenderer.responseType(reply))
        .text(SlackRenderer.fallbackText(reply))
        .blocks(renderer.blocks(reply))
        .build();
  }

  /** A reply's file goes to the member's direct messages; a refusal is told to the member. */
  private static void sendFile(
      MethodsClient client, String user, Reply reply, Consumer<Reply> onFailure) {
    if (reply.attachment() == null) {
      return;
    }
    try {
      SlackFileUpload.send(client, user, reply.attachment(), SlackRenderer.mrkdwn(reply.text()));
    } catch (IOException e) {
      log.warn(
          "slack file upload failed file={} error={}",
          reply.attachment().fileName(),
          e.getMessage());
      onFailure.accept(
          Reply.privateText(
              "I couldn't send " + reply.attachment().fileName() + " here: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void respond(SlashCommandContext ctx, Reply reply) {
    try {
      ctx.respond(commandResponse(reply));
    } catch (Exception e) {
      log.warn("slack response_url failed error={}", e.toString());
    }
  }
}
