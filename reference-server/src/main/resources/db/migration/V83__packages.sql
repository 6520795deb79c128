-- Packages (issue #19): our ticket with a partner's hotel night and transport, sold as one product. A package is a
-- catalogue product whose bookings also take partner allotments (per partner resource and day, a count) in the
-- booking's own transactions; a sold part carries a voucher the partner checks. Times are epoch milliseconds.
CREATE TABLE partner (
  id          VARCHAR(64) PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  -- SHA-256 (hex) of the partner's API token; null: no token yet (the partner API refuses it)
  token_hash  VARCHAR(64),
  created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX partner_by_token ON partner(token_hash);

-- What a partner sells in packages: a hotel's room type, a bus line, a cable car
CREATE TABLE partner_resource (
  id            VARCHAR(64) PRIMARY KEY,
  partner_id    VARCHAR(64) NOT NULL REFERENCES partner(id),
  kind          VARCHAR(16) NOT NULL,
  name          VARCHAR(200) NOT NULL,
  -- what we owe the partner per place sold (fen) and until how many hours before the day's start it may be cancelled
  net           BIGINT NOT NULL,
  currency      VARCHAR(3) NOT NULL,
  cutoff_hours  INT NOT NULL
);

-- The partner's allotment of a resource on a day: total given, held (reserved, unpaid), sold. Never oversold: every
-- take is a conditional update (total - held - sold >= wanted), and the check below backs it.
CREATE TABLE partner_allotment (
  resource_id  VARCHAR(64) NOT NULL REFERENCES partner_resource(id),
  on_day       DATE NOT NULL,
  total        INT NOT NULL,
  held         INT NOT NULL DEFAULT 0,
  sold         INT NOT NULL DEFAULT 0,
  updated_at   BIGINT NOT NULL,
  PRIMARY KEY (resource_id, on_day),
  CONSTRAINT partner_allotment_counts CHECK (held >= 0 AND sold >= 0 AND held + sold <= total)
);

-- The parts of a package product: a resource, on the visit day plus day_offset, one per PERSON or per BOOKING
CREATE TABLE package_part (
  product_id   VARCHAR(64) NOT NULL,
  position     INT NOT NULL,
  resource_id  VARCHAR(64) NOT NULL REFERENCES partner_resource(id),
  day_offset   INT NOT NULL,
  per          VARCHAR(8) NOT NULL,
  PRIMARY KEY (product_id, position)
);

-- The parts one booking took: HELD (with the hold), SOLD (confirmed: a voucher), RELEASED (hold expired or cancelled
-- before the sale), CANCELLED (sold, then cancelled: the voucher is void and the partner is owed nothing for it)
CREATE TABLE package_booking_part (
  booking_uuid   VARCHAR(64) NOT NULL,
  position       INT NOT NULL,
  resource_id    VARCHAR(64) NOT NULL,
  partner_id     VARCHAR(64) NOT NULL,
  on_day         DATE NOT NULL,
  places         INT NOT NULL,
  net            BIGINT NOT NULL,
  currency       VARCHAR(3) NOT NULL,
  cutoff_at      BIGINT NOT NULL,
  state          VARCHAR(12) NOT NULL,
  voucher_code   VARCHAR(32),
  sold_at        BIGINT,
  cancelled_at   BIGINT,
  used_at        BIGINT,
  PRIMARY KEY (booking_uuid, position)
);
CREATE UNIQUE INDEX package_booking_part_voucher ON package_booking_part(voucher_code);
CREATE INDEX package_booking_part_sold ON package_booking_part(partner_id, sold_at);
CREATE INDEX package_booking_part_cancelled ON package_booking_part(partner_id, cancelled_at);
