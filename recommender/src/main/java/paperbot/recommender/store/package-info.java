/**
 * SQL storage: the pooled, migrated {@link paperbot.recommender.store.Database} (H2 embedded or
 * PostgreSQL) and JDBC implementations of the recommender's store ports. Must not depend on chat
 * code.
 */
package paperbot.recommender.store;
