/**
 * Reading paper sources into records: the seed-file layouts (detected by content), their readers,
 * and the corpus load that merges records into papers. Must not depend on the index, ranking or any
 * chat code.
 */
package paperbot.recommender.ingest;
