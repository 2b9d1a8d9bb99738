-- Digest subscriptions and the sent-log, for SQLite (the identity column as in V1). Append-only.

-- One subscription per destination and kind: a channel's daily digest, its weekly team post, a member's digest.
CREATE TABLE digest_subscription (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  platform     VARCHAR(16)  NOT NULL,
  workspace    VARCHAR(128) NOT NULL,
  destination  VARCHAR(128) NOT NULL,
  kind         VARCHAR(16)  NOT NULL,   -- CHANNEL, MEMBER or TEAM
  owner_user   VARCHAR(128) NOT NULL,   -- who subscribed; for MEMBER digests, whose profile ranks them
  local_time   VARCHAR(5)   NOT NULL,   -- HH:MM in the zone below
  zone_id      VARCHAR(64)  NOT NULL,
  days         VARCHAR(64)  NOT NULL,   -- e.g. MON,TUE,WED,THU,FRI
  topics       VARCHAR(2000) NOT NULL,  -- topics separated by '|', empty for all
  size         INT          NOT NULL,
  last_run_at  TIMESTAMP,
  created_at   TIMESTAMP    NOT NULL,
  CONSTRAINT digest_destination UNIQUE (platform, workspace, destination, kind)
);

-- Every paper posted to a destination, so none is posted there twice. A run claims its papers here before posting.
CREATE TABLE digest_sent (
  platform    VARCHAR(16)  NOT NULL,
  workspace   VARCHAR(128) NOT NULL,
  destination VARCHAR(128) NOT NULL,
  paper_id    VARCHAR(64)  NOT NULL,
  sent_at     TIMESTAMP    NOT NULL,
  PRIMARY KEY (platform, workspace, destination, paper_id)
);

-- One row per digest run and local day: a trigger that fires again for the same day (a restart mid-run, a second
-- process) finds the row and does not post twice.
CREATE TABLE digest_run (
  subscription_id BIGINT      NOT NULL REFERENCES digest_subscription (id) ON DELETE CASCADE,
  run_day         VARCHAR(10) NOT NULL,
  started_at      TIMESTAMP   NOT NULL,
  outcome         VARCHAR(16) NOT NULL,
  PRIMARY KEY (subscription_id, run_day)
);
