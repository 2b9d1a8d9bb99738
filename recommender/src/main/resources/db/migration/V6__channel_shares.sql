-- Papers linked in a channel (a pasted arXiv link paperbot turned into a card). A team signal: it counts for the
-- weekly team post and the channel digest like the team's likes do, and is never a like of whoever posted the link.
CREATE TABLE channel_share (
  platform  VARCHAR(16) NOT NULL,
  workspace VARCHAR(64) NOT NULL,
  channel   VARCHAR(64) NOT NULL,
  paper_id  VARCHAR(64) NOT NULL,
  shared_at TIMESTAMP   NOT NULL
);

CREATE INDEX channel_share_workspace ON channel_share (platform, workspace, shared_at);
