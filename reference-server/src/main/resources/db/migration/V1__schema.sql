-- ScenicPass reference server schema. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
-- Instants are stored as epoch milliseconds (BIGINT) so no driver ever shifts a time zone.

CREATE TABLE setting (
  name  VARCHAR(100) PRIMARY KEY,
  setting_value VARCHAR(4000) NOT NULL
);

CREATE TABLE product (
  id                    VARCHAR(64) PRIMARY KEY,
  internal_name         VARCHAR(200) NOT NULL,
  reference             VARCHAR(100),
  time_zone             VARCHAR(64) NOT NULL,
  pass_kind             VARCHAR(20) NOT NULL,
  group_pass            BOOLEAN NOT NULL DEFAULT FALSE,
  zones                 VARCHAR(1000) NOT NULL DEFAULT '',
  day_pool              VARCHAR(64),
  cancel_cutoff_minutes INT NOT NULL DEFAULT 1440,
  currency              VARCHAR(3) NOT NULL DEFAULT 'CNY',
  active                BOOLEAN NOT NULL DEFAULT TRUE,
  created_at            BIGINT NOT NULL
);

CREATE TABLE product_option (
  id               VARCHAR(64) PRIMARY KEY,
  product_id       VARCHAR(64) NOT NULL REFERENCES product(id),
  internal_name    VARCHAR(200) NOT NULL,
  is_default       BOOLEAN NOT NULL DEFAULT FALSE,
  open_time        VARCHAR(5) NOT NULL,
  close_time       VARCHAR(5) NOT NULL,
  interval_minutes INT NOT NULL,
  slot_capacity    INT NOT NULL,
  closed_weekdays  VARCHAR(100) NOT NULL DEFAULT '',
  closed_dates     VARCHAR(4000) NOT NULL DEFAULT '',
  sort_order       INT NOT NULL DEFAULT 0
);

CREATE TABLE unit (
  id            VARCHAR(64) PRIMARY KEY,
  option_id     VARCHAR(64) NOT NULL REFERENCES product_option(id),
  unit_type     VARCHAR(20) NOT NULL,
  internal_name VARCHAR(200) NOT NULL,
  min_age       INT,
  max_age       INT,
  id_required   BOOLEAN NOT NULL DEFAULT FALSE,
  pax_count     INT NOT NULL DEFAULT 1,
  sort_order    INT NOT NULL DEFAULT 0
);

-- channel_id '*' is the default price for every channel.
CREATE TABLE unit_price (
  unit_id    VARCHAR(64) NOT NULL REFERENCES unit(id),
  channel_id VARCHAR(64) NOT NULL,
  retail     BIGINT NOT NULL,
  net        BIGINT NOT NULL,
  PRIMARY KEY (unit_id, channel_id)
);

CREATE TABLE day_pool (
  pool_id    VARCHAR(64) NOT NULL,
  local_date DATE NOT NULL,
  capacity   INT NOT NULL,
  held       INT NOT NULL DEFAULT 0,
  sold       INT NOT NULL DEFAULT 0,
  PRIMARY KEY (pool_id, local_date),
  CONSTRAINT day_pool_bounds CHECK (held >= 0 AND sold >= 0 AND held + sold <= capacity)
);

CREATE TABLE day_pool_default (
  pool_id  VARCHAR(64) PRIMARY KEY,
  capacity INT NOT NULL
);

CREATE TABLE slot (
  id              VARCHAR(160) PRIMARY KEY,
  option_id       VARCHAR(64) NOT NULL REFERENCES product_option(id),
  product_id      VARCHAR(64) NOT NULL REFERENCES product(id),
  local_date      DATE NOT NULL,
  local_start     VARCHAR(40) NOT NULL,
  local_end       VARCHAR(40) NOT NULL,
  start_at        BIGINT NOT NULL,
  end_at          BIGINT NOT NULL,
  capacity        INT NOT NULL,
  held            INT NOT NULL DEFAULT 0,
  sold            INT NOT NULL DEFAULT 0,
  closed          BOOLEAN NOT NULL DEFAULT FALSE,
  CONSTRAINT slot_bounds CHECK (held >= 0 AND sold >= 0 AND held + sold <= capacity)
);
CREATE INDEX slot_by_option_date ON slot(option_id, local_date);

-- Per-channel allotment: capacity reserved for one channel on top of the shared pool of the slot.
CREATE TABLE allotment (
  slot_id    VARCHAR(160) NOT NULL REFERENCES slot(id),
  channel_id VARCHAR(64) NOT NULL,
  capacity   INT NOT NULL,
  held       INT NOT NULL DEFAULT 0,
  sold       INT NOT NULL DEFAULT 0,
  PRIMARY KEY (slot_id, channel_id),
  CONSTRAINT allotment_bounds CHECK (held >= 0 AND sold >= 0 AND held + sold <= capacity)
);

CREATE TABLE channel (
  id              VARCHAR(64) PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  kind            VARCHAR(40) NOT NULL,
  webhook_url     VARCHAR(1000),
  webhook_secret  VARCHAR(200),
  rate_per_second INT NOT NULL DEFAULT 50,
  burst           INT NOT NULL DEFAULT 100,
  active          BOOLEAN NOT NULL DEFAULT TRUE,
  created_at      BIGINT NOT NULL
);

