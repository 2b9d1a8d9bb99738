/**
 * Digests: subscriptions (where, when, which topics), the sent-log that keeps a paper from being
 * posted twice to one place, and the planner that picks a day's papers. Must not depend on chat
 * code or on the scheduler.
 */
package paperbot.recommender.digest;
