/**
 * The corpus model: the {@link paperbot.recommender.corpus.Paper} value, stable ids, text cleaning,
 * link repair and the merge of records into distinct papers. Also where papers are kept: {@link
 * paperbot.recommender.corpus.CorpusService} writes the database ({@link
 * paperbot.recommender.corpus.PaperArchive}) first and then the search index ({@link
 * paperbot.recommender.corpus.CorpusView}), and {@link paperbot.recommender.corpus.IndexSync} keeps
 * the index following the database. Both are ports here, so this package depends on nothing but the
 * JDK.
 */
package paperbot.recommender.corpus;
