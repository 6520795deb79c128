-- Incremental manifest refresh: only passes issued recently or entering the window are examined.
ALTER TABLE manifest_state ADD COLUMN issued_wm BIGINT NOT NULL DEFAULT 0;
ALTER TABLE manifest_state ADD COLUMN horizon_wm BIGINT NOT NULL DEFAULT 0;
CREATE INDEX pass_by_issued_at ON pass(issued_at);
CREATE INDEX pass_by_valid_from ON pass(valid_from);
