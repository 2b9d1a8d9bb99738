-- Every paper as the index holds it (the index's own JSON form), so the index can be rebuilt from the database
-- alone: after a lost or damaged index directory, or a crash between the database write and the index commit.
CREATE TABLE paper (
  id         VARCHAR(64)      NOT NULL PRIMARY KEY,
  json       VARCHAR(1000000) NOT NULL,
  updated_at TIMESTAMP        NOT NULL
);

-- Which seed files the papers above were last rebuilt from (one row), as the index records it in its commits.
CREATE TABLE paper_sources (
  id          INT          NOT NULL PRIMARY KEY,
  fingerprint VARCHAR(128) NOT NULL
);

CREATE INDEX paper_updated ON paper (updated_at, id);
