package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.TicketPrinter;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pick-up (取票) at a kiosk or box office: finds a visitor's pre-booked bookings by the swiped ID card (or a passport's
 * MRZ) or a typed booking code, prints their tickets through the {@link TicketPrinter}, and tells the server they were
 * printed only once the printer printed every one (a paper-out leaves the booking unprinted, so it can be printed
 * again; tickets already out are not printed twice). A box office reprints with a reason: the server audits the
 * reprint first, then the paper comes out. Server refusals are {@link SyncException}s carrying the server's code.
 *
 * <pre>{@code
 * PickUpDesk desk = PickUpDesk.of(counter); // the kiosk's Counter: same device, server link and printer
 * for (PickUp b : desk.lookup(swipedCard)) {
 *     if (b.printable()) desk.print(b);
 * }
 * }</pre>
 */
public final class PickUpDesk {
    private static final Logger LOG = LoggerFactory.getLogger(PickUpDesk.class);

    /** What a print did. */
    public enum Outcome {
        /** Every ticket came out and the server recorded the print. */
        PRINTED,
        /** The printer stopped (paper out, cover open …): not recorded, print again once it is ready. */
        PRINTER_FAILED,
        /** The booking may not be printed here (see {@link Result#refusalCode()}); nothing came out. */
        REFUSED
    }

    /** The outcome of one print or reprint. */
    public static final class Result {
        private final Outcome outcome;
        private final PickUp booking;
        private final int printed;
        private final PrintResult failure;

        Result(Outcome outcome, PickUp booking, int printed, PrintResult failure) {
            this.outcome = outcome;
            this.booking = booking;
            this.printed = printed;
            this.failure = failure;
        }

        /** @return what happened */
        public Outcome outcome() {
            return outcome;
        }

        /** @return the booking as the server knows it after this (printed state, reprints) */
        public PickUp booking() {
            return booking;
        }

        /** @return tickets printed by this call */
        public int printed() {
            return printed;
        }

        /** @return the printer's failure when {@link Outcome#PRINTER_FAILED} */
        public Optional<PrintResult> failure() {
            return Optional.ofNullable(failure);
        }

        /** @return the booking's refusal code when {@link Outcome#REFUSED} */
        public Optional<String> refusalCode() {
            return outcome == Outcome.REFUSED ? booking.refusalCode() : Optional.empty();
        }

        @Override
        public String toString() {
            return "PickUpDesk.Result{" + outcome + ", " + booking.bookingId() + ", printed " + printed
                    + (failure == null ? "" : ", " + failure) + "}";
        }
    }

    private final TerminalApi api;
    private final TicketPrinter printer;
    private final SaleTickets paper;
    private final Clock clock;
    /** Passes printed of bookings whose print is not recorded yet (a retry after a paper-out prints the rest). */
    private final Map<String, Set<String>> out = new ConcurrentHashMap<>();

    private PickUpDesk(Counter counter) {
        this.api = counter.api();
        this.printer = counter.printer();
        this.paper = counter.paper();
        this.clock = counter.clock();
    }

    /**
     * @param counter the kiosk's or box office's counter (its link to the server, printer, layout and clock are shared)
     * @return its pick-up desk
     */
    public static PickUpDesk of(Counter counter) {
        return new PickUpDesk(Objects.requireNonNull(counter, "counter"));
    }

    /**
     * @param document the swiped ID card's or the MRZ's holder (only its type, number and country are sent)
     * @return the holder's sold bookings for today and the next days, soonest first (empty: none)
     */
    public List<PickUp> lookup(Holder document) {
        ObjectNode body = CounterWire.JSON.createObjectNode();
        ObjectNode d = body.putObject("document");
        d.put("type", document.type().name());
        d.put("number", document.number());
        document.country().ifPresent(c -> d.put("country", c));
        return PickUp.list(post("lookup", body));
    }

