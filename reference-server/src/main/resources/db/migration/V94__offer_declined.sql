-- Automatic offers a booking fitted but did not get, and why (issue #19: "every price shows what was discounted and
-- why"): the shop's summary shows "Families 20 % off: used as often as it may be". One row per booking and offer;
-- reason is a typed problem code (OFFER_LIMIT_REACHED).
CREATE TABLE offer_declined (
  booking_uuid VARCHAR(64) NOT NULL,
  offer_id     VARCHAR(32) NOT NULL REFERENCES offer(id),
  reason       VARCHAR(40) NOT NULL,
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (booking_uuid, offer_id)
);
CREATE INDEX offer_declined_by_time ON offer_declined(created_at);
