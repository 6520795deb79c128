-- The counter (issue #17): on-site selling at kiosks and box offices. A device (and the enrollment token it used)
-- has a role: GATE (checks tickets, the default), KIOSK (sells, unattended) or BOX_OFFICE (sells, staffed: cash too).
ALTER TABLE device ADD COLUMN role VARCHAR(16) DEFAULT 'GATE' NOT NULL;
ALTER TABLE enrollment_token ADD COLUMN role VARCHAR(16) DEFAULT 'GATE' NOT NULL;

-- One sale at the counter: an ordinary booking of the channel "counter" (booking_id), the device that sold it (and
-- the cashier's shift at a box office), how it was paid (payment_id NULL for cash) and where it stands.
-- sale_id is the device's UUID: the same sale id again is the same sale, never a second booking.
CREATE TABLE counter_sale (
    sale_id VARCHAR(36) PRIMARY KEY,
    device_id VARCHAR(64) NOT NULL,
    shift_id VARCHAR(64),
    booking_id VARCHAR(64) NOT NULL,
    product_id VARCHAR(64) NOT NULL,
    slot_id VARCHAR(160) NOT NULL,
    amount_fen BIGINT NOT NULL,
    currency VARCHAR(3) NOT NULL,
    payment_id VARCHAR(32),
    method VARCHAR(16),
    state VARCHAR(24) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX counter_sale_device ON counter_sale(device_id, created_at);
CREATE INDEX counter_sale_created ON counter_sale(created_at);
CREATE INDEX counter_sale_state ON counter_sale(state, updated_at);
CREATE INDEX counter_sale_shift ON counter_sale(shift_id);
