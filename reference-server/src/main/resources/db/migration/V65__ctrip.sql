-- Ctrip (携程) supplier adapter (issue 16): the channel a Ctrip account id belongs to (the shared signing key is that
-- channel's webhook_secret), and the date-level inventory last pushed to Ctrip per PLU (unit) and date.
CREATE TABLE ctrip_account (
  account_id VARCHAR(64) PRIMARY KEY,
  channel_id VARCHAR(64) NOT NULL UNIQUE
);

CREATE TABLE ctrip_inventory_pushed (
  channel_id VARCHAR(64) NOT NULL,
  plu        VARCHAR(64) NOT NULL,
  local_date DATE NOT NULL,
  quantity   INT NOT NULL,
  PRIMARY KEY (channel_id, plu, local_date)
);

-- How many tickets of a Ctrip order were last reported consumed (OrderConsumedNotice), so each change is sent once.
CREATE TABLE ctrip_consumed (
  booking_uuid VARCHAR(64) PRIMARY KEY,
  used         INT NOT NULL
);
