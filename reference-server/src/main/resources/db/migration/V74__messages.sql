-- Messages to shop visitors (issue #18): an outbox written in the caller's transaction and delivered by a job, and
-- the visitor's choices. The fields (which may hold a sign-in code) are AES-GCM ciphertext (identity secret), erased
-- when the row reaches a final state; no contact data is stored here (it is read from shop_visitor when sending).
CREATE TABLE message_outbox (
    id VARCHAR(32) PRIMARY KEY,
    visitor_id BIGINT NOT NULL,
    kind VARCHAR(24) NOT NULL,
    -- once-only messages (a booking's reminder, a warning to one visitor): a second insert is ignored
    dedupe_key VARCHAR(200),
    fields TEXT,
    state VARCHAR(12) NOT NULL,
    way VARCHAR(8),
    attempts INT NOT NULL DEFAULT 0,
    next_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    done_at BIGINT,
    last_error VARCHAR(200)
);
CREATE UNIQUE INDEX message_outbox_dedupe ON message_outbox(dedupe_key);
CREATE INDEX message_outbox_due ON message_outbox(state, next_at);
CREATE INDEX message_outbox_done ON message_outbox(done_at);

-- What a visitor chose to receive, per kind and way (EMAIL, SMS); no row: the default (on).
CREATE TABLE message_choice (
    visitor_id BIGINT NOT NULL,
    kind VARCHAR(24) NOT NULL,
    way VARCHAR(8) NOT NULL,
    enabled BOOLEAN NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (visitor_id, kind, way)
);
