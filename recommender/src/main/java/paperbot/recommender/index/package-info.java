/**
 * The Lucene index of papers: analysis, the Paper-to-document mapping, and the index that owns
 * writer and searchers. Must not depend on any chat code; ranking logic lives in {@code rank}.
 */
package paperbot.recommender.index;
