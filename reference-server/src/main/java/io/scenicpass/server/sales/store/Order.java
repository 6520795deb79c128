package io.scenicpass.server.sales.store;

import java.time.Instant;

/**
 * An OCTO cart order ({@code booking_order}): held bookings of one channel confirmed or cancelled together. Its
 * bookings are listed by {@link OrderStore#bookings}.
 */
public record Order(
        String id,
        String channelId,
        String supplierReference,
        Status status,
        String contactJson,
        Instant expiresAt,
        Instant confirmedAt,
        Instant cancelledAt,
        Instant createdAt) {

    /** The stored {@code status}: OCTO's order statuses. */
    public enum Status {
        ON_HOLD,
        CONFIRMED,
        CANCELLED,
        EXPIRED
    }
}
