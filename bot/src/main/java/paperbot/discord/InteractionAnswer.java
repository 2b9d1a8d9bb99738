package paperbot.discord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One interaction's single answer. Discord takes exactly one callback per interaction: either the
 * reply itself, when the core answers before the deadline, or a deferral (the member sees
 * "thinking…") followed later by the reply as a follow-up. The deadline timer, the worker and the
 * shutdown race to answer; whichever moves the state first decides which of the two it is.
 */
final class InteractionAnswer {
  private static final Logger log = LoggerFactory.getLogger(InteractionAnswer.class);

  private enum State {
    PENDING,
    DEFERRED,
    REPLIED
  }

  private final IReplyCallback event;
  private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
  private final CompletableFuture<Void> sent = new CompletableFuture<>();

  InteractionAnswer(IReplyCallback event) {
    this.event = event;
  }

  /** Defers unless the answer went out already; a deferral is the callback, so it is sent once. */
  void defer() {
    if (state.compareAndSet(State.PENDING, State.DEFERRED)) {
      event
          .deferReply(true)
          .queue(
              null,
              error ->
                  log.warn("discord defer failed id={} error={}", event.getId(), error.toString()));
    }
  }

  /** Sends the answer: as the callback when nothing went out yet, otherwise as the follow-up. */
  void send(MessageCreateData message, boolean ephemeral) {
    if (state.compareAndSet(State.PENDING, State.REPLIED)) {
      event
          .reply(message)
          .setEphemeral(ephemeral)
          .queue(ok -> sent.complete(null), error -> failed("reply", error));
    } else {
      event
          .getHook()
          .sendMessage(message)
          .setEphemeral(ephemeral)
          .queue(ok -> sent.complete(null), error -> failed("follow-up", error));
    }
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
