package io.scenicpass.server.payments;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.Payment.State;
import io.scenicpass.server.payments.PaymentProvider.Outcome;
import io.scenicpass.server.payments.store.PaymentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled job that settles payments whose outcome nobody saw: each open payment not looked at for
 * {@code recheck} is queried; paid → completed (or refunded if abandoned); expired and unpaid → closed at the
 * provider and failed; paid after abandonment → refunded (again until the provider accepts). Never lost.
 */
public final class PaymentReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciler.class);
    private static final int BATCH = 100;

    private final Database db;
    private final PaymentStore store;
    private final PaymentService payments;
    private final PaymentProviders providers;
    private final Clock clock;
    private final Duration recheck;

    public PaymentReconciler(
            Database db,
            PaymentStore store,
            PaymentService payments,
            PaymentProviders providers,
            Clock clock,
            Duration recheck) {
        this.db = db;
        this.store = store;
        this.payments = payments;
        this.providers = providers;
        this.clock = clock;
        this.recheck = recheck;
    }

    /** One run: returns how many payments it looked at. */
    public int run() {
        Instant now = clock.instant();
        List<Payment> due = db.read(c -> store.due(c, now.minus(recheck), BATCH));
        for (Payment p : due) {
            try {
                reconcile(p, now);
            } catch (RuntimeException e) { // one payment's trouble must not stop the others
                LOG.warn("payment {} not reconciled this time", p.id(), e);
                payments.touch(p.id());
            }
        }
        return due.size();
    }

    private void reconcile(Payment p, Instant now) {
        if (p.state() == State.LATE) {
            payments.refundLate(p);
            payments.touch(p.id());
            return;
        }
        Outcome out;
        try {
            out = payments.audited(p, "QUERY", () -> providers.of(p.provider()).query(p.id()));
        } catch (PaymentException e) {
            if (e.kind() == PaymentException.Kind.NOT_FOUND && !now.isBefore(p.expiresAt())) {
                payments.fail(p.id(), "NOT_AT_PROVIDER"); // never reached the provider, and now too old to
            } else {
                payments.touch(p.id());
            }
            return;
        }
        Payment after = payments.settle(p, out);
        if (after.state() == State.PENDING && !now.isBefore(p.expiresAt())) {
            payments.cancel(after, "EXPIRED");
        } else if (after.state() == State.ABANDONED) {
            payments.cancel(after, "CANCELLED");
        }
        if (payments.get(p.id()).state().open()) {
            payments.touch(p.id());
        }
    }
}
