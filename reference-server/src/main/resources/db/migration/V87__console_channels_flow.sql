-- The console's channels and flow pages (issue #20, second half A). Portable between H2 and PostgreSQL.

-- A failed webhook delivery an operator sent again: retried from then on for another 24 h (the original
-- created_at stays, for the record).
ALTER TABLE outbox ADD COLUMN redelivered_at BIGINT;
-- A channel's latest deliveries, newest first (the channels page).
CREATE INDEX outbox_by_channel ON outbox(channel_id, id);

-- Who acknowledged an alert's current episode, and when (cleared when the alert is raised again).
ALTER TABLE flow_alert ADD COLUMN acknowledged_by VARCHAR(100);
ALTER TABLE flow_alert ADD COLUMN acknowledged_at BIGINT;