    /**
     * @param credential what the ID card reader ({@link CredentialKind#ID_CARD}) or the MRZ reader
     *     ({@link CredentialKind#PASSPORT}) read
     * @return the holder's bookings, as {@link #lookup(Holder)}
     * @throws IllegalArgumentException for any other credential, or one without its document
     */
    public List<PickUp> lookup(ScannedCredential credential) {
        if (credential.kind() == CredentialKind.ID_CARD && credential.idCard().isPresent()) {
            return lookup(Holder.fromIdCard(credential.idCard().get()));
        }
        if (credential.kind() == CredentialKind.PASSPORT && credential.mrz().isPresent()) {
            return lookup(Holder.fromMrz(credential.mrz().get(), LocalDate.now(clock)));
        }
        throw new IllegalArgumentException("pick-up finds bookings by an ID card or a passport, not " + credential);
    }

    /**
     * @param bookingCode a code the visitor typed (the booking's reference, or the reseller's order number)
     * @return the bookings it stands for, in any state (see {@link PickUp#printable()}); empty when none
     */
    public List<PickUp> lookup(String bookingCode) {
        ObjectNode body = CounterWire.JSON.createObjectNode();
        body.put("bookingCode", bookingCode);
        try {
            return PickUp.list(post("lookup", body));
        } catch (SyncException e) {
            if ("BOOKING_NOT_FOUND".equals(e.serverCode())) {
                return Collections.emptyList();
            }
            throw e;
        }
    }

    /**
     * Prints a printable booking's tickets, then records the print. A booking that is not printable is REFUSED without
     * printing; a printer failure stops the round unrecorded (what came out is not printed again next time).
     *
     * @param booking a booking from {@link #lookup}
     * @return the outcome
     * @throws SyncException when the server cannot be reached (print again: only the record is sent, no paper) or
     *     refuses the print (another kiosk printed it just now)
     */
    public Result print(PickUp booking) {
        if (!booking.printable()) {
            return new Result(Outcome.REFUSED, booking, 0, null);
        }
        Set<String> done = out.computeIfAbsent(booking.bookingId(), k -> Collections.synchronizedSet(new HashSet<>()));
        int printed = 0;
        for (Ticket t : booking.tickets()) {
            if (done.contains(t.passId())) {
                continue;
            }
            PrintResult r = printer.print(paper.ticket(booking.bookingCode(), t));
            if (!r.printed()) {
                LOG.warn("pick-up {}: printer stopped ({}), not recorded", booking.bookingId(), r);
                return new Result(Outcome.PRINTER_FAILED, booking, printed, r);
            }
            done.add(t.passId());
            printed++;
        }
        PickUp recorded;
        try {
            recorded = PickUp.of(post(booking.bookingId() + "/print", CounterWire.JSON.createObjectNode()));
        } catch (SyncException e) {
            if (e.serverCode() != null) {
                out.remove(booking.bookingId()); // refused (printed elsewhere just now): nothing to resume
            } // else unreachable: a retry prints nothing again and records the print
            throw e;
        }
        out.remove(booking.bookingId());
        return new Result(Outcome.PRINTED, recorded, printed, null);
    }

    /**
     * Reprints a printed booking's tickets at a box office: the server records the reprint with its reason (and
     * refuses a kiosk, BOX_OFFICE_ONLY), then every ticket is printed. A printer failure means reprinting again
     * (audited again: no copy leaves unaudited).
     *
     * @param booking a printed booking from {@link #lookup}
     * @param reason why (torn, lost …), required
     * @param cashierId the cashier who asked, or null
     * @return the outcome
     * @throws SyncException with the server's code when refused (BOX_OFFICE_ONLY, NOT_PRINTED, BOOKING_CANCELLED …)
     */
    public Result reprint(PickUp booking, String reason, String cashierId) {
        ObjectNode body = CounterWire.JSON.createObjectNode();
        body.put("reason", reason);
        if (cashierId != null) {
            body.put("cashierId", cashierId);
        }
        PickUp audited = PickUp.of(post(booking.bookingId() + "/reprint", body));
        int printed = 0;
        for (Ticket t : audited.tickets()) {
            PrintResult r = printer.print(paper.ticket(audited.bookingCode(), t));
            if (!r.printed()) {
                return new Result(Outcome.PRINTER_FAILED, audited, printed, r);
            }
            printed++;
        }
        return new Result(Outcome.PRINTED, audited, printed, null);
    }

    private JsonNode post(String path, ObjectNode body) {
        JsonNode n = api.post(api.url("counter/pickups/" + path).build(), body, false, JsonNode.class, null);
        if (n == null || !n.isObject()) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, "unreadable pick-up answer");
        }
        return n;
    }
}
