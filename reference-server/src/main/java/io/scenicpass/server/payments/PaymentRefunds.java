package io.scenicpass.server.payments;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.PaymentProvider.RefundOutcome;
import io.scenicpass.server.payments.PaymentProvider.RefundRequest;
import io.scenicpass.server.payments.PaymentProvider.Status;
import io.scenicpass.server.payments.store.PaymentStore;
import io.scenicpass.server.payments.store.PaymentStore.RefundRow;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Refunds: the amount is reserved on the payment first (never more than was paid, however many refunds race), then
 * asked of the provider under the refund's id; a refund whose outcome is unknown stays REQUESTED and is asked again
 * under the same id (the provider refunds once per id).
 */
final class PaymentRefunds {
    private final Database db;
    private final PaymentStore store;
    private final PaymentProviders providers;
    private final Clock clock;
    private final PaymentService payments;

    PaymentRefunds(Database db, PaymentStore store, PaymentProviders providers, Clock clock, PaymentService payments) {
        this.db = db;
        this.store = store;
        this.providers = providers;
        this.clock = clock;
        this.payments = payments;
    }

    /** Refunds {@code fen} of {@code p} under {@code refundId}; a refund already accepted under that id is not redone. */
    Payment refund(Payment p, String refundId, long fen, String reason) {
        String why = reason == null || reason.isBlank() ? "refund" : reason.strip();
        if (why.length() > 80) {
            throw new ServiceException(Problem.BAD_REQUEST, "reason must be at most 80 characters");
        }
        Instant now = clock.instant();
        Optional<RefundRow> existing = db.read(c -> store.refund(c, refundId));
        if (existing.isPresent()
                && !existing.get().state().equals("REQUESTED")
                && !existing.get().state().equals("FAILED")) {
            return payments.get(p.id()); // accepted already
        }
        if (existing.isEmpty() || existing.get().state().equals("FAILED")) {
            boolean reserved = db.tx(c -> {
                if (!store.reserveRefund(c, p.id(), fen, now)) {
                    return false;
                }
                if (existing.isEmpty()) {
                    store.insertRefund(c, new RefundRow(refundId, p.id(), fen, why, "REQUESTED", now));
                } else {
                    store.settleRefund(c, refundId, "REQUESTED", null, now);
                }
                return true;
            });
            if (!reserved) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "payment " + p.id() + " is not paid, or " + fen + " fen more would refund more than was paid",
                        p.id());
            }
        }
        RefundOutcome out;
        try {
            out = payments.audited(
                    p,
                    "REFUND",
                    () -> providers
                            .of(p.provider())
                            .refund(new RefundRequest(
                                    refundId, p.id(), new Money(fen, p.amount().currency()), p.amount(), why)));
        } catch (PaymentException e) {
            if (!e.outcomeUnknown()) {
                refused(p, refundId, fen);
            }
            return payments.get(p.id());
        }
        if (out.status() == Status.FAILED) {
            refused(p, refundId, fen);
        } else {
            db.tx(c -> {
                Instant t = clock.instant();
                store.settleRefund(
                        c,
                        refundId,
                        out.status() == Status.SUCCEEDED ? "SUCCEEDED" : "PROCESSING",
                        out.providerRefundId(),
                        t);
                store.markRefundedIfFull(c, p.id(), t);
                return null;
            });
        }
        return payments.get(p.id());
    }

    /** The provider definitely refused: the reservation is given back. */
    private void refused(Payment p, String refundId, long fen) {
        db.tx(c -> {
            Instant t = clock.instant();
            store.settleRefund(c, refundId, "FAILED", null, t);
            store.releaseRefund(c, p.id(), fen, t);
            return null;
        });
    }
}
