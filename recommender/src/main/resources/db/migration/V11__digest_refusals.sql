-- Why the chat platform refused a digest run (paperbot removed from the channel, the channel archived), for
-- /digest status: the platform's code (not_in_channel, missing_access) and one sentence saying what to do. Null for a
-- run that was not refused. The run's outcome is then REFUSED.
ALTER TABLE digest_run ADD COLUMN refusal_code VARCHAR(64);
ALTER TABLE digest_run ADD COLUMN refusal_reason VARCHAR(500);
