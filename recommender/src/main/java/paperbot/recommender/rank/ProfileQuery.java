package paperbot.recommender.rank;

import paperbot.recommender.profile.InterestProfile;

/**
 * A request for personal recommendations.
 *
 * @param profile the member's profile
 * @param includeSeen true to include papers already shown or dismissed ({@code /papers all})
 * @param offset hits to skip
 * @param limit hits to return
 */
public record ProfileQuery(InterestProfile profile, boolean includeSeen, int offset, int limit) {}
