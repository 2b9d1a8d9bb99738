package paperbot.discord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.OneAnswer;
import paperbot.chat.Reply;

/**
 * One interaction's single answer on Discord: the reply as the interaction's callback, or a
 * deferral (the member sees "thinking…") and the reply as a follow-up. Which of the two is decided
 * by {@link OneAnswer}, shared with Slack; this class only makes Discord's calls.
 */
final class InteractionAnswer implements OneAnswer.Sink {
  private static final Logger log = LoggerFactory.getLogger(InteractionAnswer.class);

  /** What the asker sees in place of "thinking…" when the answer goes to the whole channel. */
  static final String FOR_THE_CHANNEL = "Here it is, for the channel:";

  private final IReplyCallback event;
  private final Function<Reply, MessageCreateData> render;
  private final OneAnswer answer = new OneAnswer(this);
  private final CompletableFuture<Void> sent = new CompletableFuture<>();

  /**
   * @param render draws a reply as Discord's message
   */
  InteractionAnswer(IReplyCallback event, Function<Reply, MessageCreateData> render) {
    this.event = event;
    this.render = render;
  }

  /** Defers unless the answer went out already. */
  void defer() {
    answer.acknowledge();
  }

  /** Sends the answer: as the callback when nothing went out yet, otherwise as the follow-up. */
  void send(Reply reply) {
    answer.send(reply);
  }

  @Override
  public CompletionStage<?> acknowledge() {
    return event
        .deferReply(true)
        .submit()
        .whenComplete((ok, error) -> {
          if (error != null) {
            log.warn("discord defer failed id={} error={}", event.getId(), brief(error));
          }
        });
  }

  @Override
  public void inline(Reply reply) {
    event
        .reply(render.apply(reply))
        .setEphemeral(reply.ephemeral())
        .queue(ok -> sent.complete(null), error -> failed("reply", error));
  }

  /**
   * The follow-up after the deferral. The deferral is private (most answers are), and Discord makes
   * the first follow-up take the deferral's place and keep its visibility: an answer for the
   * channel ({@code /paper}, a shared page) would show to the asker alone. So a public answer first
   * fills that place with a private line, then goes out as a message of its own.
   */
  @Override
  public void later(Reply reply) {
    InteractionHook hook = event.getHook();
    if (!reply.ephemeral()) {
      hook.sendMessage(FOR_THE_CHANNEL)
          .setEphemeral(true)
          .queue(
              ok ->
                  hook.sendMessage(render.apply(reply))
                      .setEphemeral(false)
                      .queue(posted -> sent.complete(null), error -> failed("follow-up", error)),
              error -> failed("follow-up", error));
      return;
    }
    hook.sendMessage(render.apply(reply))
        .setEphemeral(true)
        .queue(ok -> sent.complete(null), error -> failed("follow-up", error));
  }

  private void failed(String what, Throwable error) {
    log.warn("discord {} failed id={} error={}", what, event.getId(), brief(error));
    sent.complete(null);
  }

  /**
   * One line: Discord's error code and name where there is one (JDA's own text for 10062 runs to
   * six lines of advice), else the exception's first line.
   */
  static String brief(Throwable error) {
    if (error instanceof ErrorResponseException response) {
      return response.getErrorCode() + " " + response.getErrorResponse();
    }
    String text = error.toString();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** Completes when the answer has been sent or refused: after that JDA may close. */
  CompletableFuture<Void> sent() {
    return sent;
  }
}
