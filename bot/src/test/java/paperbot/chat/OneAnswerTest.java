package paperbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The single answer both platforms give: the reply in time, or an acknowledgement and the reply
 * later.
 */
final class OneAnswerTest {
  private static final Reply REPLY = Reply.privateText("papers");

  private static final class Recorded implements OneAnswer.Sink {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void inline(Reply reply) {
      calls.add("inline");
    }

    @Override
    public CompletionStage<?> acknowledge() {
      calls.add("acknowledge");
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void later(Reply reply) {
      calls.add("later");
    }
  }

  @Test
  void aReplyInTimeIsTheAnswerAndALateDeadlineSendsNothing() {
    Recorded sink = new Recorded();
    OneAnswer answer = new OneAnswer(sink);
    answer.send(REPLY);
    answer.acknowledge();
    assertThat(sink.calls).containsExactly("inline");
  }

  @Test
  void afterTheDeadlineTheAcknowledgementGoesOnceAndTheReplyFollows() {
    Recorded sink = new Recorded();
    OneAnswer answer = new OneAnswer(sink);
    answer.acknowledge();
    answer.acknowledge(); // a shutdown after the deadline: still one acknowledgement
    answer.send(REPLY);
    assertThat(sink.calls).containsExactly("acknowledge", "later");
  }

  @Test
  void racingTheDeadlineNeverAnswersTwiceOrLosesTheReply() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 500; round++) {
        Recorded sink = new Recorded();
        OneAnswer answer = new OneAnswer(sink);
        CountDownLatch go = new CountDownLatch(1);
        var worker =
            pool.submit(() -> {
              go.await();
              answer.send(REPLY);
              return null;
            });
        var deadline =
            pool.submit(() -> {
              go.await();
              answer.acknowledge();
              return null;
            });
        go.countDown();
        worker.get(10, TimeUnit.SECONDS);
        deadline.get(10, TimeUnit.SECONDS);
        assertThat(sink.calls).isIn(List.of("inline"), List.of("acknowledge", "later"));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
