package paperbot.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request's single answer, as both chat platforms take it: the reply itself when the core is done
 * in time, otherwise an acknowledgement first (Slack: an empty ack; Discord: a deferral) and the
 * reply later (Slack: the response_url; Discord: a follow-up). The deadline, the worker and a
 * shutdown race to answer; whichever moves first decides which of the two it is, so a request is
 * never answered twice nor left without its acknowledgement. Each adapter supplies only its
 * platform's three calls.
 */
public final class OneAnswer {
  /** How one platform sends each kind of answer. */
  public interface Sink {
    /** The reply as the answer itself, in time. */
    void inline(Reply reply);

    /**
     * The acknowledgement that promises a reply later; completes when the platform has taken it,
     * since a later reply sent before it would be refused.
     */
    CompletionStage<?> acknowledge();

    /** The reply after an acknowledgement. */
    void later(Reply reply);
  }

  private enum State {
    PENDING,
    ACKNOWLEDGED,
    REPLIED
  }

  private final Sink sink;
  private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
  private final CompletableFuture<CompletionStage<?>> acknowledged = new CompletableFuture<>();

  public OneAnswer(Sink sink) {
    this.sink = sink;
  }

  /** Acknowledges unless the answer went out already; the acknowledgement is sent once. */
  public void acknowledge() {
    if (state.compareAndSet(State.PENDING, State.ACKNOWLEDGED)) {
      acknowledged.complete(sink.acknowledge());
    }
  }

  /** Sends the reply: as the answer when nothing went out yet, otherwise as the later reply. */
  public void send(Reply reply) {
    if (state.compareAndSet(State.PENDING, State.REPLIED)) {
      sink.inline(reply);
    } else {
      // After the acknowledgement has gone out, whichever thread sent it and however long it took.
      acknowledged
          .thenCompose(taken -> taken.handle((ok, error) -> null))
          .thenRun(() -> sink.later(reply));
    }
  }
}
