-- OCTO webhooks (capability octo/webhooks): endpoints a reseller subscribes itself through /octo/webhooks, next to
-- the one an operator configures on the channel. Each has its own signing secret (returned once, at creation).
CREATE TABLE octo_webhook (
  id                   VARCHAR(64) PRIMARY KEY,
  channel_id           VARCHAR(64) NOT NULL,
  event                VARCHAR(40) NOT NULL,
  url                  VARCHAR(2048) NOT NULL,
  secret               VARCHAR(100) NOT NULL,
  retry_on_error       BOOLEAN NOT NULL,
  use_contact_language BOOLEAN NOT NULL,
  capabilities         VARCHAR(500) NOT NULL,
  created_at           BIGINT NOT NULL
);
CREATE INDEX octo_webhook_by_channel ON octo_webhook(channel_id, event);

-- An outbox row for a subscribed endpoint names it; NULL: the channel's operator-configured webhook.
ALTER TABLE outbox ADD COLUMN webhook_id VARCHAR(64);
