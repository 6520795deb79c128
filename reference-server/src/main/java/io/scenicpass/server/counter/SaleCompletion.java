package io.scenicpass.server.counter;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.counter.store.SaleStore.SaleRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a sale, exactly once whoever gets there first (the device's reply, the provider's notification, a poll,
 * the payment reconciler, the counter sweep): a payment claims the sale (compare-and-set to CONFIRMING), the booking
 * is confirmed (its own compare-and-set issues the passes once), then PAID. A sale that ended unsold (cancelled,
 * expired) gives back any payment that succeeded for it: nothing lost, nothing sold.
 */
final class SaleCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(SaleCompletion.class);
    private static final String REF = "counter-";
    private static final List<SaleState> PAYABLE = List.of(SaleState.AWAITING_PAYMENT, SaleState.DECLINED);

    private final Database db;
    private final SaleStore store;
    private final BookingService bookings;
    private final PaymentService payments;
    private final CounterChannel channel;
    private final Clock clock;

    SaleCompletion(
            Database db,
            SaleStore store,
            BookingService bookings,
            PaymentService payments,
            CounterChannel channel,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.bookings = bookings;
        this.payments = payments;
        this.channel = channel;
        this.clock = clock;
    }

    /** The payment order reference of a sale. */
    static String orderRef(String saleId) {
        return REF + saleId;
    }

    /** The paid-listener: a payment of a counter sale succeeded (called once per payment). */
    void paid(Payment p) {
        if (p.orderRef().startsWith(REF)) {
            complete(p.orderRef().substring(REF.length()), p, p.method().name());
        }
    }

    /**
     * Completes the sale paid by {@code p} (null: cash or nothing to pay): claims it, confirms its booking, PAID. A
     * sale that ended unsold meanwhile refunds the payment; a booking that can no longer be confirmed (hold expired)
     * ends the sale EXPIRED and refunds it.
     */
    void complete(String saleId, Payment p, String method) {
        SaleRow row = db.read(c -> store.find(c, saleId)).orElse(null);
        if (row == null) {
            LOG.error("payment {} names counter sale {}, which does not exist: refunding it", id(p), saleId);
            refund(p, "no such counter sale");
            return;
        }
        if (row.state().payable()) {
            boolean claimed = db.tx(c -> store.claim(c, saleId, PAYABLE, id(p), method, clock.instant()));
            row = db.read(c -> store.find(c, saleId)).orElseThrow();
            if (!claimed && row.state().payable()) {
                return; // cannot happen: a claim only fails when the state moved on
            }
        }
        if (row.state() == SaleState.PAID || row.state() == SaleState.REFUNDED) {
            if (p != null && !p.id().equals(row.paymentId())) {
                LOG.error("counter sale {} was paid already: refunding the second payment {}", saleId, p.id());
                refund(p, "counter sale paid already");
            }
            return;
        }
        if (row.state().unsold()) {
            giveBack(row);
            return;
        }
        // CONFIRMING: this payment's claim, or one interrupted earlier (confirming again changes nothing)
        try {
            bookings.confirm(channel.get(), row.bookingId(), new BookingCommands.Confirm(null));
        } catch (ServiceException e) {
            Booking b = bookings.get(channel.get(), row.bookingId());
            if (!b.status().isSold()) {
                unsold(row, b, e.getMessage());
                return;
            }
        }
        db.tx(c -> store.transition(c, saleId, List.of(SaleState.CONFIRMING), SaleState.PAID, clock.instant()));
    }

    /** A paid sale whose booking cannot be confirmed (its hold expired): the sale ends unsold, the money goes back. */
    private void unsold(SaleRow row, Booking b, String why) {
        LOG.warn("counter sale {} paid but its booking cannot be confirmed ({}): refunding", row.saleId(), why);
        if (b.status() == BookingState.ON_HOLD) {
            bookings.cancel(channel.get(), b.uuid(), new BookingCommands.Cancel("counter sale not completed"));
        }
        SaleState end = b.status() == BookingState.EXPIRED ? SaleState.EXPIRED : SaleState.CANCELLED;
        db.tx(c -> store.transition(c, row.saleId(), List.of(SaleState.CONFIRMING), end, clock.instant()));
        giveBack(db.read(c -> store.find(c, row.saleId())).orElseThrow());
    }

    /**
     * The job: brings up to date the open sales nobody looked at for {@code quiet} (a hold that expired, a payment
     * the reconciler settled, a confirmation a crash interrupted); each visited sale rests for {@code quiet} again.
     */
    int sweep(Duration quiet) {
        Instant now = clock.instant();
        List<SaleRow> due = db.read(c -> store.open(c, now.minus(quiet), 100));
        for (SaleRow r : due) {
            try {
                refresh(r, false);
            } catch (RuntimeException e) { // one sale's trouble must not stop the others
                LOG.warn("counter sale {} not settled this time", r.saleId(), e);
            }
            db.tx(c -> {
                store.touch(c, r.saleId(), now);
                return null;
            });
        }
        return due.size();
    }

    /**
     * Brings an open sale up to date: a succeeded payment completes it, a confirmation interrupted earlier is redone,
     * a failed payment makes it DECLINED, an expired hold EXPIRED. {@code ask}: query the provider about an open
     * payment (a device polling); the reconciler does that otherwise.
     */
    SaleRow refresh(SaleRow row, boolean ask) {
        String saleId = row.saleId();
        if (row.state() == SaleState.CONFIRMING) {
            Payment p = row.paymentId() == null ? null : payments.get(row.paymentId());
            complete(saleId, p, row.method());
        } else if (row.state().payable()) {
            Payment paid = succeeded(saleId);
            Payment live = row.paymentId() == null ? null : payments.get(row.paymentId());
            if (paid == null && ask && live != null && live.state() == Payment.State.PENDING) {
                live = payments.refresh(live.id()); // a success completes the sale through the paid-listener
            }
            if (paid != null) {
                complete(saleId, paid, paid.method().name());
            } else if (live != null && live.state() == Payment.State.FAILED) {
                db.tx(c -> store.transition(
                        c, saleId, List.of(SaleState.AWAITING_PAYMENT), SaleState.DECLINED, clock.instant()));
            }
            Booking b = bookings.get(channel.get(), row.bookingId()); // expires a due hold
            if (b.status() == BookingState.EXPIRED || b.status() == BookingState.CANCELLED) {
                end(row, b.status() == BookingState.EXPIRED ? SaleState.EXPIRED : SaleState.CANCELLED);
            }
        } else if (row.state().unsold()) {
            giveBack(row);
        }
        return db.read(c -> store.find(c, saleId)).orElseThrow();
    }

    /** Cancels an unpaid sale; false when it was no longer payable (paid, being paid, ended). */
    boolean cancel(SaleRow row) {
        if (!end(row, SaleState.CANCELLED)) {
            return false;
        }
        try {
            bookings.cancel(channel.get(), row.bookingId(), new BookingCommands.Cancel("cancelled at the counter"));
        } catch (ServiceException e) {
            LOG.info("counter sale {}: booking not cancelled ({}), it ended already", row.saleId(), e.getMessage());
        }
        return true;
    }

    /** Ends a payable sale unsold: its open payment is given up, a succeeded one refunded. True if this call ended it. */
    private boolean end(SaleRow row, SaleState to) {
        if (!db.tx(c -> store.transition(c, row.saleId(), PAYABLE, to, clock.instant()))) {
            return false;
        }
        SaleRow now = db.read(c -> store.find(c, row.saleId())).orElseThrow();
        if (now.paymentId() != null && payments.get(now.paymentId()).state() == Payment.State.PENDING) {
            payments.abandon(now.paymentId()); // paid anyway later: the payment module refunds it (LATE)
        }
        giveBack(now);
        return true;
    }

    /** Refunds what any payment of an unsold sale took (each payment in full, once). */
    private void giveBack(SaleRow row) {
        for (Payment p : payments.list(orderRef(row.saleId()), Payment.State.SUCCEEDED, 10)) {
            refund(p, "counter sale " + row.state().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void refund(Payment p, String reason) {
        if (p == null
                || p.state() != Payment.State.SUCCEEDED
                || p.refundedFen() >= p.amount().fen()) {
            return;
        }
        try {
            payments.refund(p.id(), p.amount().fen() - p.refundedFen(), reason);
        } catch (ServiceException e) { // a refund of it is under way already
            LOG.warn("payment {} not refunded now: {}", p.id(), e.getMessage());
        }
    }

    private Payment succeeded(String saleId) {
        List<Payment> paid = payments.list(orderRef(saleId), Payment.State.SUCCEEDED, 1);
        return paid.isEmpty() ? null : paid.get(0);
    }

    private static String id(Payment p) {
        return p == null ? null : p.id();
    }
}
