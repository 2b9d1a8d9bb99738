package paperbot.recommender.digest;

import java.time.LocalDate;

/**
 * A digest run the chat platform refused to post (the bot was removed from the channel, the channel
 * was archived), as {@code /digest status} tells it.
 *
 * @param day the subscription's local day of the run
 * @param code the platform's short name for the refusal
 * @param reason one sentence for members: what is wrong and what to do
 */
public record RefusedRun(LocalDate day, String code, String reason) {}
