/**
 * Ranking: reading what a member typed (safely), expanding abbreviations, building the Lucene query
 * with its priors, and explaining each hit (why-line, snippet). Must not depend on any chat code.
 */
package paperbot.recommender.rank;
