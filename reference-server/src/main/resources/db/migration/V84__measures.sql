-- Measures (issue #19): the daily rollup of the visitor facts by park day and channel, refreshed incrementally
-- (measures/Rollup: only the days whose facts changed since the last refresh are recomputed from the facts).
-- Every column is a sum, so a period is the sum of its days. channel_id '' = facts with no channel.
CREATE TABLE measure_day (
  park_day         DATE NOT NULL,
  channel_id       VARCHAR(64) NOT NULL,
  tickets_fen      BIGINT NOT NULL DEFAULT 0,
  bookings         BIGINT NOT NULL DEFAULT 0,
  package_bookings BIGINT NOT NULL DEFAULT 0,
  admitted         BIGINT NOT NULL DEFAULT 0,
  receipts_fen     BIGINT NOT NULL DEFAULT 0,
  visitors         BIGINT NOT NULL DEFAULT 0,
  returners        BIGINT NOT NULL DEFAULT 0,
  dwell_ms         BIGINT NOT NULL DEFAULT 0,
  dwell_visits     BIGINT NOT NULL DEFAULT 0,
  offered          BIGINT NOT NULL DEFAULT 0,
  redeemed         BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (park_day, channel_id)
);

-- The park day each booking was last counted on: a booking moved to another day makes both days dirty.
CREATE TABLE measure_booking (
  booking_uuid VARCHAR(64) PRIMARY KEY,
  local_date   DATE NOT NULL
);

-- One refresh at a time (Jdbc.lockFeed), and what changed since the last one, found by time (entry events by
-- received_at and visits by visitor_entry_applied.applied_at through the hub's indexes, V81):
INSERT INTO feed_lock(name) VALUES ('measures');
CREATE INDEX booking_by_update ON booking(updated_at);
CREATE INDEX visitor_receipt_by_received ON visitor_receipt(received_at);
-- a day's admissions (first entries) without scanning every pass's use
CREATE INDEX pass_use_by_first_entry ON pass_use(first_entry_at);
-- coupons by the visit day they were issued for (offer conversion), and issued since a time
CREATE INDEX coupon_by_visit_day ON coupon(visit_day);
CREATE INDEX coupon_by_created ON coupon(created_at);
