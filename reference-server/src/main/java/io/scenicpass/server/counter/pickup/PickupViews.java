package io.scenicpass.server.counter.pickup;

import io.scenicpass.server.counter.Sale.Ticket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON answers of the pick-up routes (terminal and admin). */
public final class PickupViews {
    private PickupViews() {}

    /** {@code POST /terminal/v1/counter/pickups/lookup}: the bookings found, soonest visit first. */
    public record Lookup(List<PickupBooking> bookings) {}

    /**
     * A booking at the kiosk: what it is, whether its tickets may be printed here now ({@code printable}; else
     * {@code refusal} says why, with the code a print would answer), its first print, the number of reprints and its
     * tickets as a counter sale shows them.
     */
    public record PickupBooking(
            String bookingId,
            String bookingCode,
            String resellerReference,
            String state,
            String productId,
            String productName,
            String slotId,
            String slotStart,
            LocalDate visitDate,
            int quantity,
            boolean printable,
            Refusal refusal,
            Printed printed,
            int reprints,
            List<Ticket> tickets) {}

    /** Why a booking cannot be printed: a pick-up problem code and a message for the screen. */
    public record Refusal(String code, String message) {}

    /** Where and when a booking's tickets were first printed. */
    public record Printed(Instant at, String deviceId, String deviceName) {}

    /** One audited print, as the admin list shows it. */
    public record PrintRecord(
            String bookingId,
            String bookingCode,
            String kind,
            int seq,
            String deviceId,
            String deviceName,
            Instant at,
            String reason,
            String by) {}
}
