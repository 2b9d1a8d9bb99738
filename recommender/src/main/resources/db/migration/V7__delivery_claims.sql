-- Deliveries to be handled once however often they arrive (an event its sender retries, such as Slack's, which
-- resends an event with the same id when it thinks the first delivery failed). The first process to insert a key
-- handles the delivery; a later insert of the key, from any process on this database, is refused by the primary key.
-- Rows are deleted once the sender can no longer repeat itself (by claimed_at), so the table stays small.
CREATE TABLE delivery_claim (
  source      VARCHAR(32)  NOT NULL,
  delivery_id VARCHAR(255) NOT NULL,
  claimed_at  TIMESTAMP    NOT NULL,
  PRIMARY KEY (source, delivery_id)
);

CREATE INDEX delivery_claim_age ON delivery_claim (claimed_at);
