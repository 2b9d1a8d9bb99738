package paperbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.ActionRespondUtility;
import com.slack.api.bolt.context.builtin.AttachmentActionContext;
import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.request.builtin.AttachmentActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatAction;
import paperbot.chat.ChatRequest;
import paperbot.chat.Platform;
import paperbot.chat.Reply;
import paperbot.command.CommandRouter;

/**
 * Interactivity paperbot never issues, answered instead of refused: global shortcuts, forms (modals
 * and legacy dialogs), select menus that load their options, and buttons on legacy attachments. An
 * app set up by hand or from another manifest may send any of them; Bolt answers what no handler
 * takes 404, which Slack shows the member as a failure, and logs a seven-line warning each time.
 * Each is acknowledged within Slack's 3 s; where Slack gives a way to answer (a response_url, the
 * member's direct messages) the core says what it says of a button or command it does not know.
 */
final class SlackUnknownInteractions {
  private static final Logger log = LoggerFactory.getLogger(SlackUnknownInteractions.class);
  private static final Pattern ANY = Pattern.compile(".*");

  /** How the adapter answers an interaction at its response_url. */
  interface Responder {
    void respond(ActionRespondUtility ctx, Reply reply, String team, String what);
  }

  private SlackUnknownInteractions() {}

  static void register(
      App app, CommandRouter router, ExecutorService workers, Responder responder) {
    app.globalShortcut(ANY, (request, ctx) -> globalShortcut(request, ctx, router, workers));
    app.attachmentAction(
        ANY, (request, ctx) -> attachmentAction(request, ctx, router, workers, responder));
    // A form is closed and a menu offered no options: paperbot opened neither.
    app.viewSubmission(ANY, (request, ctx) -> quiet("view_submission", ctx.ack()));
    app.viewClosed(ANY, (request, ctx) -> quiet("view_closed", ctx.ack()));
    app.blockSuggestion(
        ANY, (request, ctx) -> quiet("block_suggestion", ctx.ack(r -> r.options(List.of()))));
    app.dialogSubmission(ANY, (request, ctx) -> quiet("dialog_submission", ctx.ack()));
    app.dialogSuggestion(ANY, (request, ctx) -> quiet("dialog_suggestion", ctx.ack()));
    app.dialogCancellation(ANY, (request, ctx) -> quiet("dialog_cancellation", ctx.ack()));
  }

  private static Response quiet(String type, Response ack) {
    log.info("slack interaction not ours type={}", type);
    return ack;
  }

  /**
   * A shortcut from the composer or the search bar carries no response_url: the answer goes to the
   * member's direct messages with paperbot.
   */
  private static Response globalShortcut(
      GlobalShortcutRequest request,
      GlobalShortcutContext ctx,
      CommandRouter router,
      ExecutorService workers) {
    var payload = request.getPayload();
    String callback = payload.getCallbackId() == null ? "" : payload.getCallbackId();
    log.info("slack interaction not ours type=shortcut callback={}", callback);
    if (payload.getTeam() == null || payload.getUser() == null) {
      return ctx.ack();
    }
    String user = payload.getUser().getId();
    ChatRequest asked =
        new ChatRequest(Platform.SLACK, payload.getTeam().getId(), "", user, callback, "");
    var client = ctx.client();
    CompletableFuture.supplyAsync(() -> router.handle(asked), workers)
        .thenAccept(reply -> {
          try {
            var posted =
                client.chatPostMessage(r ->
                    r.channel(user)
                        .text(SlackRenderer.fallbackText(reply))
                        .blocks(new SlackRenderer().blocks(reply)));
            if (!posted.isOk()) {
              log.warn("slack shortcut answer refused error={}", posted.getError());
            }
          } catch (Exception e) {
            log.warn("slack shortcut answer failed error={}", e.toString());
          }
        });
    return ctx.ack();
  }

  /** A button on a legacy attachment: answered as a button paperbot does not know. */
  private static Response attachmentAction(
      AttachmentActionRequest request,
      AttachmentActionContext ctx,
      CommandRouter router,
      ExecutorService workers,
      Responder responder) {
    var payload = request.getPayload();
    String team = payload.getTeam() == null ? "" : payload.getTeam().getId();
    String callback = payload.getCallbackId() == null ? "" : payload.getCallbackId();
    log.info("slack interaction not ours type=interactive_message callback={}", callback);
    if (payload.getUser() == null || payload.getResponseUrl() == null) {
      return ctx.ack();
    }
    ChatAction pressed =
        new ChatAction(
            Platform.SLACK,
            team,
            payload.getChannel() == null ? "" : payload.getChannel().getId(),
            payload.getUser().getId(),
            "",
            "");
    CompletableFuture.supplyAsync(() -> router.handle(pressed), workers)
        .thenAccept(reply -> responder.respond(ctx, reply, team, callback));
    return ctx.ack();
  }
}
