-- Measures at scale (issue #19): a day's bookings through the rollup's own record of each booking's day, indexed
-- here, instead of a scan of booking (which has no index by date since V43, to keep the booking path's writes few).
CREATE INDEX measure_booking_by_day ON measure_booking(local_date);
