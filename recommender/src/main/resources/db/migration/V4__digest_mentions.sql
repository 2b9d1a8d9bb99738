-- Members who agreed to be mentioned in channel digests when a paper matches one of their topics.
CREATE TABLE member_digest_mention (
  member_id BIGINT NOT NULL PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE
);
