package paperbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Quartz interrupts its cluster check-in thread to stop it; a real Hikari pool then refuses the
 * connection that thread is waiting for, and Quartz logs the failure as an ERROR stack. The
 * provider finishes the wait instead and leaves the interrupt set.
 */
final class PoolProviderTest {
  @Test
  void aConnectionWaitInterruptedByShutdownIsFinishedAndTheInterruptKept() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:pool-provider-test");
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(60_000);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      QuartzDigestSchedule.PoolProvider provider = new QuartzDigestSchedule.PoolProvider(pool);
      Connection held = pool.getConnection(); // the pool's only connection is busy
      CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
      Thread checkIn =
          new Thread(
              () -> {
                try (Connection got = provider.getConnection()) {
                  interruptKept.complete(Thread.currentThread().isInterrupted() && got.isValid(5));
                } catch (Exception e) {
                  interruptKept.completeExceptionally(e);
                }
              },
              "cluster-check-in");
      checkIn.start();
      while (checkIn.getState() != Thread.State.TIMED_WAITING
          && checkIn.getState() != Thread.State.WAITING) {
        Thread.sleep(10);
      }
      checkIn.interrupt(); // what Quartz's shutdown does
      Thread.sleep(200); // let the interrupt land while the connection is still held
      held.close();
      assertThat(interruptKept.get()).isTrue();
    }
  }
}
