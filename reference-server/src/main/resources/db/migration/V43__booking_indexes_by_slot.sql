-- Hot-slot reservations (issue 5): every index on booking is one more write per booking, on the path every
-- hold waits for. Two of them are replaced by booking_by_slot, which now also orders a slot's bookings of one
-- status by expiry:
-- * booking_by_date (local_date, status): a date's bookings are the bookings of the date's slots (a slot belongs
--   to one date), so date queries go slot → booking_by_slot (FlowStore.channelSales, BookingStore.list).
-- * booking_hold_expiry (status, expires_at): an ON_HOLD booking holds places of its slot (slot.held) or of its
--   channel's allotment on the slot (allotment.held), so the sweeper visits only the slots with places held
--   (BookingStore.dueHolds) and reads their due holds as one range of booking_by_slot.
DROP INDEX booking_by_date;
DROP INDEX booking_hold_expiry;
DROP INDEX booking_by_slot;
CREATE INDEX booking_by_slot ON booking(slot_id, status, expires_at);
