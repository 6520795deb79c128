package io.scenicpass.server.sales.store;

import io.scenicpass.server.sales.BookingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A booking with its unit items, as stored. New bookings come from {@link #newHold}; the canonical constructor is for
 * reading rows back (and tests that write exact rows).
 */
public record Booking(
        String uuid,
        String channelId,
        String productId,
        String optionId,
        String slotId,
        String poolId,
        LocalDate localDate,
        BookingState status,
        int quantity,
        int fromAllotment,
        String requestHash,
        String resellerReference,
        String supplierReference,
        String contactJson,
        String notes,
        String currency,
        long totalRetail,
        long totalNet,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant confirmedAt,
        Instant cancelledAt,
        Instant redeemedAt,
        String cancelRefund,
        String cancelReason,
        List<UnitItem> unitItems) {

    /**
     * One unit item of a booking (one visitor); {@code contactJson}: the visitor's OCTO contact as the reseller gave it,
     * kept like the booking's own contact (null: none).
     */
    public record UnitItem(
            String uuid,
            int position,
            String unitId,
            String resellerReference,
            String supplierReference,
            long retail,
            long net,
            String passId,
            String contactJson) {

        public UnitItem(
                String uuid,
                int position,
                String unitId,
                String resellerReference,
                String supplierReference,
                long retail,
                long net,
                String passId) {
            this(uuid, position, unitId, resellerReference, supplierReference, retail, net, passId, null);
        }

        /** This item with the id of the pass issued for it. */
        public UnitItem withPassId(String id) {
            return new UnitItem(
                    uuid, position, unitId, resellerReference, supplierReference, retail, net, id, contactJson);
        }
    }

    /**
     * A new hold of {@code quantity} places (visitors) in {@code slot} of {@code product}, until {@code expiresAt}:
     * ON_HOLD, nothing from an allotment yet, totals summed from the items, no reseller details (see
     * {@link #withDetails}).
     */
    public static Booking newHold(
            String uuid,
            String channelId,
            String requestHash,
            Product product,
            Slot slot,
            int quantity,
            List<UnitItem> items,
            String supplierReference,
            Instant now,
            Instant expiresAt) {
        Booking hold = new Booking(
                uuid,
                channelId,
                null,
                null,
                null,
                null,
                null,
                BookingState.ON_HOLD,
                0,
                0,
                requestHash,
                null,
                supplierReference,
                null,
                null,
                null,
                0,
                0,
                expiresAt,
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                List.of());
        return hold.movedTo(product, slot, quantity, 0, items); // what it is for, as a change would set it
    }

    /** This booking with the reseller's reference, contact (OCTO JSON) and notes. */
    public Booking withDetails(String resellerRef, String contact, String note) {
        return new Booking(
                uuid,
                channelId,
                productId,
                optionId,
                slotId,
                poolId,
                localDate,
                status,
                quantity,
                fromAllotment,
                requestHash,
                resellerRef,
                supplierReference,
                contact,
                note,
                currency,
                totalRetail,
                totalNet,
                expiresAt,
                createdAt,
                updatedAt,
                confirmedAt,
                cancelledAt,
                redeemedAt,
                cancelRefund,
                cancelReason,
                unitItems);
    }

    /**
     * This booking moved to {@code slot} of {@code product} with new unit items ({@code quantity} places, totals summed
     * from the items, {@code fromAllotment} of them from the channel's allotment); status and details unchanged.
     */
    public Booking movedTo(Product product, Slot slot, int quantity, int fromAllotment, List<UnitItem> items) {
        return new Booking(
                uuid,
                channelId,
                product.id(),
                slot.optionId(),
                slot.id(),
                product.dayPool(),
                slot.localDate(),
                status,
                quantity,
                fromAllotment,
                requestHash,
                resellerReference,
                supplierReference,
                contactJson,
                notes,
                product.currency(),
                sum(items, UnitItem::retail),
                sum(items, UnitItem::net),
                expiresAt,
                createdAt,
                updatedAt,
                confirmedAt,
                cancelledAt,
                redeemedAt,
                cancelRefund,
                cancelReason,
                List.copyOf(items));
    }

    private static long sum(List<UnitItem> items, java.util.function.ToLongFunction<UnitItem> price) {
        return items.stream().mapToLong(price).sum();
    }
}
