/**
 * The Lucene index's schema: analysis and the Paper-to-document mapping, which both the index
 * ({@code search}) and the ranking ({@code rank}) read. Holds no index itself and must not depend
 * on any chat code.
 */
package paperbot.recommender.index;
