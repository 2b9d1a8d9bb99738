package paperbot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperbot.chat.ChatOutbox;
import paperbot.chat.Outboxes;
import paperbot.chat.Platform;
import paperbot.chat.PostResult;
import paperbot.chat.Reply;
import paperbot.chat.UserText;
import paperbot.recommender.digest.DigestPlan;
import paperbot.recommender.digest.DigestPlanner;
import paperbot.recommender.digest.DigestStore;
import paperbot.recommender.digest.Subscription;
import paperbot.recommender.profile.InterestProfile;
import paperbot.recommender.profile.MemberKey;
import paperbot.recommender.profile.ProfileStore;

/**
 * Runs one digest: claims the subscription's local day (so a trigger that fires twice, or fires
 * again after a restart, posts nothing more), plans, posts through the platform's outbox, and
 * records what was sent. A failed post gives the day back for a retry. A post the platform refused
 * until someone acts (paperbot removed from the channel, the channel archived) keeps the day,
 * recorded as refused with the reason for {@code /digest status}, and marks no paper sent: the next
 * announcement day tries again. Failures are logged with context and never thrown at the scheduler.
 */
public final class DigestRunner {
  private static final Logger log = LoggerFactory.getLogger(DigestRunner.class);

  /** What a run did. */
  public enum Outcome {
    POSTED,
    QUIET,
    ALREADY_RAN,
    TOO_LATE,
    NO_OUTBOX,
    FAILED,
    /** The platform refused the post until someone acts: not retried that day. */
    REFUSED,
    /**
     * No digest to run: it was unsubscribed, or the platform said its channel no longer exists and
     * the digest ended. Its schedule goes too.
     */
    GONE
  }

  /**
   * What a run did, and for a refused post, why.
   *
   * @param refused the platform's refusal when the outcome is {@link Outcome#REFUSED}
   */
  public record Attempt(Outcome outcome, Optional<PostResult.Refused> refused) {
    static Attempt of(Outcome outcome) {
      return new Attempt(outcome, Optional.empty());
    }
  }

  /** A post ready to send: the reply and the papers it will have posted. */
  public record Composed(Reply reply, List<String> paperIds, boolean quiet) {}

  /** The team post looks back one week. */
  static final Duration TEAM_WINDOW = Duration.ofDays(7);

  /** A channel digest learns from the team's likes of the last four weeks... */
  static final Duration TEAM_LEARNING = Duration.ofDays(28);

  /** ...their most liked papers, enough to know the team's taste. */
  static final int TEAM_LEARNED_PAPERS = 20;

  private final DigestStore store;
  private final ProfileStore profiles;
  private final paperbot.recommender.search.PaperIndex index;
  private final paperbot.recommender.digest.TopicMatcher matcher =
      new paperbot.recommender.digest.TopicMatcher();
  private final DigestPlanner planner;
  private final Outboxes outboxes;
  private final Duration misfireGrace;
  private final boolean postQuietDays;
  private final Clock clock;

  /**
   * @param postQuietDays true to post a one-line quiet-day note when nothing qualifies, false to
   *     skip the day
   */
  public DigestRunner(
      DigestStore store,
      ProfileStore profiles,
      paperbot.recommender.search.PaperIndex index,
      DigestPlanner planner,
      Outboxes outboxes,
      Duration misfireGrace,
      boolean postQuietDays,
      Clock clock) {
    this.index = index;
    this.postQuietDays = postQuietDays;
    this.store = store;
    this.profiles = profiles;
    this.planner = planner;
    this.outboxes = outboxes;
    this.misfireGrace = misfireGrace;
    this.clock = clock;
  }

  /** What the digest would post now; nothing is claimed or recorded. */
  public Composed compose(Subscription subscription) {
    if (subscription.kind() == Subscription.Kind.TEAM) {
      return team(subscription);
    }
    DigestPlan plan = planner.plan(subscription, profileOf(subscription), store.sent(subscription));
    Map<String, List<String>> mentions =
        subscription.kind() == Subscription.Kind.CHANNEL ? mentions(subscription, plan) : Map.of();
    return new Composed(
        DigestReplies.of(plan, mentions),
        plan.papers().stream().map(r -> r.paper().id()).toList(),
        plan.quiet());
  }

  private Composed team(Subscription subscription) {
    var picks = new ArrayList<Map.Entry<paperbot.recommender.corpus.Paper, Integer>>();
    for (var liked :
        profiles.mostLiked(
            subscription.platform(),
            subscription.workspace(),
            clock.instant().minus(TEAM_WINDOW),
            subscription.size())) {
      index.get(liked.getKey()).ifPresent(paper -> picks.add(Map.entry(paper, liked.getValue())));
    }
    LocalDate day = LocalDate.now(clock.withZone(subscription.zone()));
    // Team picks may repeat across weeks by design (they are votes, not news), so they are not kept
    // out by the log.
    return new Composed(DigestReplies.team(day, picks), List.of(), picks.isEmpty());
  }

