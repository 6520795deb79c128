-- Signing keys delegated to box offices (issue #17): the device's Ed25519 public key certified for a scope (products,
-- visit window, number of passes) and a short validity; gates receive it in the signed key set. Revoking keeps the
-- row (revoked_at) so the key set tells gates to refuse the key's passes until its validity has passed.
CREATE TABLE delegation (
    key_id VARCHAR(8) PRIMARY KEY,
    device_id VARCHAR(64) NOT NULL,
    public_key VARCHAR(64) NOT NULL,
    product_ids VARCHAR(4000) NOT NULL,
    visit_from BIGINT NOT NULL,
    visit_until BIGINT NOT NULL,
    max_passes INT NOT NULL,
    valid_from BIGINT NOT NULL,
    valid_until BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    revoked_reason VARCHAR(200)
);
CREATE INDEX delegation_device ON delegation(device_id);
CREATE INDEX delegation_valid_until ON delegation(valid_until);

-- The passes of a delegated key the server had received (synced sales) when it was revoked: the key set keeps
-- honouring them (unless refunded: the pass's own revocation), while the key's other passes are refused.
CREATE TABLE delegation_honoured (
    key_id VARCHAR(8) NOT NULL REFERENCES delegation(key_id),
    pass_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (key_id, pass_id)
);
