-- The online claim (issue #23) refuses a frozen annual pass as the gate does: its blacklist entry's latest action,
-- found by binding.
CREATE INDEX blacklist_log_binding ON blacklist_log(binding, seq);

-- Refunds of counter sales from the console (issue #20): an operator has no drawer. An electronic payment is refunded
-- through the payment at once; cash is recorded DUE (method CASH, shift_id NULL) and paid out once at a box office,
-- which books it into its open shift (shift_id, device_id, cashier_id and paid_out_at set then, so that shift's
-- cash-up counts it). operator: who refunded on the console (NULL: a refund made at the counter).
ALTER TABLE counter_refund ALTER COLUMN shift_id DROP NOT NULL;
ALTER TABLE counter_refund ALTER COLUMN device_id DROP NOT NULL;
ALTER TABLE counter_refund ALTER COLUMN cashier_id DROP NOT NULL;
ALTER TABLE counter_refund ADD COLUMN operator VARCHAR(200);
ALTER TABLE counter_refund ADD COLUMN paid_out_at BIGINT;
-- The console finds a counter booking's sale, and a box office a refund due by the booking code on its receipt.
CREATE INDEX counter_sale_booking ON counter_sale(booking_id);
