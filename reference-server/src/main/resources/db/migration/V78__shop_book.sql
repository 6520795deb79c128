-- The shop's selling path (issue #18). A checkout: one order of a signed-in shop visitor, an ordinary booking of the
-- channel "shop" (booking_id), paid through the payment service (payment_id, method H5 or JSAPI) and moved only by
-- compare-and-set (state: the counter's sale states, counter/SaleState). ref is the order reference the pages show,
-- made when the checkout form was rendered: the same form posted twice is the same checkout, never a second hold.
CREATE TABLE shop_checkout (
    ref VARCHAR(32) PRIMARY KEY,
    visitor_id BIGINT NOT NULL,
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
CREATE INDEX shop_checkout_visitor ON shop_checkout(visitor_id, created_at);
CREATE INDEX shop_checkout_state ON shop_checkout(state, updated_at);

-- A shop visitor's saved real-name visitors (travellers): the document as identity/ keeps it, a keyed lookup hash
-- (one row per document and visitor) and AES-GCM ciphertexts of number and name bound to the row; shown masked.
CREATE TABLE shop_traveller (
    id VARCHAR(32) PRIMARY KEY,
    visitor_id BIGINT NOT NULL,
    doc_type VARCHAR(16) NOT NULL,
    lookup VARCHAR(64) NOT NULL,
    number_enc VARCHAR(512) NOT NULL,
    name_enc VARCHAR(512) NOT NULL,
    country VARCHAR(3),
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX shop_traveller_doc ON shop_traveller(visitor_id, lookup);