CREATE TABLE channel_key (
  key_hash   VARCHAR(64) PRIMARY KEY,
  channel_id VARCHAR(64) NOT NULL REFERENCES channel(id),
  label      VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL,
  revoked    BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE booking (
  uuid               VARCHAR(64) PRIMARY KEY,
  channel_id         VARCHAR(64) NOT NULL REFERENCES channel(id),
  product_id         VARCHAR(64) NOT NULL,
  option_id          VARCHAR(64) NOT NULL,
  slot_id            VARCHAR(160) NOT NULL,
  pool_id            VARCHAR(64),
  local_date         DATE NOT NULL,
  status             VARCHAR(20) NOT NULL,
  quantity           INT NOT NULL,
  from_allotment     INT NOT NULL DEFAULT 0,
  request_hash       VARCHAR(64) NOT NULL,
  reseller_reference VARCHAR(200),
  supplier_reference VARCHAR(64) NOT NULL,
  contact_json       VARCHAR(4000),
  notes              VARCHAR(4000),
  currency           VARCHAR(3) NOT NULL,
  total_retail       BIGINT NOT NULL,
  total_net          BIGINT NOT NULL,
  expires_at         BIGINT,
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL,
  confirmed_at       BIGINT,
  cancelled_at       BIGINT,
  redeemed_at        BIGINT,
  cancel_refund      VARCHAR(20),
  cancel_reason      VARCHAR(1000)
);
CREATE INDEX booking_hold_expiry ON booking(status, expires_at);
CREATE INDEX booking_by_channel ON booking(channel_id, created_at);
CREATE INDEX booking_by_reseller_ref ON booking(channel_id, reseller_reference);
CREATE UNIQUE INDEX booking_supplier_ref ON booking(supplier_reference);

CREATE TABLE unit_item (
  uuid               VARCHAR(64) PRIMARY KEY,
  booking_uuid       VARCHAR(64) NOT NULL REFERENCES booking(uuid),
  position           INT NOT NULL,
  unit_id            VARCHAR(64) NOT NULL,
  reseller_reference VARCHAR(200),
  supplier_reference VARCHAR(64) NOT NULL,
  retail             BIGINT NOT NULL,
  net                BIGINT NOT NULL,
  pass_id            VARCHAR(64)
);
CREATE INDEX unit_item_by_booking ON unit_item(booking_uuid);

CREATE TABLE pass (
  pass_id      VARCHAR(64) PRIMARY KEY,
  booking_uuid VARCHAR(64) NOT NULL REFERENCES booking(uuid),
  key_id       VARCHAR(100) NOT NULL,
  pass_text    VARCHAR(8000) NOT NULL,
  party_size   INT NOT NULL,
  valid_from   BIGINT NOT NULL,
  valid_until  BIGINT NOT NULL,
  revoked      BOOLEAN NOT NULL DEFAULT FALSE,
  issued_at    BIGINT NOT NULL
);
CREATE INDEX pass_by_booking ON pass(booking_uuid);

-- The revocation log: sequence numbers are the cursor of the terminal revocation feed.
CREATE TABLE revocation (
  seq        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  pass_id    VARCHAR(64) NOT NULL UNIQUE,
  revoked_at BIGINT NOT NULL,
  reason     VARCHAR(200) NOT NULL
);

CREATE TABLE blacklist_log (
  seq        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  binding    VARCHAR(64) NOT NULL,
  action     VARCHAR(10) NOT NULL,
  note       VARCHAR(400),
  created_at BIGINT NOT NULL
);

CREATE TABLE issuer_key (
  key_id      VARCHAR(100) PRIMARY KEY,
  role        VARCHAR(10) NOT NULL,
  public_key  VARCHAR(200) NOT NULL,
  status      VARCHAR(20) NOT NULL,
  valid_from  BIGINT NOT NULL,
  valid_until BIGINT NOT NULL,
  created_at  BIGINT NOT NULL
);

CREATE TABLE device (
  id          VARCHAR(64) PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  gate_id     VARCHAR(64),
  token_hash  VARCHAR(64),
  revoked     BOOLEAN NOT NULL DEFAULT FALSE,
  created_at  BIGINT NOT NULL
);

CREATE TABLE gate (
  id        VARCHAR(64) PRIMARY KEY,
  name      VARCHAR(200) NOT NULL,
  zone_id   VARCHAR(64) NOT NULL,
  direction VARCHAR(10) NOT NULL
);

CREATE TABLE zone (
  id   VARCHAR(64) PRIMARY KEY,
  name VARCHAR(200) NOT NULL
);

CREATE TABLE outbox (
  id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  event_id        VARCHAR(64) NOT NULL UNIQUE,
  channel_id      VARCHAR(64) NOT NULL,
  event_type      VARCHAR(60) NOT NULL,
  payload         VARCHAR(100000) NOT NULL,
  status          VARCHAR(20) NOT NULL,
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  created_at      BIGINT NOT NULL,
  delivered_at    BIGINT,
  last_error      VARCHAR(1000)
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
