package paperbot.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;
import paperbot.recommender.store.Database;
import paperbot.recommender.store.JdbcProfileStore;

/**
 * What durability costs a command: the rate of single-command commits (one {@code /topics add}'s
 * store call each, one transaction, synced before it returns) on paperbot's database, against the
 * same calls on H2 with the settings of the old embedded default (commits handed to the file
 * system, never synced), in the same run on the same disk.
 */
final class CommitRate {
  /** Commits per measurement; a few seconds of synced commits on an ordinary disk. */
  static final int COMMITS = 600;

  private static final int MEMBERS = 50;

  /** Commits per second, paperbot's and the H2 baseline's, on one thread and on {@code threads}. */
  record Rates(
      double ours, double baseline, double oursParallel, double baselineParallel, int threads) {}

  private CommitRate() {}

  static Rates measure(ProfileStore ours, Path baselineDir, Clock clock, int threads)
      throws Exception {
    try (Database h2 = Database.open(Database.h2Url(baselineDir), null, null)) {
      ProfileStore baseline = new JdbcProfileStore(h2.dataSource(), clock);
      rate(ours, "warm-up", 1); // JIT and pool, for both stores alike
      rate(baseline, "warm-up", 1);
      return new Rates(
          rate(ours, "one", 1),
          rate(baseline, "one", 1),
          rate(ours, "many", threads),
          rate(baseline, "many", threads),
          threads);
    }
  }

  /**
   * Adds {@link #COMMITS} topics spread over {@link #MEMBERS} members (each add its own
   * transaction).
   */
  private static double rate(ProfileStore store, String run, int threads) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(() -> {
              for (int i = next.getAndIncrement(); i < COMMITS; i = next.getAndIncrement()) {
                store.addTopic(
                    new MemberKey("CONSOLE", "commit-bench", "m" + (i % MEMBERS)),
                    run + " topic " + i,
                    1);
              }
              return null;
            }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return COMMITS / ((System.nanoTime() - began) / 1e9);
  }
}
