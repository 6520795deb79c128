-- Terminal feeds (revocation log, blacklist log) are read by cursor = sequence number. A writer must hold
-- the feed's lock row until it commits, so that sequence order equals commit order: otherwise a reader could
-- see seq N+1 committed before seq N and move its cursor past N for ever (a cancelled ticket never revoked).
CREATE TABLE feed_lock (
  name VARCHAR(40) PRIMARY KEY
);
INSERT INTO feed_lock(name) VALUES ('revocation');
INSERT INTO feed_lock(name) VALUES ('blacklist');
