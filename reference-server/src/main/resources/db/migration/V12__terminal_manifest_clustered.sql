-- The manifest feed is read as seq ranges of whole pages: make seq the primary key (rows clustered in feed
-- order) and keep the pass text beside it, so a page is one range scan without a lookup per pass.
-- The table is derived data: it is rebuilt by the next refresh, numbering on from the last sequence handed out.
DROP TABLE manifest_pass;
CREATE TABLE manifest_pass (
  seq         BIGINT PRIMARY KEY,
  pass_id     VARCHAR(64) NOT NULL,
  live        BOOLEAN NOT NULL,
  valid_until BIGINT NOT NULL,
  pass_text   VARCHAR(8000)
);
CREATE UNIQUE INDEX manifest_by_pass ON manifest_pass(pass_id);
CREATE INDEX manifest_live_until ON manifest_pass(live, valid_until);
UPDATE manifest_state SET issued_wm = 0, horizon_wm = 0;
