/**
 * Searching the papers: {@link paperbot.recommender.search.PaperIndex}, the port commands and
 * digests use, and its Lucene implementation, which puts the index's schema ({@code index}) and the
 * ranking ({@code rank}) together. Split from {@code index} so the ranking can read the schema
 * without the two packages depending on each other.
 */
package paperbot.recommender.search;
