-- Pick-up (取票, issue #17): every print of a pre-booked booking's paper tickets at a kiosk or box office, audited.
-- The first print is seq 0 (the primary key lets one print per booking win: a second is refused, ALREADY_PRINTED);
-- reprints are seq 1, 2, … with their reason and who asked.
CREATE TABLE pickup_print (
  booking_uuid VARCHAR(64) NOT NULL,
  seq          INT NOT NULL,
  kind         VARCHAR(8) NOT NULL,
  device_id    VARCHAR(64) NOT NULL,
  reason       VARCHAR(500),
  printed_by   VARCHAR(64),
  printed_at   BIGINT NOT NULL,
  PRIMARY KEY (booking_uuid, seq)
);
CREATE INDEX pickup_print_by_time ON pickup_print(printed_at);

-- A booking code typed at the kiosk may be the reseller's reference, whatever the channel (booking_by_reseller_ref
-- leads with the channel, so it cannot serve this lookup).
CREATE INDEX booking_by_reseller_ref_any ON booking(reseller_reference);
