-- Invoices (issue #17): at most one per booking. The row is made (ISSUING) before the provider is asked, under the
-- booking's unique index, so two requests never issue twice; the provider is told the row's id and must answer a
-- repeated call with the same invoice. Contact data and the PDF are AES-GCM ciphertext (identity secret), NULL once
-- erased; number, total and state stay for the accounts.
CREATE TABLE invoice (
    id VARCHAR(32) PRIMARY KEY,
    booking_uuid VARCHAR(64) NOT NULL REFERENCES booking(uuid),
    state VARCHAR(16) NOT NULL,
    source VARCHAR(16) NOT NULL,
    provider VARCHAR(32) NOT NULL,
    number VARCHAR(64),
    currency VARCHAR(3) NOT NULL,
    total_fen BIGINT NOT NULL,
    buyer_title TEXT,
    tax_number TEXT,
    email TEXT,
    pdf TEXT,
    mail_state VARCHAR(16) NOT NULL,
    mail_attempts INT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    issued_at BIGINT,
    mailed_at BIGINT,
    erased_at BIGINT
);
CREATE UNIQUE INDEX invoice_booking ON invoice(booking_uuid);
CREATE INDEX invoice_created ON invoice(created_at);
CREATE INDEX invoice_mail ON invoice(mail_state);
