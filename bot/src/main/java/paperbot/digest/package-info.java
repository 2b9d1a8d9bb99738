/**
 * Digests as a use case: subscription wording, running a digest (claim the day, plan, post,
 * record), and the outbox port platforms implement for unprompted posts. No scheduler and no chat
 * SDK here.
 */
package paperbot.digest;
