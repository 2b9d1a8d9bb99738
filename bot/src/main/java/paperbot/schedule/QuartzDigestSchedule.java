package paperbot.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.digest.DigestRunner;
import paperbot.digest.DigestSchedule;
import paperbot.recommender.digest.DigestStore;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.store.SqlDialect;

/**
 * Quartz with the JDBC job store on paperbot's own pooled database. Triggers survive restarts;
 * clustering lets several paperbot processes share the tables with each digest firing once; a
 * misfired digest fires once on start and the runner skips it when it is later than the grace
 * window. On a day the clocks spring forward over a digest's local time (02:30 in New York's
 * 02:00–03:00 gap), which the cron skips, a one-shot trigger runs it at the first moment that
 * exists (03:30); each run plans the next such day.
 */
public final class QuartzDigestSchedule implements DigestSchedule, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QuartzDigestSchedule.class);
  private static final String GROUP = "digest";
  private static final String DATA_SOURCE = "paperbot";

  private final Scheduler scheduler;
  private final DigestStore store;
  private final Clock clock;

  private QuartzDigestSchedule(Scheduler scheduler, DigestStore store, Clock clock) {
    this.scheduler = scheduler;
    this.store = store;
    this.clock = clock;
  }

  /** Starts Quartz on the data source and makes sure every stored subscription has its trigger. */
  public static QuartzDigestSchedule start(
      DataSource dataSource,
      SqlDialect dialect,
      DigestRunner runner,
      DigestStore store,
      Duration retryDelay,
      Duration clusterCheckin,
      Clock clock)
      throws SchedulerException {
    // Quartz looks data sources up by name; registering ours reuses the pool instead of opening a
    // second one.
    DBConnectionManager.getInstance()
        .addConnectionProvider(DATA_SOURCE, new PoolProvider(dataSource));
    Properties props = new Properties();
    props.setProperty("org.quartz.scheduler.instanceName", "paperbot");
    props.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    props.setProperty("org.quartz.threadPool.threadCount", "2");
    props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    props.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        switch (dialect) {
          case POSTGRESQL -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
          case SQLITE -> SqliteDelegate.class.getName();
          case H2 -> "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
        });
    if (dialect == SqlDialect.SQLITE) {
      // SQLite has no SELECT ... FOR UPDATE (Quartz's default row lock). An UPDATE of the lock row
      // takes the write
      // lock instead, and this semaphore inserts a lock row that is missing. With IMMEDIATE
      // transactions the
      // database is already locked from BEGIN, so the update only keeps Quartz's bookkeeping the
      // same.
      props.setProperty(
          "org.quartz.jobStore.lockHandler.class",
          "org.quartz.impl.jdbcjobstore.UpdateLockRowSemaphore");
    }
    props.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    props.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    props.setProperty("org.quartz.jobStore.useProperties", "true");
    // Clustered even on one node: a restarted process recovers the runs its previous life left half
    // done, and
    // on PostgreSQL several processes share the triggers, each digest firing on one of them.
    props.setProperty("org.quartz.jobStore.isClustered", "true");
    // How often each node reports alive; a node silent for this plus 7.5 s is dead and its runs are
    // taken over.
    props.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval", String.valueOf(clusterCheckin.toMillis()));
    props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    Scheduler scheduler = new StdSchedulerFactory(props).getScheduler();
    scheduler.getContext().put(DigestJob.RUNNER, runner);
    scheduler.getContext().put(DigestJob.RETRY_DELAY, retryDelay);
    QuartzDigestSchedule schedule = new QuartzDigestSchedule(scheduler, store, clock);
    scheduler.getContext().put(DigestJob.SCHEDULE, schedule);
    // One query for the triggers that exist, not one per subscription: start-up stays fast with
    // many thousands.
    Set<TriggerKey> existing = scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP));
    Instant now = clock.instant();
    for (Subscription subscription : store.all()) {
      if (!existing.contains(triggerKey(subscription.id()))) {
        schedule.schedule(subscription);
        continue;
      }
      // Digests scheduled before spring-forward runs existed, or whose planned one was lost, get
      // it.
      Optional<Trigger> springForward = springForwardTrigger(subscription, now);
      if (springForward.isPresent() && !existing.contains(springForward.get().getKey())) {
        schedule.addUnlessPlanned(springForward.get());
      }
    }
    scheduler.start();
    return schedule;
  }

  @Override
  public void schedule(Subscription subscription) {
    JobDetail job =
        JobBuilder.newJob(DigestJob.class)
            .withIdentity(jobKey(subscription.id()))
            .usingJobData(
                DigestJob.SUBSCRIPTION,
                String.valueOf(subscription.id())) // useProperties: strings only
            .requestRecovery() // a node that dies mid-run hands the job to another; the day claim
            // prevents a repeat
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(triggerKey(subscription.id()))
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron(subscription))
                    .inTimeZone(TimeZone.getTimeZone(subscription.zone()))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    Set<Trigger> triggers = new HashSet<>(Set.of(trigger));
    springForwardTrigger(subscription, clock.instant()).ifPresent(triggers::add);
    try {
      scheduler.scheduleJob(job, triggers, true);
      // Replacing keeps the job's other triggers: a spring-forward run of the time it had goes.
      for (Trigger old : scheduler.getTriggersOfJob(job.getKey())) {
        if (isSpringForward(subscription.id(), old.getKey())
            && triggers.stream().noneMatch(t -> t.getKey().equals(old.getKey()))) {
          scheduler.unscheduleJob(old.getKey());
        }
      }
      log.info(
          "digest scheduled subscription={} cron=\"{}\" zone={}",
          subscription.id(),
          cron(subscription),
          subscription.zone());
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not schedule digest " + subscription.id(), e);
    }
  }

  @Override
  public void unschedule(long subscriptionId) {
    try {
      scheduler.deleteJob(jobKey(subscriptionId));
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not unschedule digest " + subscriptionId, e);
    }
  }

  /**
   * The trigger's next fire time after paperbot's clock, or the planned spring-forward run's when
   * that comes first. Quartz's own next fire time counts from the machine's wall clock; asking the
   * trigger's cron from the injected clock keeps what members see consistent with every other "now"
   * in the bot (and the same as Quartz's in production, where the clock is the system clock).
   */
  @Override
  public Optional<Instant> nextRun(long subscriptionId) {
    try {
      if (!(scheduler.getTrigger(triggerKey(subscriptionId)) instanceof CronTrigger cron)) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      CronExpression expression = new CronExpression(cron.getCronExpression());
      expression.setTimeZone(cron.getTimeZone());
      Optional<Instant> next =
          Optional.ofNullable(expression.getNextValidTimeAfter(Date.from(now)))
              .map(Date::toInstant);
      for (Trigger trigger : scheduler.getTriggersOfJob(jobKey(subscriptionId))) {
        if (isSpringForward(subscriptionId, trigger.getKey())
            && trigger.getNextFireTime() != null) {
          Instant oneShot = trigger.getNextFireTime().toInstant();
          if (oneShot.isAfter(now) && (next.isEmpty() || oneShot.isBefore(next.get()))) {
            next = Optional.of(oneShot);
          }
        }
      }
      return next;
    } catch (SchedulerException | ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Called as a digest runs: makes sure the next day its local time is skipped by the clocks, if
   * any within the horizon, has its one-shot trigger (the one that may just have fired is gone).
   */
  void planSpringForwardRun(long subscriptionId, Instant after) throws SchedulerException {
    Optional<Trigger> next =
        store.find(subscriptionId).flatMap(s -> springForwardTrigger(s, after));
    if (next.isPresent() && !scheduler.checkExists(next.get().getKey())) {
      addUnlessPlanned(next.get());
    }
  }

  private void addUnlessPlanned(Trigger springForward) throws SchedulerException {
    try {
      scheduler.scheduleJob(springForward);
    } catch (ObjectAlreadyExistsException e) {
      // another process sharing the job store planned it first
    }
  }

  /**
   * The one-shot trigger of the subscription's next day after a moment whose local time the clocks
   * skip, named by that day so that planning it again finds it.
   */
  private static Optional<Trigger> springForwardTrigger(Subscription subscription, Instant after) {
    return SpringForwardRuns.next(
            subscription.at(), subscription.zone(), subscription.days(), after)
        .map(run ->
            TriggerBuilder.newTrigger()
                .withIdentity(
                    TriggerKey.triggerKey(
                        springForwardPrefix(subscription.id()) + run.day(), GROUP))
                .forJob(jobKey(subscription.id()))
                .startAt(Date.from(run.at()))
                .withSchedule(
                    SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build());
  }

  /** The Quartz scheduler, for tests in this package that look at the stored triggers. */
  Scheduler quartz() {
    return scheduler;
  }

  private static String springForwardPrefix(long id) {
    return "digest-" + id + "-spring-forward-";
  }

  static boolean isSpringForward(long id, TriggerKey key) {
    return key.getGroup().equals(GROUP) && key.getName().startsWith(springForwardPrefix(id));
  }

  /**
   * Schedules one refresh job per paper source (cron in UTC, by source name); an empty cron
   * disables one. Refresh jobs left in the job store by sources no longer wired are removed.
   */
  public void scheduleRefreshes(
      paperbot.recommender.ingest.LiveSources sources, Map<String, String> cronBySource)
      throws SchedulerException {
    scheduler.getContext().put(RefreshSourcesJob.SOURCES, sources);
    for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals("sources"))) {
      if (!cronBySource.containsKey(stored.getName().replaceFirst("^refresh-", ""))) {
        scheduler.deleteJob(stored);
      }
    }
    for (Map.Entry<String, String> refresh : cronBySource.entrySet()) {
      JobKey key = JobKey.jobKey("refresh-" + refresh.getKey(), "sources");
      if (refresh.getValue().isBlank()) {
        scheduler.deleteJob(key);
        continue;
      }
      JobDetail job =
          JobBuilder.newJob(RefreshSourcesJob.class)
              .withIdentity(key)
              .usingJobData(RefreshSourcesJob.SOURCE, refresh.getKey())
              .build();
      Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity(TriggerKey.triggerKey(key.getName(), "sources"))
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(refresh.getValue())
                      .inTimeZone(TimeZone.getTimeZone("UTC"))
                      // A missed refresh just waits for the next one.
                      .withMisfireHandlingInstructionDoNothing())
              .build();
      scheduler.scheduleJob(job, Set.of(trigger), true);
    }
  }

  /**
   * Runs a source refresh (by source name, e.g. "hf") at once through Quartz, as its trigger would.
   */
  public void fireRefresh(String source) {
    try {
      scheduler.triggerJob(JobKey.jobKey("refresh-" + source, "sources"));
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  /** When a source refresh fires next, if scheduled. */
  public Optional<Instant> nextRefresh(String source) {
    try {
      Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("refresh-" + source, "sources"));
      return trigger == null
          ? Optional.empty()
          : Optional.ofNullable(trigger.getNextFireTime()).map(d -> d.toInstant());
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Fires the subscription's job at once through Quartz, as its trigger would ({@code paperbot
   * digest --now}).
   */
  public void fireNow(long subscriptionId) {
    try {
      scheduler.triggerJob(jobKey(subscriptionId));
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not fire digest " + subscriptionId, e);
    }
  }

  /**
   * The next fire times of the subscription's triggers, from a moment on: its cron in its zone and
   * its runs on days the clocks skip its local time (for checks and status).
   */
  static List<Instant> fireTimes(Subscription subscription, Instant from, int count) {
    try {
      CronExpression cron = new CronExpression(cron(subscription));
      cron.setTimeZone(TimeZone.getTimeZone(subscription.zone()));
      List<Instant> times = new ArrayList<>();
      Instant next = from;
      for (int i = 0; i < count; i++) {
        Instant cronNext = cron.getNextValidTimeAfter(Date.from(next)).toInstant();
        Instant after = next;
        next =
            SpringForwardRuns.next(
                    subscription.at(), subscription.zone(), subscription.days(), after)
                .map(SpringForwardRuns.Run::at)
                .filter(run -> run.isBefore(cronNext))
                .orElse(cronNext);
        times.add(next);
      }
      return times;
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Quartz cron (seconds first): at the local minute and hour on the subscription's days. */
  static String cron(Subscription subscription) {
    String days =
        subscription.days().stream()
            .sorted()
            .map(d -> d.name().substring(0, 3))
            .collect(Collectors.joining(","));
    return "0 "
        + subscription.at().getMinute()
        + " "
        + subscription.at().getHour()
        + " ? * "
        + (days.isEmpty() ? "*" : days);
  }

  private static JobKey jobKey(long id) {
    return JobKey.jobKey("digest-" + id, GROUP);
  }

  private static TriggerKey triggerKey(long id) {
    return TriggerKey.triggerKey("digest-" + id, GROUP);
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("scheduler shutdown failed error={}", e.toString());
    }
  }

  /**
   * Hands Quartz connections from paperbot's pool.
   *
   * <p>Quartz stops its housekeeping threads (the cluster check-in, the misfire scan) by
   * interrupting them, and one caught waiting for a connection logs an ERROR stack ("Interrupted
   * during connection acquisition") on shutdown. The pool stays open until Quartz has stopped (it
   * joins those threads first), so the wait is finished instead, and the interrupt kept for the
   * thread to see once it has its connection.
   */
  record PoolProvider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      try {
        return dataSource.getConnection();
      } catch (SQLException e) {
        if (!Thread.interrupted()) {
          throw e;
        }
        try {
          return dataSource.getConnection();
        } finally {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void shutdown() {
      // the pool belongs to paperbot's Database and is closed with it
    }

    @Override
    public void initialize() {
      // nothing to set up: the pool is already open
    }
  }
}
