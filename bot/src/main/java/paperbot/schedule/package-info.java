/**
 * Quartz scheduling: a JDBC job store on paperbot's database (clustered, so several processes fire
 * each digest once), one cron trigger per subscription in its own time zone, and thin jobs that
 * call the digest runner.
 */
package paperbot.schedule;
