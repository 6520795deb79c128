package io.scenicpass.server.visitors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Who a visitor is: one id per person across channels, bookings, entries and receipts. */
public interface VisitorDirectory {
    /** The visitor known by any part of this hint, if any (never creates one). */
    Optional<Long> find(VisitorHint hint);

    /**
     * The visitor known by any part of this hint, made now with the hint's document, phone and email keys when nobody
     * has them yet, in the caller's transaction: a once-per-visitor offer claimed under its row lock counts a new
     * visitor's second order before the hub's feed has seen the first. Empty when the hint names nobody.
     */
    default Optional<Long> findOrCreate(Connection c, VisitorHint hint) throws SQLException {
        return find(hint);
    }

    /** The visitor a booking belongs to (its contact or its first named unit), if known. */
    Optional<Long> ofBooking(String bookingUuid);

    /** Whether the visitor agreed to marketing use (offers, coupons by message); false for unknown ids. */
    boolean marketingConsent(long visitorId);
}
