/**
 * The corpus model: the {@link paperbot.recommender.corpus.Paper} value, stable ids, text cleaning,
 * link repair and the merge of records into distinct papers. Depends on nothing but the JDK.
 */
package paperbot.recommender.corpus;
