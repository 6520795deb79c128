-- OCTO cart (octo/cart): an order groups held bookings of one channel that are confirmed or cancelled together,
-- all or nothing (sales/OrderService). Times are epoch milliseconds like the booking table's.
CREATE TABLE booking_order (
  id                 VARCHAR(64) PRIMARY KEY,
  channel_id         VARCHAR(64) NOT NULL,
  supplier_reference VARCHAR(64) NOT NULL,
  status             VARCHAR(20) NOT NULL,
  contact_json       VARCHAR(4000),
  expires_at         BIGINT NOT NULL,
  confirmed_at       BIGINT,
  cancelled_at       BIGINT,
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL
);
CREATE INDEX booking_order_by_channel ON booking_order(channel_id);

-- The bookings of an order, in the order they were added (the first is the order's primary booking). A booking
-- belongs to at most one order.
CREATE TABLE order_booking (
  booking_uuid VARCHAR(64) PRIMARY KEY,
  order_id     VARCHAR(64) NOT NULL,
  position     INT NOT NULL
);
CREATE INDEX order_booking_by_order ON order_booking(order_id, position);
