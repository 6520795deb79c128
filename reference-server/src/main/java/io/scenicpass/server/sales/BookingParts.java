package io.scenicpass.server.sales;

import io.scenicpass.server.sales.store.Booking;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What another feature sells together with a booking of some products (packages: a partner's hotel night and
 * transport). Each step runs in the booking's own transaction, so a refusal (a {@code ServiceException}) rolls the
 * whole step back: the hold, the sale or the cancellation happens with its parts or not at all.
 */
public interface BookingParts {
    /** Whether bookings of this product carry parts (they take the one-transaction hold path, not the combined one). */
    boolean has(String productId);

    /** The hold of {@code b} was taken: take its parts too, or refuse. */
    void held(Connection c, Booking b, Instant now) throws SQLException;

    /** {@code b} was confirmed and its passes issued: sell its parts (vouchers), or refuse. */
    void sold(Connection c, Booking b, Instant now) throws SQLException;

    /** {@code b} (sold) is about to be cancelled: refuse after the strictest cutoff of its parts. */
    void cancelling(Connection c, Booking b, Instant now) throws SQLException;

    /** {@code b} was cancelled or its hold expired: give its parts back and void what was issued for them. */
    void released(Connection c, Booking b, Instant now) throws SQLException;

    /**
     * What the parts leave to book of a product on a visit day, in visitors: {@code free} of {@code total} (the
     * partners' allotments); availability shows the smaller of this and our own vacancies.
     */
    record Limit(int free, int total) {
        /** No limit: a product without parts. */
        public static final Limit NONE = new Limit(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * A partner's part of a sold booking as the visitor's voucher: its code, the partner's item (a room, a bus line),
     * the day, the places, and VALID, USED or VOID.
     */
    record Voucher(String code, String item, java.time.LocalDate day, int places, String state) {}

    /** The vouchers of a booking's sold parts, in part order (empty: none), for the counter's receipt. */
    default java.util.List<Voucher> vouchers(Connection c, String bookingUuid) throws SQLException {
        return java.util.List.of();
    }

    /** What the parts of {@code productId} leave to book on {@code day} ({@link Limit#NONE}: no parts). */
    default Limit limit(Connection c, String productId, java.time.LocalDate day) throws SQLException {
        return Limit.NONE;
    }

    /** Adds the parts to the OCTO view of {@code b} (e.g. the partners' vouchers). */
    void show(Connection c, Booking b, io.scenicpass.channel.model.Booking view) throws SQLException;

    /** No parts for any product: what the server has until a feature sets its own ({@link SalesModule#parts}). */
    BookingParts NONE = new BookingParts() {
        @Override
        public boolean has(String productId) {
            return false;
        }

        @Override
        public void held(Connection c, Booking b, Instant now) {}

        @Override
        public void sold(Connection c, Booking b, Instant now) {}

        @Override
        public void cancelling(Connection c, Booking b, Instant now) {}

        @Override
        public void released(Connection c, Booking b, Instant now) {}

        @Override
        public void show(Connection c, Booking b, io.scenicpass.channel.model.Booking view) {}
    };

    /** The parts in effect: {@link #NONE} until set once at composition (read by every booking step). */
    final class Holder {
        private volatile BookingParts parts = NONE;

        BookingParts get() {
            return parts;
        }

        void set(BookingParts p) {
            parts = p;
        }
    }
}
