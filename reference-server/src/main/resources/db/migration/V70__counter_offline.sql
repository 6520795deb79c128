-- Offline selling at the box office (issue 17): places reserved per device and slot out of the slot's inventory,
-- and the sales a device made offline, recorded once when it syncs. Portable between H2 and PostgreSQL.

-- A device's allotment on a slot. The unsold part (quantity - sold) is counted in slot.held (and day_pool.held):
-- taken from the same inventory as every channel, so the slot can never oversell; sold places move to slot.sold.
CREATE TABLE counter_allotment (
  device_id  VARCHAR(64) NOT NULL,
  slot_id    VARCHAR(160) NOT NULL,
  quantity   INT NOT NULL,
  sold       INT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (device_id, slot_id),
  CHECK (sold >= 0 AND sold <= quantity)
);
CREATE INDEX counter_allotment_by_slot ON counter_allotment(slot_id);

-- Every offline sale a device synced, once (sale_id is the device's UUID: the idempotency key).
CREATE TABLE counter_offline_sale (
  sale_id    VARCHAR(64) PRIMARY KEY,
  device_id  VARCHAR(64) NOT NULL,
  slot_id    VARCHAR(160) NOT NULL,
  booking_id VARCHAR(64) NOT NULL,
  quantity   INT NOT NULL,
  amount_fen BIGINT NOT NULL,
  method     VARCHAR(10) NOT NULL,
  shift_id   VARCHAR(64),
  sold_at    BIGINT NOT NULL,
  synced_at  BIGINT NOT NULL
);
CREATE INDEX counter_offline_sale_by_device ON counter_offline_sale(device_id, sold_at);
