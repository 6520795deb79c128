package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pre-booked booking found at the kiosk for pick-up (取票): what it is, whether its tickets may be printed here
 * now ({@link #printable()}; else {@link #refusalCode()} says why: {@code ALREADY_PRINTED}, {@code BOOKING_CANCELLED},
 * {@code BOOKING_EXPIRED}, {@code BOOKING_NOT_CONFIRMED}, {@code VISIT_DAY_PASSED}), its first print and its tickets.
 * Immutable.
 */
public final class PickUp {
    private final String bookingId;
    private final String bookingCode;
    private final String state;
    private final String productName;
    private final LocalDate visitDate;
    private final boolean printable;
    private final String refusalCode;
    private final String refusalMessage;
    private final Instant printedAt;
    private final String printedOn;
    private final int reprints;
    private final List<Ticket> tickets;

    private PickUp(JsonNode n) {
        this.bookingId = CounterWire.required(n, "bookingId");
        this.bookingCode = CounterWire.text(n, "bookingCode");
        this.state = CounterWire.required(n, "state");
        this.productName = CounterWire.text(n, "productName");
        this.visitDate = LocalDate.parse(CounterWire.required(n, "visitDate"));
        this.printable = n.path("printable").asBoolean();
        this.refusalCode = CounterWire.text(n.path("refusal"), "code");
        this.refusalMessage = CounterWire.text(n.path("refusal"), "message");
        this.printedAt = CounterWire.instant(CounterWire.text(n.path("printed"), "at"));
        this.printedOn = CounterWire.text(n.path("printed"), "deviceName");
        this.reprints = n.path("reprints").asInt();
        List<Ticket> list = new ArrayList<>();
        for (JsonNode t : n.path("tickets")) {
            list.add(CounterWire.ticket(t));
        }
        this.tickets = Collections.unmodifiableList(list);
    }

    /** @param n a booking of a pick-up answer @return it read @throws IllegalArgumentException when unreadable */
    static PickUp of(JsonNode n) {
        try {
            return new PickUp(Objects.requireNonNull(n, "booking"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable pick-up booking: " + e.getMessage(), e);
        }
    }

    /** @param n a lookup answer {@code {bookings: [...]}} @return its bookings, soonest visit first */
    static List<PickUp> list(JsonNode n) {
        List<PickUp> out = new ArrayList<>();
        for (JsonNode b : n.path("bookings")) {
            out.add(of(b));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the booking's id (what print and reprint name) */
    public String bookingId() {
        return bookingId;
    }

    /** @return the booking's code as printed on the tickets (its supplier reference) */
    public String bookingCode() {
        return bookingCode;
    }

    /** @return the booking's state (CONFIRMED, REDEEMED, CANCELLED, EXPIRED, ON_HOLD) */
    public String state() {
        return state;
    }

    /** @return the product's name */
    public String productName() {
        return productName == null ? "" : productName;
    }

    /** @return the visit day */
    public LocalDate visitDate() {
        return visitDate;
    }

    /** @return true when its tickets may be printed now (never printed, sold, not past) */
    public boolean printable() {
        return printable;
    }

    /** @return why it cannot be printed, a pick-up code such as ALREADY_PRINTED; empty when printable */
    public Optional<String> refusalCode() {
        return Optional.ofNullable(refusalCode);
    }

    /** @return the refusal's message for the screen; empty when printable */
    public Optional<String> refusalMessage() {
        return Optional.ofNullable(refusalMessage);
    }

    /** @return when its tickets were first printed; empty when never */
    public Optional<Instant> printedAt() {
        return Optional.ofNullable(printedAt);
    }

    /** @return the name of the device that first printed them; empty when never */
    public Optional<String> printedOn() {
        return Optional.ofNullable(printedOn);
    }

    /** @return how many times they were reprinted */
    public int reprints() {
        return reprints;
    }

    /** @return its tickets (one per pass), empty when it has none (cancelled, not confirmed) */
    public List<Ticket> tickets() {
        return tickets;
    }

    @Override
    public String toString() {
        return "PickUp{" + bookingId + " " + state + (printable ? " printable" : " " + refusalCode) + ", "
                + tickets.size() + " tickets}";
    }
}
