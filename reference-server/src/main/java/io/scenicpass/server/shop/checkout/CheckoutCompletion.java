package io.scenicpass.server.shop.checkout;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.checkout.store.CheckoutStore;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a shop order, exactly once whoever gets there first (the provider's notification, the pay page polling,
 * the payment reconciler, the shop sweep; on any node): the payment claims the checkout (compare-and-set to
 * CONFIRMING), the booking is confirmed (its own compare-and-set issues the passes once), then PAID. An order that
 * ended unsold (cancelled, hold expired) refunds any payment that succeeded for it: a late payment is refunded.
 */
final class CheckoutCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(CheckoutCompletion.class);
    private static final String REF = "shop-";
    static final List<SaleState> PAYABLE = List.of(SaleState.AWAITING_PAYMENT, SaleState.DECLINED);

    private final Database db;
    private final CheckoutStore store;
    private final BookingService bookings;
    private final PaymentService payments;
    private final ShopChannel channel;
    private final Clock clock;

    CheckoutCompletion(
            Database db,
            CheckoutStore store,
            BookingService bookings,
            PaymentService payments,
            ShopChannel channel,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.bookings = bookings;
        this.payments = payments;
        this.channel = channel;
        this.clock = clock;
    }

    /** The payment order reference of a checkout. */
    static String orderRef(String ref) {
        return REF + ref;
    }

    /** The paid-listener: a payment of a shop order succeeded (called once per payment). */
    void paid(Payment p) {
        if (p.orderRef().startsWith(REF)) {
            complete(p.orderRef().substring(REF.length()), p);
        }
    }

    /** Completes the order paid by {@code p} (null: nothing to pay): claims it, confirms its booking, PAID. */
    void complete(String ref, Payment p) {
        CheckoutRow row = find(ref);
        if (row == null) {
            LOG.error("payment {} names shop order {}, which does not exist: refunding it", id(p), ref);
            refund(p, "no such shop order");
            return;
        }
        if (row.state().payable()) {
            db.tx(c -> store.transition(c, ref, PAYABLE, SaleState.CONFIRMING, id(p), clock.instant()));
            row = find(ref);
        }
        if (row.state() == SaleState.PAID || row.state() == SaleState.REFUNDED) {
            if (p != null && !p.id().equals(row.paymentId())) {
                LOG.error("shop order {} was paid already: refunding the second payment {}", ref, p.id());
                refund(p, "shop order paid already");
            }
            return;
        }
        if (row.state().unsold()) {
            giveBack(row);
            return;
        }
        try { // CONFIRMING: this payment's claim, or one interrupted earlier (confirming again changes nothing)
            bookings.confirm(channel.get(), row.bookingId(), new BookingCommands.Confirm(null));
        } catch (ServiceException e) {
            Booking b = bookings.get(channel.get(), row.bookingId());
            if (!b.status().isSold()) {
                LOG.warn("shop order {} paid but its booking cannot be confirmed ({}): refunding", ref, e.getMessage());
                SaleState end = b.status() == BookingState.EXPIRED ? SaleState.EXPIRED : SaleState.CANCELLED;
                if (b.status() == BookingState.ON_HOLD) {
                    bookings.cancel(channel.get(), b.uuid(), new BookingCommands.Cancel("shop order not completed"));
                }
                db.tx(c -> store.transition(c, ref, List.of(SaleState.CONFIRMING), end, null, clock.instant()));
                giveBack(find(ref));
                return;
            }
        }
        db.tx(c -> store.transition(c, ref, List.of(SaleState.CONFIRMING), SaleState.PAID, null, clock.instant()));
    }

    /**
     * Brings an open order up to date: a succeeded payment completes it, an interrupted confirmation is redone, a
     * failed payment makes it DECLINED, an expired hold EXPIRED (places back). {@code ask}: query the provider about
     * the open payment (the pay page polling); the reconciler does that otherwise.
     */
    CheckoutRow refresh(CheckoutRow row, boolean ask) {
        String ref = row.ref();
        if (row.state() == SaleState.CONFIRMING) {
            complete(ref, row.paymentId() == null ? null : payments.get(row.paymentId()));
        } else if (row.state().payable()) {
            Payment live = row.paymentId() == null ? null : payments.get(row.paymentId());
            if (ask && live != null && live.state() == Payment.State.PENDING) {
                live = payments.refresh(live.id()); // a success completes the order through the paid-listener
            }
            List<Payment> paid = payments.list(orderRef(ref), Payment.State.SUCCEEDED, 1);
            if (!paid.isEmpty()) {
                complete(ref, paid.get(0));
            } else if (live != null && live.state() == Payment.State.FAILED) {
                db.tx(c -> store.transition(
                        c, ref, List.of(SaleState.AWAITING_PAYMENT), SaleState.DECLINED, null, clock.instant()));
            }
            Booking b = bookings.get(channel.get(), row.bookingId()); // expires a due hold: places back
            if (b.status() == BookingState.EXPIRED || b.status() == BookingState.CANCELLED) {
                end(row, b.status() == BookingState.EXPIRED ? SaleState.EXPIRED : SaleState.CANCELLED);
            }
        } else if (row.state().unsold()) {
            giveBack(row);
        }
        return find(ref);
    }

    /** The job: brings up to date the open orders nobody looked at for {@code quiet}. */
    int sweep(Duration quiet) {
        Instant now = clock.instant();
        List<CheckoutRow> due = db.read(c -> store.open(c, now.minus(quiet), 100));
        for (CheckoutRow r : due) {
            try {
                refresh(r, false);
            } catch (RuntimeException e) { // one order's trouble must not stop the others
                LOG.warn("shop order {} not settled this time", r.ref(), e);
            }
            db.tx(c -> {
                store.touch(c, r.ref(), now);
                return null;
            });
        }
        return due.size();
    }

    /** Ends a payable order unsold: its open payment given up, a succeeded one refunded. True if this call ended it. */
    boolean end(CheckoutRow row, SaleState to) {
        if (!db.tx(c -> store.transition(c, row.ref(), PAYABLE, to, null, clock.instant()))) {
            return false;
        }
        CheckoutRow now = find(row.ref());
        if (now.paymentId() != null && payments.get(now.paymentId()).state() == Payment.State.PENDING) {
            payments.abandon(now.paymentId()); // paid anyway later: the payment module refunds it (LATE)
        }
        giveBack(now);
        return true;
    }

    /** Refunds what any payment of an unsold order took (each payment in full, once). */
    private void giveBack(CheckoutRow row) {
        for (Payment p : payments.list(orderRef(row.ref()), Payment.State.SUCCEEDED, 10)) {
            refund(p, "shop order " + row.state().name().toLowerCase(Locale.ROOT));
        }
    }

    private void refund(Payment p, String reason) {
        if (p == null
                || p.state() != Payment.State.SUCCEEDED
                || p.refundedFen() >= p.amount().fen()) {
            return;
        }
        try {
            payments.refund(p.id(), "S" + p.id().substring(1), p.amount().fen() - p.refundedFen(), reason);
        } catch (ServiceException e) { // a refund of it is under way already
            LOG.warn("payment {} not refunded now: {}", p.id(), e.getMessage());
        }
    }

    private CheckoutRow find(String ref) {
        return db.read(c -> store.find(c, ref)).orElse(null);
    }

    private static String id(Payment p) {
        return p == null ? null : p.id();
    }
}
