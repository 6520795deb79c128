package io.scenicpass.server.visitors;

import java.util.Optional;

/** Who a visitor is: one id per person across channels, bookings, entries and receipts. */
public interface VisitorDirectory {
    /** The visitor known by any part of this hint, if any (never creates one). */
    Optional<Long> find(VisitorHint hint);

    /** The visitor a booking belongs to (its contact or its first named unit), if known. */
    Optional<Long> ofBooking(String bookingUuid);

    /** Whether the visitor agreed to marketing use (offers, coupons by message); false for unknown ids. */
    boolean marketingConsent(long visitorId);
}
