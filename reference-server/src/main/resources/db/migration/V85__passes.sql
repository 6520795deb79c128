-- Pass products (issue #23): the terms a product's passes carry beyond single entry (re-entry, entries in total and
-- per day, days within a window) and, for annual passes, the activation deadline, the validity and the refund rule.
-- A product without a row issues single-entry passes as before.
CREATE TABLE pass_terms (
  product_id       VARCHAR(64) PRIMARY KEY,
  reentry          VARCHAR(16) NOT NULL,
  entries_allowed  INT NOT NULL,
  entries_per_day  INT NOT NULL,
  days_allowed     INT NOT NULL,
  window_days      INT NOT NULL,
  validity_months  INT NOT NULL,
  activation_days  INT NOT NULL,
  refund_fee       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);

-- Annual passes: one row per pass sold, its stable id (the first signed pass's id) and the signed pass that stands
-- for it now (activation, unfreezing and renewal sign a new one and revoke the old). The holder is a holder binding
-- (a keyed hash, never the document) and the enrolment an opaque reference the face module gave (never a photo).
CREATE TABLE annual_pass (
  id               VARCHAR(40) PRIMARY KEY,
  pass_id          VARCHAR(40) NOT NULL,
  booking_uuid     VARCHAR(64) NOT NULL,
  product_id       VARCHAR(64) NOT NULL,
  state            VARCHAR(16) NOT NULL,
  price            BIGINT NOT NULL,
  currency         VARCHAR(3) NOT NULL,
  purchased_at     BIGINT NOT NULL,
  activate_by      BIGINT NOT NULL,
  activated_at     BIGINT,
  valid_from       BIGINT,
  valid_until      BIGINT,
  holder_binding   VARCHAR(64),
  holder_masked    VARCHAR(100),
  enrolment_source VARCHAR(16),
  enrolment_ref    VARCHAR(200),
  freeze_reason    VARCHAR(500),
  appeal           VARCHAR(1000),
  refunded         BIGINT,
  updated_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX annual_pass_current ON annual_pass(pass_id);
CREATE INDEX annual_pass_state ON annual_pass(state, activate_by);