  /** Opted-in members whose topics a paper matches, as mentions with the topic. */
  private Map<String, List<String>> mentions(Subscription subscription, DigestPlan plan) {
    Map<String, List<String>> mentions = new HashMap<>();
    for (MemberKey member :
        profiles.mentionable(subscription.platform(), subscription.workspace())) {
      InterestProfile profile = profiles.load(member);
      for (var rec : plan.papers()) {
        matcher
            .strongestMatch(rec.paper(), profile.topics())
            .ifPresent(topic ->
                mentions
                    .computeIfAbsent(rec.paper().id(), k -> new ArrayList<>())
                    .add(UserText.mention(member.user()) + "'s topic " + UserText.literal(topic)));
      }
    }
    return mentions;
  }

  /**
   * A run that holds its day's claim this long without finishing belongs to a process that died; a
   * later trigger may take it over. (A run takes seconds; Quartz hands a dead node's runs over much
   * sooner, as recovering.)
   */
  static final Duration RUN_LEASE = Duration.ofMinutes(15);

  /** A scheduled run: skipped when it is later than the misfire grace or its day already ran. */
  public Outcome runScheduled(long subscriptionId, Instant scheduledFire) {
    return runScheduled(subscriptionId, scheduledFire, false);
  }

  /**
   * @param earlierAttempt true when an earlier attempt at this run may have posted: Quartz
   *     re-running the job of a process that died mid-run (its unfinished run is taken over at
   *     once), or a retry after a post that failed (perhaps a timeout after Slack took the
   *     message). The platform is asked for the post before posting.
   */
  public Outcome runScheduled(long subscriptionId, Instant scheduledFire, boolean earlierAttempt) {
    Optional<Subscription> found = store.find(subscriptionId);
    if (found.isEmpty()) {
      log.info("digest skipped reason=unsubscribed subscription={}", subscriptionId);
      return Outcome.GONE;
    }
    Duration late = Duration.between(scheduledFire, clock.instant());
    if (late.compareTo(misfireGrace) > 0) {
      log.warn(
          "digest skipped reason=too_late subscription={} late_min={}",
          subscriptionId,
          late.toMinutes());
      return Outcome.TOO_LATE;
    }
    Subscription subscription = found.get();
    LocalDate day = LocalDate.now(clock.withZone(subscription.zone()));
    Instant now = clock.instant();
    if (store.claimRun(subscription.id(), day, now)) {
      return post(subscription, day, true, earlierAttempt).outcome();
    }
    if (store.resumeRun(subscription.id(), day, now, earlierAttempt ? now : now.minus(RUN_LEASE))) {
      log.info("digest resumed subscription={} day={}", subscription.id(), day);
      return post(subscription, day, true, true).outcome();
    }
    log.info("digest skipped reason=already_ran subscription={} day={}", subscription.id(), day);
    return Outcome.ALREADY_RAN;
  }

  /** Posts now ({@code /digest now}); claims the day only for scheduled runs. */
  public Outcome run(Subscription subscription, boolean claimDay) {
    LocalDate day = LocalDate.now(clock.withZone(subscription.zone()));
    if (claimDay && !store.claimRun(subscription.id(), day, clock.instant())) {
      log.info("digest skipped reason=already_ran subscription={} day={}", subscription.id(), day);
      return Outcome.ALREADY_RAN;
    }
    return post(subscription, day, claimDay, false).outcome();
  }

  /**
   * Posts now for {@code /digest now}, without claiming the day, and says why when the platform
   * refused (the member who asked hears it at once, so nothing is recorded).
   */
  public Attempt postNow(Subscription subscription) {
    return post(subscription, LocalDate.now(clock.withZone(subscription.zone())), false, false);
  }

