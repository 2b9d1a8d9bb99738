-- Members and their interest profiles, for SQLite: the same tables as db/vendor/{h2,postgresql}/V1, with SQLite's
-- auto-assigned key (INTEGER PRIMARY KEY AUTOINCREMENT: a rowid alias, never reused) for the identity column.
-- Append-only: later changes come as new V<n>__*.sql files, never edits here.

-- One row per (platform, workspace, user): workspaces never share data. Mutations lock this row, so one member's
-- concurrent commands apply one after another and none is lost.
CREATE TABLE member (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  platform   VARCHAR(16)  NOT NULL,
  workspace  VARCHAR(128) NOT NULL,
  user_id    VARCHAR(128) NOT NULL,
  created_at TIMESTAMP    NOT NULL,
  CONSTRAINT member_identity UNIQUE (platform, workspace, user_id)
);

-- Topics the member set, with weights.
CREATE TABLE member_topic (
  member_id BIGINT           NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  topic     VARCHAR(200)     NOT NULL,
  weight    DOUBLE PRECISION NOT NULL,
  added_at  TIMESTAMP        NOT NULL,
  PRIMARY KEY (member_id, topic)
);

-- Terms the member never wants to see papers about.
CREATE TABLE member_mute (
  member_id BIGINT       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  term      VARCHAR(200) NOT NULL,
  PRIMARY KEY (member_id, term)
);

-- Terms learned from feedback: positive from likes, negative from dislikes.
CREATE TABLE member_learned_term (
  member_id BIGINT           NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  term      VARCHAR(200)     NOT NULL,
  weight    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (member_id, term)
);

-- Feedback on papers: like, dislike, save. The latest like/dislike wins; save is independent.
CREATE TABLE member_feedback (
  member_id BIGINT      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  paper_id  VARCHAR(64) NOT NULL,
  kind      VARCHAR(16) NOT NULL,
  at        TIMESTAMP   NOT NULL,
  PRIMARY KEY (member_id, paper_id, kind)
);

-- Papers shown to the member in personal recommendations, left out next time.
CREATE TABLE member_seen (
  member_id BIGINT      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  paper_id  VARCHAR(64) NOT NULL,
  at        TIMESTAMP   NOT NULL,
  PRIMARY KEY (member_id, paper_id)
);

-- Authors the member follows.
CREATE TABLE member_follow (
  member_id BIGINT       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  author    VARCHAR(200) NOT NULL,
  PRIMARY KEY (member_id, author)
);
