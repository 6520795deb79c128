-- Box office (issue #17): cashiers who sign in with a PIN, their shifts at a BOX_OFFICE device, and the refunds paid
-- out at the counter. The PIN is stored only as an Argon2id hash (salt and parameters inside the text).
CREATE TABLE cashier (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(80) NOT NULL,
    role VARCHAR(16) NOT NULL,
    pin_hash VARCHAR(200) NOT NULL,
    active BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A cashier's shift at one device. open_device is the device id while the shift is open and NULL once closed: the
-- unique index makes "one open shift per device" a constraint, not a hope. report: the cash-up (JSON) frozen at close.
CREATE TABLE counter_shift (
    id VARCHAR(32) PRIMARY KEY,
    device_id VARCHAR(64) NOT NULL,
    open_device VARCHAR(64),
    cashier_id VARCHAR(64) NOT NULL REFERENCES cashier(id),
    state VARCHAR(16) NOT NULL,
    opening_float_fen BIGINT NOT NULL,
    counted_cash_fen BIGINT,
    opened_at BIGINT NOT NULL,
    closed_at BIGINT,
    report TEXT
);
CREATE UNIQUE INDEX counter_shift_open ON counter_shift(open_device);
CREATE INDEX counter_shift_device ON counter_shift(device_id, opened_at);
CREATE INDEX counter_shift_opened ON counter_shift(opened_at);

-- Refunds at the counter: the passes given back, the money (cash from the drawer of shift_id, or electronic through
-- the payment's refund), who did it. pass_ids: the refunded passes, comma-separated (ids have no commas).
CREATE TABLE counter_refund (
    id VARCHAR(32) PRIMARY KEY,
    sale_id VARCHAR(64) NOT NULL,
    shift_id VARCHAR(32) NOT NULL REFERENCES counter_shift(id),
    device_id VARCHAR(64) NOT NULL,
    cashier_id VARCHAR(64) NOT NULL,
    supervisor_id VARCHAR(64),
    method VARCHAR(16) NOT NULL,
    amount_fen BIGINT NOT NULL,
    pass_ids VARCHAR(4000) NOT NULL,
    reason VARCHAR(80) NOT NULL,
    payment_refund_state VARCHAR(16),
    created_at BIGINT NOT NULL
);
CREATE INDEX counter_refund_sale ON counter_refund(sale_id);
CREATE INDEX counter_refund_shift ON counter_refund(shift_id);
