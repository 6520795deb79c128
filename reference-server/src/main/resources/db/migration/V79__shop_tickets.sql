-- The shop's refunds (issue #18, "My tickets"): passes given back by the visitor, whole order or some passes, and the
-- money paid back through the payment under the refund's own id (a retry never refunds twice). The passes and the
-- places go back in the transaction that inserts the row; payment_refund_state follows the provider afterwards
-- (REQUESTED until it answered, then SUCCEEDED / PROCESSING / FAILED; NONE when nothing was paid).
CREATE TABLE shop_refund (
  id                   VARCHAR(32) PRIMARY KEY,
  booking_uuid         VARCHAR(64) NOT NULL,
  payment_id           VARCHAR(64),
  amount_fen           BIGINT NOT NULL,
  pass_ids             VARCHAR(4000) NOT NULL,
  payment_refund_state VARCHAR(16) NOT NULL,
  created_at           BIGINT NOT NULL,
  updated_at           BIGINT NOT NULL
);
CREATE INDEX shop_refund_by_booking ON shop_refund(booking_uuid);
CREATE INDEX shop_refund_unsettled ON shop_refund(payment_refund_state, updated_at);
