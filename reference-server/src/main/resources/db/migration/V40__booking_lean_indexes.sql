-- Hot-slot reservations (issue 5): every index on booking is one more write per booking. booking_by_channel
-- (channel_id, created_at) serves no query: BookingStore.list always has a second filter (reseller reference →
-- booking_by_reseller_ref, which also starts with channel_id; supplier reference → booking_supplier_ref; local
-- date → booking_by_date), and the flow queries go by slot or date. On H2 the foreign key on channel_id keeps its
-- own index, on PostgreSQL a foreign key needs none.
DROP INDEX booking_by_channel;