  /**
   * Composes and posts the day's digest; the claim, if any, is already held.
   *
   * @param mayHavePosted true when an earlier attempt may have posted already: the platform is
   *     asked first
   */
  private Attempt post(
      Subscription subscription, LocalDate day, boolean claimDay, boolean mayHavePosted) {
    try {
      Platform platform = Platform.valueOf(subscription.platform());
      ChatOutbox outbox = outboxes.get(platform);
      if (outbox == null) {
        // Not attempted, so nothing is recorded as sent: the papers stay for a later digest. No
        // retry either (see DigestJob): the platform comes back only with a restart.
        Optional<String> stopped = outboxes.whyStopped(platform);
        if (stopped.isPresent()) {
          log.warn(
              "digest skipped reason=platform_stopped subscription={} platform={} day={}"
                  + " papers=kept_for_a_later_digest until=restart stopped_because=\"{}\"",
              subscription.id(),
              platform,
              day,
              stopped.get());
        } else {
          log.warn(
              "digest skipped reason=platform_not_running subscription={} platform={}",
              subscription.id(),
              subscription.platform());
        }
        release(subscription, day, claimDay);
        return Attempt.of(Outcome.NO_OUTBOX);
      }
      Composed post = compose(subscription);
      if (post.quiet() && !postQuietDays) {
        store.recordSent(subscription, day, List.of(), "QUIET_SKIPPED", clock.instant());
        log.info("digest skipped reason=quiet_day subscription={}", subscription.id());
        return Attempt.of(Outcome.QUIET);
      }
      boolean toMember = subscription.kind() == Subscription.Kind.MEMBER;
      String key = "d" + subscription.id() + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
      if (mayHavePosted
          && outbox.find(subscription.workspace(), subscription.destination(), toMember, key)
              == ChatOutbox.Delivery.FOUND) {
        // The earlier attempt posted but never recorded it. Today's plan stands in for what it
        // posted.
        store.recordSent(
            subscription, day, post.paperIds(), Outcome.POSTED.name(), clock.instant());
        log.info(
            "digest recovered reason=already_posted subscription={} day={}",
            subscription.id(),
            day);
        return Attempt.of(Outcome.POSTED);
      }
      switch (outbox.post(
          subscription.workspace(), subscription.destination(), toMember, post.reply(), key)) {
        case PostResult.Refused refused -> {
          return refused(subscription, day, claimDay, refused);
        }
        case PostResult.Failed failed -> {
          release(subscription, day, claimDay);
          return Attempt.of(Outcome.FAILED);
        }
        case PostResult.Posted posted -> {}
      }
      store.recordSent(
          subscription,
          day,
          post.paperIds(),
          post.quiet() ? Outcome.QUIET.name() : Outcome.POSTED.name(),
          clock.instant());
      log.info(
          "digest posted subscription={} kind={} platform={} papers={}",
          subscription.id(),
          subscription.kind(),
          subscription.platform(),
          post.reply().cards().size());
      return Attempt.of(post.quiet() ? Outcome.QUIET : Outcome.POSTED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      release(subscription, day, claimDay);
      return Attempt.of(Outcome.FAILED);
    } catch (RuntimeException e) {
      log.error(
          "digest failed subscription={} platform={}",
          subscription.id(),
          subscription.platform(),
          e);
      release(subscription, day, claimDay);
      return Attempt.of(Outcome.FAILED);
    }
  }

  /**
   * The platform will not take the post until someone acts, so trying again today would only be
   * refused again (a retry every few minutes until the grace ran out, each with its warning, every
   * day). The claimed day is kept and recorded as refused, with the reason, for {@code /digest
   * status}; no paper is marked sent, so they can come in a later digest; the next announcement day
   * tries again (a re-invited bot just posts).
   */
  private Attempt refused(
      Subscription subscription, LocalDate day, boolean claimed, PostResult.Refused refused) {
    if (claimed && refused.gone() && subscription.kind() == Subscription.Kind.CHANNEL) {
      // Deleted while paperbot was down (it missed the platform's delete event): the digest ends
      // as that event would have ended it, instead of a refusal and a warning every day. A member's
      // own digest is theirs wherever it posts, so it stays.
      store.delete(subscription.id());
      log.info(
          "digest ended subscription={} platform={} reason={}",
          subscription.id(),
          subscription.platform(),
          refused.code());
      return new Attempt(Outcome.GONE, Optional.of(refused));
    }
    if (claimed) {
      store.recordRefused(subscription.id(), day, refused.code(), refused.reason());
    }
    log.warn(
        "digest refused subscription={} platform={} reason={} day={} papers=kept_for_a_later_digest"
            + " retry={} detail=\"{}\"",
        subscription.id(),
        subscription.platform(),
        refused.code(),
        day,
        // /digest now claims no day: the scheduled run still tries.
        claimed ? "next_announcement_day" : "scheduled_run",
        refused.reason());
    return new Attempt(Outcome.REFUSED, Optional.of(refused));
  }

  private void release(Subscription subscription, LocalDate day, boolean claimed) {
    if (claimed) {
      store.releaseRun(subscription.id(), day);
    }
  }

  /**
   * A member digest's profile; for a channel digest, the team's like model: what the workspace's
   * most liked papers of the last {@link #TEAM_LEARNING} teach, as each member's likes teach their
   * own model (the planner ranks the channel's topics with it).
   */
  private InterestProfile profileOf(Subscription subscription) {
    if (subscription.kind() == Subscription.Kind.MEMBER) {
      return profiles.load(
          new MemberKey(subscription.platform(), subscription.workspace(), subscription.owner()));
    }
    Map<String, Double> learned = new HashMap<>();
    for (var liked :
        profiles.mostLiked(
            subscription.platform(),
            subscription.workspace(),
            clock.instant().minus(TEAM_LEARNING),
            TEAM_LEARNED_PAPERS)) {
      index
          .likeTerms(liked.getKey())
          .forEach((term, weight) -> learned.merge(term, weight, Double::sum));
    }
    return new InterestProfile(
        Map.of(), List.of(), learned, List.of(), Set.of(), Set.of(), List.of());
  }
}
