/**
 * Digests as a use case: subscription wording, running a digest (claim the day, plan, post,
 * record). The outbox port platforms implement is in {@code paperbot.chat}. No scheduler and no
 * chat SDK here.
 */
package paperbot.digest;
