/**
 * Members' interest profiles: topics with weights, mutes, follows, learned terms and feedback, and
 * the store port that keeps them. Platform names are plain strings here; this package must not
 * depend on chat code or on SQL.
 */
package paperbot.recommender.profile;
